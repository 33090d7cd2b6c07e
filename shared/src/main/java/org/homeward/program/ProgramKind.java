package org.homeward.program;

public enum ProgramKind {
    SHELTER,
    COUNSELLING,
    MEDICAL_CARE,
    LEGAL_AID,
    EDUCATION,
    VOCATIONAL_TRAINING,
    EMPLOYMENT_SUPPORT,
    LIVELIHOOD,
    FAMILY_REUNIFICATION,
    OTHER
}
