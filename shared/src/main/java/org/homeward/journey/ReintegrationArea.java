package org.homeward.journey;

/**
 * The areas of a reintegration journey. Each belongs to one pillar of the OSCE/ODIHR National Referral
 * Mechanisms handbook (2nd ed., 2022), so figures can be rolled up the way referral mechanisms report them.
 */
public enum ReintegrationArea {
    IDENTIFICATION_AND_REFERRAL(Pillar.IDENTIFICATION_AND_PROTECTION),
    INTAKE(Pillar.IDENTIFICATION_AND_PROTECTION),
    SAFETY_AND_RISK(Pillar.IDENTIFICATION_AND_PROTECTION),
    SHELTER_AND_HOUSING(Pillar.INDIVIDUAL_SUPPORT),
    MEDICAL_CARE(Pillar.INDIVIDUAL_SUPPORT),
    PSYCHOSOCIAL_CARE_AND_COUNSELLING(Pillar.INDIVIDUAL_SUPPORT),
    SUPPORT_GROUPS(Pillar.INDIVIDUAL_SUPPORT),
    LEGAL_AID(Pillar.CRIMINAL_JUSTICE_AND_REDRESS),
    DOCUMENTS_AND_RESIDENCE_STATUS(Pillar.INDIVIDUAL_SUPPORT),
    EDUCATION(Pillar.SOCIAL_INCLUSION),
    VOCATIONAL_TRAINING(Pillar.SOCIAL_INCLUSION),
    EMPLOYMENT_AND_INCOME(Pillar.SOCIAL_INCLUSION),
    FAMILY_AND_COMMUNITY(Pillar.SOCIAL_INCLUSION),
    FOLLOW_UP(Pillar.SOCIAL_INCLUSION),
    CLOSURE(Pillar.SOCIAL_INCLUSION);

    public enum Pillar {
        IDENTIFICATION_AND_PROTECTION,
        INDIVIDUAL_SUPPORT,
        SOCIAL_INCLUSION,
        CRIMINAL_JUSTICE_AND_REDRESS
    }

    private final Pillar pillar;

    ReintegrationArea(Pillar pillar) {
        this.pillar = pillar;
    }

    public Pillar pillar() {
        return pillar;
    }
}
