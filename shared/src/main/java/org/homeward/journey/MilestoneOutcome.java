package org.homeward.journey;

/**
 * What a milestone achieved, for the types whose catalogue entry needs it: the employment outcome of
 * {@link MilestoneType#EMPLOYMENT_STARTED} and {@link MilestoneType#BUSINESS_STARTED}, the reason of a drop-out.
 */
public record MilestoneOutcome(EmploymentSector employmentSector, Boolean regularIncome, String dropOutReason) {

    public static final MilestoneOutcome NONE = new MilestoneOutcome(null, null, null);

    /** Broad sectors, coarse on purpose: an employer's name would identify the person. */
    public enum EmploymentSector {
        AGRICULTURE,
        MANUFACTURING,
        CONSTRUCTION,
        HOSPITALITY_AND_FOOD,
        RETAIL_AND_TRADE,
        DOMESTIC_AND_CARE_WORK,
        PERSONAL_SERVICES,
        TRANSPORT_AND_LOGISTICS,
        OFFICE_AND_ADMINISTRATION,
        HEALTH_AND_EDUCATION,
        OTHER
    }
}
