package org.homeward.query.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.homeward.journey.ConsentGiven;
import org.homeward.journey.ConsentPurpose;
import org.homeward.journey.ConsentWithdrawn;
import org.homeward.journey.JourneyOpened;
import org.homeward.journey.MilestoneCorrected;
import org.homeward.journey.MilestoneOutcome;
import org.homeward.journey.MilestoneRecorded;
import org.homeward.journey.MilestoneRetracted;
import org.homeward.journey.MilestoneType;
import org.homeward.journey.PersonalDataErased;
import org.homeward.journey.Profile;
import org.homeward.outcome.FindJourneyExport;
import org.homeward.outcome.JourneyExport;
import org.homeward.program.ProgramDefined;
import org.homeward.program.ProgramKind;
import org.homeward.query.QuerySettings;
import org.homeward.query.support.GivenEvents;
import org.homeward.query.support.ReadModelDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Given the events of journeys whose export is known in advance, the export holds exactly these journeys, with
 * exactly these cells generalised, and exactly these milestones. k is 3 here, so that every group stays small
 * enough to read; the application's k is {@code homeward.outcomes.suppression-threshold}, 11 by default.
 */
class JourneyExportTest {

    private static final int K = 3;
    private static final String ORGANISATION = "org-export";
    private static final Set<ConsentPurpose> ALL_THREE = Set.of(ConsentPurpose.CASE_MANAGEMENT,
                                                                ConsentPurpose.PROGRAM_EVALUATION,
                                                                ConsentPurpose.RESEARCH);
    private static final Set<ConsentPurpose> NO_RESEARCH = Set.of(ConsentPurpose.CASE_MANAGEMENT,
                                                                  ConsentPurpose.PROGRAM_EVALUATION);
    private static final UUID BAKERY = UUID.randomUUID();
    private static final Profile LONE = profile(Profile.AgeBand.UNDER_18, Profile.Gender.OTHER, "NG",
                                                Profile.FormOfExploitation.ORGAN_REMOVAL);

    private static ExportQueries exports;
    private static GivenEvents events;
    private static UUID followed;
    private static final List<UUID> journeys = new ArrayList<>();

