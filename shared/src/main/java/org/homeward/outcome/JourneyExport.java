package org.homeward.outcome;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Journeys and their milestones, one record per journey, never a person: no journey id, name, staff id, day or
 * free text, a case reference that holds only within this one export, and the coarse profile and intake month
 * generalised wherever fewer than {@code suppressionThreshold} journeys share them. Field names follow the Human
 * Trafficking Case Data Standard 2.0 where it has the field ({@code prs_}, {@code vic_}); docs/export.md says which.
 *
 * @param from    first day of the first intake month asked for; null when no lower bound was asked
 * @param to      last day of the last intake month asked for; null when no upper bound was asked
 * @param journeys in the order of their case references, which says nothing about them
 */
public record JourneyExport(UUID programId, String organisationId, LocalDate from, LocalDate to,
                            int suppressionThreshold, List<ExportedJourney> journeys) {

    /** What a withheld profile field or intake month reads. */
    public static final String SUPPRESSED = "suppressed";

    /**
     * @param caseRef                a random reference, the same for the journey's milestones in this export and
     *                               unrelated to it in any other
     * @param ageBandAtIntake        the age band at intake, such as FROM_18_TO_24
     * @param prs_Gender             FEMALE, MALE, OTHER or NOT_DISCLOSED
     * @param prs_Citizenship        nationality, ISO 3166-1 alpha-2
     * @param vic_TypeOfExploitation the form of exploitation, such as FORCED_LABOUR
     * @param intakeMonth            such as 2026-03; or only the year, such as 2026, when generalised
     * @param generalised            the fields of this journey generalised or suppressed, in the order they gave way
     * @param milestones             its standing milestones, in order of time
     */
    public record ExportedJourney(String caseRef, String ageBandAtIntake, String prs_Gender,
                                  String prs_Citizenship, String vic_TypeOfExploitation, String intakeMonth,
                                  List<String> generalised, List<ExportedMilestone> milestones) {
    }

    /**
     * @param type              the milestone type of the catalogue, such as EMPLOYMENT_STARTED
     * @param monthsAfterIntake calendar months from the intake month to the milestone's month; negative for an
     *                          identification or referral before the intake
     * @param employmentSector  for an employment or business start, the broad sector; null otherwise
     * @param regularIncome     for an employment or business start, whether the income is regular; null otherwise
     */
    public record ExportedMilestone(String type, int monthsAfterIntake, String employmentSector,
                                    Boolean regularIncome) {
    }
}
