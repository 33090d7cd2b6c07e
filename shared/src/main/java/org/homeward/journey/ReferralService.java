package org.homeward.journey;

import java.util.Set;

/**
 * What a partner is asked to do, one service per area of the journey it serves. Each service names the coarse
 * profile fields a partner needs to provide it; a partner sees those and nothing else of the profile.
 */
public enum ReferralService {
    SHELTER_AND_HOUSING(ReintegrationArea.SHELTER_AND_HOUSING, ProfileField.AGE_BAND, ProfileField.GENDER),
    MEDICAL_CARE(ReintegrationArea.MEDICAL_CARE, ProfileField.AGE_BAND, ProfileField.GENDER),
    PSYCHOSOCIAL_CARE_AND_COUNSELLING(ReintegrationArea.PSYCHOSOCIAL_CARE_AND_COUNSELLING, ProfileField.AGE_BAND,
                                      ProfileField.GENDER, ProfileField.FORM_OF_EXPLOITATION),
    LEGAL_AID(ReintegrationArea.LEGAL_AID, ProfileField.NATIONALITY, ProfileField.FORM_OF_EXPLOITATION),
    DOCUMENTS_AND_RESIDENCE_STATUS(ReintegrationArea.DOCUMENTS_AND_RESIDENCE_STATUS, ProfileField.NATIONALITY),
    EDUCATION(ReintegrationArea.EDUCATION, ProfileField.AGE_BAND),
    VOCATIONAL_TRAINING(ReintegrationArea.VOCATIONAL_TRAINING, ProfileField.AGE_BAND, ProfileField.GENDER),
    EMPLOYMENT_AND_INCOME(ReintegrationArea.EMPLOYMENT_AND_INCOME, ProfileField.AGE_BAND,
                          ProfileField.NATIONALITY),
    FAMILY_AND_COMMUNITY(ReintegrationArea.FAMILY_AND_COMMUNITY, ProfileField.AGE_BAND);

    /** The fields of {@link Profile} a service may need. */
    public enum ProfileField { AGE_BAND, GENDER, NATIONALITY, FORM_OF_EXPLOITATION }

    private final ReintegrationArea area;
    private final Set<ProfileField> profileNeeded;

    ReferralService(ReintegrationArea area, ProfileField... profileNeeded) {
        this.area = area;
        this.profileNeeded = Set.of(profileNeeded);
    }

    public ReintegrationArea area() {
        return area;
    }

    public Set<ProfileField> profileNeeded() {
        return profileNeeded;
    }
}