    /**
     * Group A: three journeys of one profile and month, shown as recorded. Group B: three of one profile and
     * month but citizenships UA, UA and RO, shown with citizenship suppressed. Group C: three of one profile and
     * citizenship (MD, MD, AL) in three months (one consented to research after intake), shown with citizenship
     * suppressed and the intake year. Group E: three women of MD in three months with three age bands and forms
     * of exploitation, shown with only gender and the intake year. One journey alike no other, withheld whole: four
     * others of its very profile are not exported (no research consent; research withdrawn; evaluation withdrawn;
     * erased), or they would have made it a group. A journey of another organisation. One journey of group A has
     * milestones: before intake, in the bakery program, corrected, retracted, with an employment outcome.
     */
    @BeforeAll
    static void knownJourneys() {
        JdbcTemplate jdbc = ReadModelDatabase.fresh();
        exports = new ExportQueries(jdbc, Optional.empty(), new QuerySettings(null, new QuerySettings.Outcomes(K, "")));
        events = new GivenEvents(new OutcomesProjection(jdbc));
        events.given(new ProgramDefined(BAKERY, ORGANISATION, "Bakery apprenticeship",
                                        ProgramKind.VOCATIONAL_TRAINING, null));
        Profile a = profile(Profile.AgeBand.FROM_18_TO_24, Profile.Gender.FEMALE, "MD",
                            Profile.FormOfExploitation.SEXUAL);
        followed = open(a, LocalDate.of(2026, 1, 12), ALL_THREE);
        open(a, LocalDate.of(2026, 1, 20), ALL_THREE);
        open(a, LocalDate.of(2026, 1, 31), ALL_THREE);
        for (String citizenship : List.of("UA", "UA", "RO")) {
            open(profile(Profile.AgeBand.FROM_18_TO_24, Profile.Gender.FEMALE, citizenship,
                         Profile.FormOfExploitation.SEXUAL), LocalDate.of(2026, 1, 3), ALL_THREE);
        }
        Profile c = profile(Profile.AgeBand.FROM_25_TO_34, Profile.Gender.MALE, "MD",
                            Profile.FormOfExploitation.FORCED_LABOUR);
        open(c, LocalDate.of(2026, 2, 2), ALL_THREE);
        UUID later = open(c, LocalDate.of(2026, 5, 2), NO_RESEARCH);
        events.given(new ConsentGiven(later, ConsentPurpose.RESEARCH, null, LocalDate.of(2026, 6, 1), "cm-export",
                                      Set.of()));
        open(profile(Profile.AgeBand.FROM_25_TO_34, Profile.Gender.MALE, "AL",
                     Profile.FormOfExploitation.FORCED_LABOUR), LocalDate.of(2026, 3, 2), ALL_THREE);
        open(profile(Profile.AgeBand.FROM_35_TO_44, Profile.Gender.FEMALE, "MD",
                     Profile.FormOfExploitation.DOMESTIC_SERVITUDE), LocalDate.of(2026, 7, 1), ALL_THREE);
        open(profile(Profile.AgeBand.FROM_45_TO_59, Profile.Gender.FEMALE, "MD",
                     Profile.FormOfExploitation.FORCED_BEGGING), LocalDate.of(2026, 8, 1), ALL_THREE);
        open(profile(Profile.AgeBand.FROM_60, Profile.Gender.FEMALE, "MD",
                     Profile.FormOfExploitation.FORCED_MARRIAGE), LocalDate.of(2026, 9, 1), ALL_THREE);

        LocalDate june = LocalDate.of(2026, 6, 10);
        open(LONE, june, ALL_THREE);
        open(LONE, june, NO_RESEARCH);
        UUID withdrewResearch = open(LONE, june, ALL_THREE);
        events.given(new ConsentWithdrawn(withdrewResearch, ConsentPurpose.RESEARCH, null, june, "cm-export"));
        UUID withdrewEvaluation = open(LONE, june, ALL_THREE);
        events.given(new ConsentWithdrawn(withdrewEvaluation, ConsentPurpose.PROGRAM_EVALUATION, null, june,
                                          "cm-export"));
        UUID erased = open(LONE, june, ALL_THREE);
        events.given(new PersonalDataErased(erased, june.plusDays(1)));
        events.given(new JourneyOpened(UUID.randomUUID(), "org-elsewhere", "cm-elsewhere", june, a, null, ALL_THREE,
                                       "cm-elsewhere"));

        LocalDate intake = LocalDate.of(2026, 1, 12);
        UUID shelter = UUID.randomUUID();
        UUID mistaken = UUID.randomUUID();
        events.given(milestone(followed, MilestoneType.IDENTIFIED_AS_PRESUMED_VICTIM, intake.minusDays(20), null,
                               null, "found at the border"),
                     milestone(followed, MilestoneType.TRAINING_ENROLLED, LocalDate.of(2026, 2, 27), BAKERY, null,
                               null),
                     new MilestoneRecorded(followed, shelter, MilestoneType.SHELTER_ENTERED, intake, "room 4", null,
                                           null),
                     new MilestoneRecorded(followed, mistaken, MilestoneType.COMPLAINT_FILED, intake, null, null,
                                           null),
                     milestone(followed, MilestoneType.TRAINING_DROPPED_OUT, LocalDate.of(2026, 3, 3), BAKERY,
                               new MilestoneOutcome(null, null, "sealed reason"), null),
                     milestone(followed, MilestoneType.EMPLOYMENT_STARTED, LocalDate.of(2026, 4, 30), null,
                               new MilestoneOutcome(MilestoneOutcome.EmploymentSector.HOSPITALITY_AND_FOOD, true,
                                                    null), null));
        events.given(new MilestoneCorrected(followed, shelter, MilestoneType.HOUSING_SECURED,
                                            LocalDate.of(2026, 3, 1), null, null, null, "wrong type"),
                     new MilestoneRetracted(followed, mistaken, "wrong journey"));
    }

