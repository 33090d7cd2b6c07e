package org.homeward.journey;

import static org.homeward.journey.MilestoneType.Needs.EMPLOYMENT;
import static org.homeward.journey.MilestoneType.Needs.NOTHING;
import static org.homeward.journey.MilestoneType.Needs.PROGRAM;
import static org.homeward.journey.MilestoneType.Needs.PROGRAM_AND_REASON;
import static org.homeward.journey.ReintegrationArea.*;

/**
 * The milestone catalogue, in case managers' words. Extend it; never rename or remove a value, because
 * recorded events name these constants forever.
 */
public enum MilestoneType {
    IDENTIFIED_AS_PRESUMED_VICTIM(IDENTIFICATION_AND_REFERRAL, NOTHING, true),
    REFERRED_IN(IDENTIFICATION_AND_REFERRAL, NOTHING, true),
    REFERRED_OUT(IDENTIFICATION_AND_REFERRAL, NOTHING, false),

    INTAKE_INTERVIEW_HELD(INTAKE, NOTHING, false),
    NEEDS_ASSESSMENT_COMPLETED(INTAKE, NOTHING, false),

    RISK_ASSESSMENT_COMPLETED(SAFETY_AND_RISK, NOTHING, false),
    SAFETY_PLAN_AGREED(SAFETY_AND_RISK, NOTHING, false),
    SAFETY_INCIDENT_REPORTED(SAFETY_AND_RISK, NOTHING, false),

    SHELTER_ENTERED(SHELTER_AND_HOUSING, NOTHING, false),
    SHELTER_EXITED(SHELTER_AND_HOUSING, NOTHING, false),
    HOUSING_SECURED(SHELTER_AND_HOUSING, NOTHING, false),

    MEDICAL_CHECKUP_DONE(MEDICAL_CARE, NOTHING, false),
    MEDICAL_TREATMENT_STARTED(MEDICAL_CARE, NOTHING, false),
    MEDICAL_TREATMENT_COMPLETED(MEDICAL_CARE, NOTHING, false),

    COUNSELLING_STARTED(PSYCHOSOCIAL_CARE_AND_COUNSELLING, NOTHING, false),
    COUNSELLING_COMPLETED(PSYCHOSOCIAL_CARE_AND_COUNSELLING, NOTHING, false),

    SUPPORT_GROUP_JOINED(SUPPORT_GROUPS, NOTHING, false),
    SUPPORT_GROUP_LEFT(SUPPORT_GROUPS, NOTHING, false),

    LEGAL_COUNSEL_ASSIGNED(LEGAL_AID, NOTHING, false),
    COMPLAINT_FILED(LEGAL_AID, NOTHING, false),
    TESTIFIED_IN_PROCEEDINGS(LEGAL_AID, NOTHING, false),
    COMPENSATION_AWARDED(LEGAL_AID, NOTHING, false),

    RECOVERY_AND_REFLECTION_PERIOD_GRANTED(DOCUMENTS_AND_RESIDENCE_STATUS, NOTHING, false),
    IDENTITY_DOCUMENTS_OBTAINED(DOCUMENTS_AND_RESIDENCE_STATUS, NOTHING, false),
    RESIDENCE_PERMIT_APPLIED_FOR(DOCUMENTS_AND_RESIDENCE_STATUS, NOTHING, false),
    RESIDENCE_STATUS_REGULARISED(DOCUMENTS_AND_RESIDENCE_STATUS, NOTHING, false),

    EDUCATION_ENROLLED(EDUCATION, PROGRAM, false),
    EDUCATION_COMPLETED(EDUCATION, PROGRAM, false),
    EDUCATION_DROPPED_OUT(EDUCATION, PROGRAM_AND_REASON, false),

    TRAINING_ENROLLED(VOCATIONAL_TRAINING, PROGRAM, false),
    TRAINING_COMPLETED(VOCATIONAL_TRAINING, PROGRAM, false),
    TRAINING_DROPPED_OUT(VOCATIONAL_TRAINING, PROGRAM_AND_REASON, false),

    EMPLOYMENT_STARTED(EMPLOYMENT_AND_INCOME, EMPLOYMENT, false),
    EMPLOYMENT_ENDED(EMPLOYMENT_AND_INCOME, NOTHING, false),
    BUSINESS_STARTED(EMPLOYMENT_AND_INCOME, EMPLOYMENT, false),

    FAMILY_CONTACT_RESTORED(FAMILY_AND_COMMUNITY, NOTHING, false),
    RETURNED_TO_FAMILY(FAMILY_AND_COMMUNITY, NOTHING, false),
    RETURNED_TO_COUNTRY_OF_ORIGIN(FAMILY_AND_COMMUNITY, NOTHING, false),

    FOLLOW_UP_VISIT_HELD(FOLLOW_UP, NOTHING, false),

    EXIT_PLAN_AGREED(CLOSURE, NOTHING, false);

    /** What a milestone of this type must carry besides its date. */
    public enum Needs {
        NOTHING,
        /** the program (an active one of the journey's organisation) the person enrolled in or completed */
        PROGRAM,
        /** the program and why the person dropped out */
        PROGRAM_AND_REASON,
        /** the employment outcome: sector and whether the income is regular */
        EMPLOYMENT
    }

    private final ReintegrationArea area;
    private final Needs needs;
    private final boolean mayPrecedeIntake;

    MilestoneType(ReintegrationArea area, Needs needs, boolean mayPrecedeIntake) {
        this.area = area;
        this.needs = needs;
        this.mayPrecedeIntake = mayPrecedeIntake;
    }

    public ReintegrationArea area() {
        return area;
    }

    public Needs needs() {
        return needs;
    }

    public boolean needsProgram() {
        return needs == PROGRAM || needs == PROGRAM_AND_REASON;
    }

    /** Identification and referral in happen before the intake interview; everything else happens after it. */
    public boolean mayPrecedeIntake() {
        return mayPrecedeIntake;
    }
}