    @Test
    void theExportHoldsExactlyTheseJourneysWithExactlyTheseCellsGeneralised() {
        JourneyExport export = exports.handle(new FindJourneyExport(null, ORGANISATION, null, null));

        assertThat(export.suppressionThreshold()).isEqualTo(K);
        assertThat(export.journeys().stream().map(JourneyExportTest::row)).containsExactlyInAnyOrder(
                "FROM_18_TO_24 FEMALE MD SEXUAL 2026-01 []",
                "FROM_18_TO_24 FEMALE MD SEXUAL 2026-01 []",
                "FROM_18_TO_24 FEMALE MD SEXUAL 2026-01 []",
                "FROM_18_TO_24 FEMALE suppressed SEXUAL 2026-01 [prs_Citizenship]",
                "FROM_18_TO_24 FEMALE suppressed SEXUAL 2026-01 [prs_Citizenship]",
                "FROM_18_TO_24 FEMALE suppressed SEXUAL 2026-01 [prs_Citizenship]",
                "FROM_25_TO_34 MALE suppressed FORCED_LABOUR 2026 [prs_Citizenship, intakeMonth]",
                "FROM_25_TO_34 MALE suppressed FORCED_LABOUR 2026 [prs_Citizenship, intakeMonth]",
                "FROM_25_TO_34 MALE suppressed FORCED_LABOUR 2026 [prs_Citizenship, intakeMonth]",
                "suppressed FEMALE suppressed suppressed 2026"
                + " [prs_Citizenship, intakeMonth, ageBandAtIntake, vic_TypeOfExploitation]",
                "suppressed FEMALE suppressed suppressed 2026"
                + " [prs_Citizenship, intakeMonth, ageBandAtIntake, vic_TypeOfExploitation]",
                "suppressed FEMALE suppressed suppressed 2026"
                + " [prs_Citizenship, intakeMonth, ageBandAtIntake, vic_TypeOfExploitation]");
    }

    /** Standing milestones as months after the intake month, corrected as corrected, with codes and no text. */
    @Test
    void milestonesAreTheStandingOnesWithTheirCodesAlone() {
        JourneyExport export = exports.handle(new FindJourneyExport(null, ORGANISATION, null, null));

        List<JourneyExport.ExportedJourney> withMilestones = export.journeys().stream()
                .filter(journey -> !journey.milestones().isEmpty()).toList();
        assertThat(withMilestones).hasSize(1);
        assertThat(withMilestones.get(0).milestones()).containsExactly(
                new JourneyExport.ExportedMilestone("IDENTIFIED_AS_PRESUMED_VICTIM", -1, null, null),
                new JourneyExport.ExportedMilestone("TRAINING_ENROLLED", 1, null, null),
                new JourneyExport.ExportedMilestone("HOUSING_SECURED", 2, null, null),
                new JourneyExport.ExportedMilestone("TRAINING_DROPPED_OUT", 2, null, null),
                new JourneyExport.ExportedMilestone("EMPLOYMENT_STARTED", 3, "HOSPITALITY_AND_FOOD", true));
        assertThat(export.toString()).doesNotContain("border", "room 4", "sealed reason", "wrong",
                                                     BAKERY.toString());
        journeys.forEach(journey -> assertThat(export.toString()).doesNotContain(journey.toString()));
    }

    /** The case reference holds within one export only: the same journeys get other references the next time. */
    @Test
    void caseReferencesCannotBeLinkedAcrossExports() {
        List<String> first = caseRefs(exports.handle(new FindJourneyExport(null, ORGANISATION, null, null)));
        List<String> second = caseRefs(exports.handle(new FindJourneyExport(null, ORGANISATION, null, null)));

        assertThat(first).hasSize(12).doesNotHaveDuplicates().isSorted()
                         .allMatch(ref -> ref.matches("[0-9a-f]{16}"));
        assertThat(second).hasSize(12).doesNotContainAnyElementsOf(first);
    }

    /** A bound inside a month takes the whole month; the groups are formed again over the journeys asked. */
    @Test
    void periodsAreWholeMonthsAndSuppressionIsOverTheJourneysAsked() {
        JourneyExport january = exports.handle(new FindJourneyExport(null, ORGANISATION, LocalDate.of(2026, 1, 20),
                                                                     LocalDate.of(2026, 1, 20)));
        JourneyExport spring = exports.handle(new FindJourneyExport(null, ORGANISATION, LocalDate.of(2026, 2, 1),
                                                                    LocalDate.of(2026, 5, 31)));

        assertThat(january.from()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(january.to()).isEqualTo(LocalDate.of(2026, 1, 31));
        assertThat(january.journeys().stream().map(JourneyExportTest::row)).containsExactlyInAnyOrder(
                "FROM_18_TO_24 FEMALE MD SEXUAL 2026-01 []",
                "FROM_18_TO_24 FEMALE MD SEXUAL 2026-01 []",
                "FROM_18_TO_24 FEMALE MD SEXUAL 2026-01 []",
                "FROM_18_TO_24 FEMALE suppressed SEXUAL 2026-01 [prs_Citizenship]",
                "FROM_18_TO_24 FEMALE suppressed SEXUAL 2026-01 [prs_Citizenship]",
                "FROM_18_TO_24 FEMALE suppressed SEXUAL 2026-01 [prs_Citizenship]");
        assertThat(spring.journeys().stream().map(JourneyExportTest::row)).containsExactly(
                "FROM_25_TO_34 MALE suppressed FORCED_LABOUR 2026 [prs_Citizenship, intakeMonth]",
                "FROM_25_TO_34 MALE suppressed FORCED_LABOUR 2026 [prs_Citizenship, intakeMonth]",
                "FROM_25_TO_34 MALE suppressed FORCED_LABOUR 2026 [prs_Citizenship, intakeMonth]");
    }

    /** One journey took part in the bakery program: fewer than k, so the program's export holds no one. */
    @Test
    void aProgramOfFewerThanKJourneysExportsNoOneAndAnUnknownProgramIsRefused() {
        assertThat(exports.handle(new FindJourneyExport(BAKERY, null, null, null)).journeys()).isEmpty();
        assertThatThrownBy(() -> exports.handle(new FindJourneyExport(UUID.randomUUID(), null, null, null)))
                .isInstanceOf(UnknownProgramException.class);
    }

    /** As CSV: one line per milestone, the journey's fields on each; a journey without milestones has one line. */
    @Test
    void csvHasOneLinePerMilestone() {
        JourneyExport export = exports.handle(new FindJourneyExport(null, ORGANISATION, null, null));
        String ref = export.journeys().stream().filter(journey -> !journey.milestones().isEmpty())
                           .findFirst().orElseThrow().caseRef();

        List<String> lines = List.of(OutcomesCsv.write(export).split("\r\n"));

        assertThat(lines.get(0)).isEqualTo("caseRef,ageBandAtIntake,prs_Gender,prs_Citizenship,"
                                           + "vic_TypeOfExploitation,intakeMonth,generalised,milestoneType,"
                                           + "monthsAfterIntake,employmentSector,regularIncome");
        assertThat(lines).hasSize(1 + 11 + 5);
        assertThat(lines.stream().filter(line -> line.startsWith(ref))).containsExactly(
                ref + ",FROM_18_TO_24,FEMALE,MD,SEXUAL,2026-01,,IDENTIFIED_AS_PRESUMED_VICTIM,-1,,",
                ref + ",FROM_18_TO_24,FEMALE,MD,SEXUAL,2026-01,,TRAINING_ENROLLED,1,,",
                ref + ",FROM_18_TO_24,FEMALE,MD,SEXUAL,2026-01,,HOUSING_SECURED,2,,",
                ref + ",FROM_18_TO_24,FEMALE,MD,SEXUAL,2026-01,,TRAINING_DROPPED_OUT,2,,",
                ref + ",FROM_18_TO_24,FEMALE,MD,SEXUAL,2026-01,,EMPLOYMENT_STARTED,3,HOSPITALITY_AND_FOOD,true");
        assertThat(lines.stream().filter(line -> line.contains("FORCED_LABOUR")))
                .hasSize(3)
                .allMatch(line -> line.matches("[0-9a-f]{16},FROM_25_TO_34,MALE,suppressed,FORCED_LABOUR,2026,"
                                               + "prs_Citizenship intakeMonth,,,,"));
    }

    private static String row(JourneyExport.ExportedJourney journey) {
        return String.join(" ", journey.ageBandAtIntake(), journey.prs_Gender(), journey.prs_Citizenship(),
                           journey.vic_TypeOfExploitation(), journey.intakeMonth(),
                           journey.generalised().toString());
    }

    private static List<String> caseRefs(JourneyExport export) {
        return export.journeys().stream().map(JourneyExport.ExportedJourney::caseRef).toList();
    }

    private static Profile profile(Profile.AgeBand ageBand, Profile.Gender gender, String citizenship,
                                   Profile.FormOfExploitation exploitation) {
        return new Profile(ageBand, gender, citizenship, exploitation);
    }

    private static UUID open(Profile profile, LocalDate intake, Set<ConsentPurpose> consents) {
        UUID journey = UUID.randomUUID();
        journeys.add(journey);
        events.given(new JourneyOpened(journey, ORGANISATION, "cm-export", intake, profile, null, consents,
                                       "cm-export"));
        return journey;
    }

    private static MilestoneRecorded milestone(UUID journey, MilestoneType type, LocalDate on, UUID program,
                                               MilestoneOutcome outcome, String note) {
        return new MilestoneRecorded(journey, UUID.randomUUID(), type, on, note, program, outcome);
    }
}
