package org.homeward.command.journey;

import static org.hamcrest.Matchers.containsString;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.homeward.access.Caller;
import org.homeward.access.Provenance;
import org.homeward.access.Role;
import org.homeward.command.InvalidFieldException;
import org.homeward.refusal.NotPermittedException;
import org.homeward.refusal.NotVisibleException;
import org.homeward.journey.AcceptReferral;
import org.homeward.journey.CloseReferralUnmet;
import org.homeward.journey.CompleteReferral;
import org.homeward.journey.ContactDetail;
import org.homeward.journey.DeclineReferral;
import org.homeward.journey.MakeReferral;
import org.homeward.journey.ReferralAccepted;
import org.homeward.journey.ReferralClosedUnmet;
import org.homeward.journey.ReferralCompleted;
import org.homeward.journey.ReferralDeclined;
import org.homeward.journey.ReferralMade;
import org.homeward.journey.ReferralRevoked;
import org.homeward.journey.ReferralService;
import org.homeward.journey.ReferralStarted;
import org.homeward.journey.RevokeReferral;
import org.homeward.journey.StartReferral;
import org.homeward.journey.ReceiveReferral;
import org.homeward.journey.ReferralReceived;
import org.homeward.journey.ReferralReceived.Source;
import org.homeward.journey.AssessReintegration;
import org.homeward.journey.ConfirmSamePerson;
import org.homeward.journey.DismissPossibleDuplicate;
import org.homeward.journey.PossibleDuplicateDismissed;
import org.homeward.journey.SamePersonConfirmed;
import org.homeward.journey.ReferralClosedUnmet.UnmetReason;
import org.homeward.journey.ReferralCompleted.ReferralOutcome;
import org.homeward.journey.ReferralDeclined.DeclineReason;
import org.homeward.journey.ReferralMade.ConsentOverride.OverrideReason;
import org.homeward.journey.ReferralRevoked.RevocationCause;
import org.homeward.journey.AssignCaseManager;
import org.homeward.journey.CaseManagerAssigned;
import org.homeward.journey.CloseJourney;
import org.homeward.journey.ClosureReason;
import org.homeward.journey.CompleteFollowUp;
import org.homeward.journey.ConsentGiven;
import org.homeward.journey.ConsentPurpose;
import org.homeward.journey.ConsentWithdrawn;
import org.homeward.journey.CorrectMilestone;
import org.homeward.journey.ErasePersonalData;
import org.homeward.journey.FlagRisk;
import org.homeward.journey.FollowUpCompleted;
import org.homeward.journey.FollowUpMissed;
import org.homeward.journey.FollowUpPurpose;
import org.homeward.journey.FollowUpScheduled;
import org.homeward.journey.GiveConsent;
import org.homeward.journey.JourneyClosed;
import org.homeward.journey.JourneyOpened;
import org.homeward.journey.JourneyReopened;
import org.homeward.journey.JourneyTransferred;
import org.homeward.journey.MarkFollowUpMissed;
import org.homeward.journey.MilestoneCorrected;
import org.homeward.journey.MilestoneOutcome.EmploymentSector;
import org.homeward.journey.MilestoneOutcome;
import org.homeward.journey.MilestoneRecorded;
import org.homeward.journey.MilestoneRetracted;
import org.homeward.journey.MilestoneType;
import org.homeward.journey.OpenJourney;
import org.homeward.journey.PersonalDataErased;
import org.homeward.journey.Profile;
import org.homeward.journey.RecordMilestone;
import org.homeward.journey.ReintegrationAssessed;
import org.homeward.journey.ReintegrationScores;
import org.homeward.journey.ReopenJourney;
import org.homeward.journey.ResolveRiskFlag;
import org.homeward.journey.RetractMilestone;
import org.homeward.journey.RiskFlagResolved;
import org.homeward.journey.RiskFlagged;
import org.homeward.journey.RiskKind;
import org.homeward.journey.ScheduleFollowUp;
import org.homeward.journey.TransferJourney;
import org.homeward.journey.WithdrawConsent;
import org.homeward.program.ProgramStanding;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One test per rule of the journey. Command handlers answer the journey's new version: the sequence number of the
 * event they applied, so with n given events the answer is n.
 */
class JourneyTest {

    /** 2026-03-10 12:00 UTC: it is already 2026-03-11 from UTC+12 eastwards. */
    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    private static final LocalDate TOMORROW_IN_UTC = TODAY.plusDays(1);
    private static final LocalDate FUTURE = TODAY.plusDays(2);
    private static final LocalDate INTAKE = LocalDate.of(2026, 1, 5);
    private static final LocalDate BEFORE_INTAKE = INTAKE.minusDays(1);
    private static final Profile PROFILE =
            new Profile(Profile.AgeBand.FROM_25_TO_34, Profile.Gender.FEMALE, "RO", Profile.FormOfExploitation.FORCED_LABOUR);
    private static final Set<ConsentPurpose> CONSENT_AT_INTAKE = Set.of(ConsentPurpose.CASE_MANAGEMENT);
    private static final MilestoneOutcome EMPLOYED = new MilestoneOutcome(EmploymentSector.HOSPITALITY_AND_FOOD, true, null);
    private static final ReintegrationScores SCORES = new ReintegrationScores(1, 5, 3);
    /** Version checks are the infrastructure's business; fixture tests send none. */
    private static final Long ANY_VERSION = null;

    private final UUID journeyId = UUID.randomUUID();
    private final UUID milestoneId = UUID.randomUUID();
    private final UUID followUpId = UUID.randomUUID();
    private final UUID assessmentId = UUID.randomUUID();
    private final UUID programId = UUID.randomUUID();
    private AggregateTestFixture<Journey> fixture;
    /** Who sends the commands of a test: a supervisor of the journey's organisation unless the test says. */
    private Caller caller = supervisorOf("org-a");

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Journey.class);
        fixture.registerCommandDispatchInterceptor(commands -> (index, command) -> command.andMetaData(
                new Provenance(caller.userId(), caller.role(), caller.organisationId(), null, null).asMetaData()));
    }

    private static Caller supervisorOf(String organisationId) {
        return new Caller("sv-" + organisationId, Role.SUPERVISOR, organisationId);
    }

    // ---- events the tests start from -------------------------------------------------------------------------

    private JourneyOpened opened() {
        return new JourneyOpened(journeyId, "org-a", "cm-1", INTAKE, PROFILE, null, CONSENT_AT_INTAKE, "staff-1");
    }

    private MilestoneRecorded shelterEntered() {
        return new MilestoneRecorded(journeyId, milestoneId, MilestoneType.SHELTER_ENTERED, INTAKE, "synthetic note",
                                     null, null);
    }

    private MilestoneRetracted retracted() {
        return new MilestoneRetracted(journeyId, milestoneId, "recorded on the wrong journey");
    }

    private JourneyClosed closed() {
        return new JourneyClosed(journeyId, TODAY, ClosureReason.REINTEGRATED, null);
    }

    private JourneyReopened reopened() {
        return new JourneyReopened(journeyId, TODAY, "person asked for help again");
    }

    private ConsentGiven consentGiven(ConsentPurpose purpose, String partnerOrganisationId) {
        return new ConsentGiven(journeyId, purpose, partnerOrganisationId, INTAKE, "staff-1", Set.of());
    }

    private ConsentWithdrawn consentWithdrawn(ConsentPurpose purpose, String partnerOrganisationId) {
        return new ConsentWithdrawn(journeyId, purpose, partnerOrganisationId, TODAY, "staff-1");
    }

    private JourneyTransferred transferredToOrgB() {
        return new JourneyTransferred(journeyId, "org-a", "org-b", "cm-9", "person moved city");
    }

    private FollowUpScheduled followUpScheduled() {
        return new FollowUpScheduled(journeyId, followUpId, INTAKE.plusDays(30), FollowUpPurpose.HOME_VISIT);
    }

    private ReintegrationAssessed assessed(UUID id) {
        return new ReintegrationAssessed(journeyId, id, INTAKE, "cm-1", SCORES, true);
    }

    // ---- commands ---------------------------------------------------------------------------------------------

    private OpenJourney open(LocalDate intakeDate, Set<ConsentPurpose> consentGiven) {
        return new OpenJourney(journeyId, "org-a", "cm-1", intakeDate, PROFILE, null, consentGiven, "staff-1", null,
                               NOW);
    }

    private RecordMilestone record(MilestoneType type, LocalDate occurredOn) {
        return record(type, occurredOn, null, null);
    }

    private RecordMilestone record(MilestoneType type, LocalDate occurredOn, ProgramStanding program,
                                  MilestoneOutcome outcome) {
        return new RecordMilestone(journeyId, milestoneId, type, occurredOn, "synthetic note", program, outcome, NOW,
                                   ANY_VERSION);
    }

    private CorrectMilestone correct(MilestoneType type, LocalDate occurredOn, ProgramStanding program,
                                     MilestoneOutcome outcome) {
        return new CorrectMilestone(journeyId, milestoneId, type, occurredOn, "corrected note", program, outcome,
                                    "wrong type chosen", NOW, ANY_VERSION);
    }

    private RetractMilestone retract() {
        return new RetractMilestone(journeyId, milestoneId, "recorded on the wrong journey", ANY_VERSION);
    }

    private CloseJourney close(LocalDate closedOn) {
        return new CloseJourney(journeyId, closedOn, ClosureReason.REINTEGRATED, null, NOW, ANY_VERSION);
    }

    private ReopenJourney reopen(LocalDate reopenedOn) {
        return new ReopenJourney(journeyId, reopenedOn, "person asked for help again", NOW, ANY_VERSION);
    }

    private GiveConsent give(ConsentPurpose purpose, String partnerOrganisationId, LocalDate givenOn) {
        return new GiveConsent(journeyId, purpose, partnerOrganisationId, Set.of(), givenOn, "staff-1", NOW,
                               ANY_VERSION);
    }

    private WithdrawConsent withdraw(ConsentPurpose purpose, String partnerOrganisationId, LocalDate withdrawnOn) {
        return new WithdrawConsent(journeyId, purpose, partnerOrganisationId, withdrawnOn, "staff-1", NOW,
                                   ANY_VERSION);
    }

    private AssignCaseManager assign(String caseManagerId) {
        return new AssignCaseManager(journeyId, caseManagerId, "workload", ANY_VERSION);
    }

    private TransferJourney transfer(String organisationId, String caseManagerId) {
        return new TransferJourney(journeyId, organisationId, caseManagerId, "person moved city", ANY_VERSION);
    }

    private ScheduleFollowUp schedule(LocalDate dueOn) {
        return new ScheduleFollowUp(journeyId, followUpId, dueOn, FollowUpPurpose.HOME_VISIT, ANY_VERSION);
    }

    private CompleteFollowUp complete(LocalDate completedOn) {
        return new CompleteFollowUp(journeyId, followUpId, completedOn, "synthetic note", NOW, ANY_VERSION);
    }

    private MarkFollowUpMissed markMissed() {
        return new MarkFollowUpMissed(journeyId, followUpId, "not at home", ANY_VERSION);
    }

    private AssessReintegration assess(UUID id, LocalDate assessedOn, ReintegrationScores scores) {
        return new AssessReintegration(journeyId, id, assessedOn, "cm-1", scores, NOW, ANY_VERSION);
    }

    // ---- values -----------------------------------------------------------------------------------------------

    private ProgramStanding program(String organisationId, boolean active) {
        return new ProgramStanding(programId, organisationId, active);
    }

    private ProgramStanding activeProgramOfOrgA() {
        return program("org-a", true);
    }

    private static MilestoneOutcome dropOut(String reason) {
        return new MilestoneOutcome(null, null, reason);
    }

    /** The rule exception names the request field the user has to fix; this checks both kind and field. */
    private static Matcher<InvalidFieldException> invalidField(Class<? extends InvalidFieldException> type,
                                                               String field) {
        return new CustomTypeSafeMatcher<>(type.getSimpleName() + " on field " + field) {
            @Override
            protected boolean matchesSafely(InvalidFieldException exception) {
                return type.isInstance(exception) && field.equals(exception.field());
            }
        };
    }

    private static Matcher<InvalidFieldException> invalidField(String field) {
        return invalidField(InvalidFieldException.class, field);
    }

    // ---- open -------------------------------------------------------------------------------------------------

    @Test
    void opensJourneyAtIntakeWithConsentGiven() {
        fixture.givenNoPriorActivity()
               .when(open(INTAKE, CONSENT_AT_INTAKE))
               .expectSuccessfulHandlerExecution()
               .expectEvents(opened());
    }

    @Test
    void cannotOpenJourneyWithIntakeInFuture() {
        fixture.givenNoPriorActivity()
               .when(open(FUTURE, CONSENT_AT_INTAKE))
               .expectException(invalidField(DateInFutureException.class, "intakeDate"))
               .expectNoEvents();
    }

    @Test
    void cannotConsentToSharingWithPartnerAtIntake() {
        fixture.givenNoPriorActivity()
               .when(open(INTAKE, Set.of(ConsentPurpose.CASE_MANAGEMENT, ConsentPurpose.SHARING_WITH_PARTNER)))
               .expectException(invalidField("consentGiven"))
               .expectNoEvents();
    }

    // ---- record milestone -------------------------------------------------------------------------------------

    @Test
    void recordsMilestoneAndAnswersNewVersion() {
        fixture.given(opened())
               .when(record(MilestoneType.SHELTER_ENTERED, INTAKE))
               .expectEvents(shelterEntered())
               .expectResultMessagePayload(1L);
    }

    @Test
    void recordsEnrolmentWithItsProgram() {
        fixture.given(opened())
               .when(record(MilestoneType.TRAINING_ENROLLED, INTAKE, activeProgramOfOrgA(), null))
               .expectEvents(new MilestoneRecorded(journeyId, milestoneId, MilestoneType.TRAINING_ENROLLED, INTAKE,
                                                   "synthetic note", programId, null))
               .expectResultMessagePayload(1L);
    }

    @Test
    void recordsEmploymentWithItsOutcome() {
        fixture.given(opened())
               .when(record(MilestoneType.EMPLOYMENT_STARTED, INTAKE, null, EMPLOYED))
               .expectEvents(new MilestoneRecorded(journeyId, milestoneId, MilestoneType.EMPLOYMENT_STARTED, INTAKE,
                                                   "synthetic note", null, EMPLOYED));
    }

    @Test
    void recordsBusinessStartedWithEmploymentOutcome() {
        MilestoneOutcome selfEmployed = new MilestoneOutcome(EmploymentSector.RETAIL_AND_TRADE, false, null);
        fixture.given(opened())
               .when(record(MilestoneType.BUSINESS_STARTED, INTAKE, null, selfEmployed))
               .expectEvents(new MilestoneRecorded(journeyId, milestoneId, MilestoneType.BUSINESS_STARTED, INTAKE,
                                                   "synthetic note", null, selfEmployed));
    }

    @Test
    void recordsDropOutWithProgramAndReason() {
        fixture.given(opened())
               .when(record(MilestoneType.TRAINING_DROPPED_OUT, INTAKE, activeProgramOfOrgA(),
                            dropOut("synthetic reason")))
               .expectEvents(new MilestoneRecorded(journeyId, milestoneId, MilestoneType.TRAINING_DROPPED_OUT,
                                                   INTAKE, "synthetic note", programId, dropOut("synthetic reason")));
    }

    @Test
    void recordsEmptyOutcomeAsNoOutcome() {
        fixture.given(opened())
               .when(record(MilestoneType.SHELTER_ENTERED, INTAKE, null, MilestoneOutcome.NONE))
               .expectEvents(shelterEntered());
    }

    @Test
    void acceptsMilestoneDatedTodaySomewhereEastOfUtc() {
        fixture.given(opened())
               .when(record(MilestoneType.SHELTER_ENTERED, TOMORROW_IN_UTC))
               .expectEvents(new MilestoneRecorded(journeyId, milestoneId, MilestoneType.SHELTER_ENTERED,
                                                   TOMORROW_IN_UTC, "synthetic note", null, null));
    }

    @Test
    void cannotRecordMilestoneInFuture() {
        fixture.given(opened())
               .when(record(MilestoneType.SHELTER_ENTERED, FUTURE))
               .expectException(invalidField(DateInFutureException.class, "occurredOn"))
               .expectNoEvents();
    }

    @Test
    void cannotRecordMilestoneBeforeIntake() {
        fixture.given(opened())
               .when(record(MilestoneType.SHELTER_ENTERED, BEFORE_INTAKE))
               .expectException(invalidField(DateBeforeIntakeException.class, "occurredOn"))
               .expectNoEvents();
    }

    @Test
    void recordsIdentificationBeforeIntake() {
        fixture.given(opened())
               .when(record(MilestoneType.IDENTIFIED_AS_PRESUMED_VICTIM, BEFORE_INTAKE))
               .expectEvents(new MilestoneRecorded(journeyId, milestoneId, MilestoneType.IDENTIFIED_AS_PRESUMED_VICTIM,
                                                   BEFORE_INTAKE, "synthetic note", null, null));
    }

    @Test
    void recordsReferralInBeforeIntake() {
        fixture.given(opened())
               .when(record(MilestoneType.REFERRED_IN, BEFORE_INTAKE))
               .expectEvents(new MilestoneRecorded(journeyId, milestoneId, MilestoneType.REFERRED_IN, BEFORE_INTAKE,
                                                   "synthetic note", null, null));
    }

    @Test
    void cannotRecordMilestoneOnClosedJourney() {
        fixture.given(opened(), closed())
               .when(record(MilestoneType.SHELTER_ENTERED, INTAKE))
               .expectException(JourneyClosedException.class)
               .expectNoEvents();
    }

    @Test
    void cannotRecordSameMilestoneTwice() {
        fixture.given(opened(), shelterEntered())
               .when(record(MilestoneType.SHELTER_ENTERED, INTAKE))
               .expectException(AlreadyRecordedException.class)
               .expectNoEvents();
    }

    @Test
    void cannotReuseIdOfRetractedMilestone() {
        fixture.given(opened(), shelterEntered(), retracted())
               .when(record(MilestoneType.SHELTER_ENTERED, INTAKE))
               .expectException(AlreadyRecordedException.class)
               .expectNoEvents();
    }

    @Test
    void cannotRecordEnrolmentWithoutProgram() {
        fixture.given(opened())
               .when(record(MilestoneType.TRAINING_ENROLLED, INTAKE))
               .expectException(invalidField("programId"))
               .expectNoEvents();
    }

    @Test
    void cannotRecordDropOutWithoutProgram() {
        fixture.given(opened())
               .when(record(MilestoneType.TRAINING_DROPPED_OUT, INTAKE, null, dropOut("synthetic reason")))
               .expectException(invalidField("programId"))
               .expectNoEvents();
    }

    @Test
    void cannotRecordMilestoneInRetiredProgram() {
        fixture.given(opened())
               .when(record(MilestoneType.TRAINING_ENROLLED, INTAKE, program("org-a", false), null))
               .expectException(ProgramNotUsableException.class)
               .expectExceptionMessage(containsString("is retired"))
               .expectNoEvents();
    }

    @Test
    void cannotRecordMilestoneInProgramOfAnotherOrganisation() {
        fixture.given(opened())
               .when(record(MilestoneType.TRAINING_ENROLLED, INTAKE, program("org-b", true), null))
               .expectException(ProgramNotUsableException.class)
               .expectExceptionMessage(containsString("another organisation"))
               .expectNoEvents();
    }

    @Test
    void cannotRecordEmploymentWithoutSector() {
        fixture.given(opened())
               .when(record(MilestoneType.EMPLOYMENT_STARTED, INTAKE, null, new MilestoneOutcome(null, true, null)))
               .expectException(invalidField("outcome.employmentSector"))
               .expectNoEvents();
    }

    @Test
    void cannotRecordEmploymentWithoutSayingWhetherIncomeIsRegular() {
        fixture.given(opened())
               .when(record(MilestoneType.EMPLOYMENT_STARTED, INTAKE, null,
                            new MilestoneOutcome(EmploymentSector.AGRICULTURE, null, null)))
               .expectException(invalidField("outcome.regularIncome"))
               .expectNoEvents();
    }

    @Test
    void cannotRecordEmploymentWithoutOutcome() {
        fixture.given(opened())
               .when(record(MilestoneType.EMPLOYMENT_STARTED, INTAKE))
               .expectException(invalidField("outcome.employmentSector"))
               .expectNoEvents();
    }

    @Test
    void cannotGiveEmploymentSectorToOtherMilestones() {
        fixture.given(opened())
               .when(record(MilestoneType.SHELTER_ENTERED, INTAKE, null,
                            new MilestoneOutcome(EmploymentSector.AGRICULTURE, null, null)))
               .expectException(invalidField("outcome"))
               .expectNoEvents();
    }

    @Test
    void cannotGiveRegularIncomeToOtherMilestones() {
        fixture.given(opened())
               .when(record(MilestoneType.EMPLOYMENT_ENDED, INTAKE, null, new MilestoneOutcome(null, false, null)))
               .expectException(invalidField("outcome"))
               .expectNoEvents();
    }

    @Test
    void cannotRecordDropOutWithoutReason() {
        fixture.given(opened())
               .when(record(MilestoneType.TRAINING_DROPPED_OUT, INTAKE, activeProgramOfOrgA(), null))
               .expectException(invalidField("outcome.dropOutReason"))
               .expectNoEvents();
    }

    @Test
    void cannotRecordDropOutWithBlankReason() {
        fixture.given(opened())
               .when(record(MilestoneType.TRAINING_DROPPED_OUT, INTAKE, activeProgramOfOrgA(), dropOut("  ")))
               .expectException(invalidField("outcome.dropOutReason"))
               .expectNoEvents();
    }

    @Test
    void cannotGiveDropOutReasonToOtherMilestones() {
        fixture.given(opened())
               .when(record(MilestoneType.TRAINING_COMPLETED, INTAKE, activeProgramOfOrgA(),
                            dropOut("synthetic reason")))
               .expectException(invalidField("outcome.dropOutReason"))
               .expectNoEvents();
    }

    // ---- correct / retract milestone --------------------------------------------------------------------------

    @Test
    void correctsMilestoneWithWholeCorrectedValues() {
        fixture.given(opened(), shelterEntered())
               .when(correct(MilestoneType.TRAINING_ENROLLED, INTAKE.plusDays(3), activeProgramOfOrgA(), null))
               .expectEvents(new MilestoneCorrected(journeyId, milestoneId, MilestoneType.TRAINING_ENROLLED,
                                                    INTAKE.plusDays(3), "corrected note", programId, null,
                                                    "wrong type chosen"))
               .expectResultMessagePayload(2L);
    }

    @Test
    void correctsMilestoneToEmploymentWithItsOutcome() {
        fixture.given(opened(), shelterEntered())
               .when(correct(MilestoneType.EMPLOYMENT_STARTED, INTAKE, null, EMPLOYED))
               .expectEvents(new MilestoneCorrected(journeyId, milestoneId, MilestoneType.EMPLOYMENT_STARTED, INTAKE,
                                                    "corrected note", null, EMPLOYED, "wrong type chosen"));
    }

    @Test
    void cannotCorrectUnknownMilestone() {
        fixture.given(opened())
               .when(correct(MilestoneType.SHELTER_EXITED, INTAKE, null, null))
               .expectException(UnknownMilestoneException.class)
               .expectNoEvents();
    }

    @Test
    void cannotCorrectRetractedMilestone() {
        fixture.given(opened(), shelterEntered(), retracted())
               .when(correct(MilestoneType.SHELTER_EXITED, INTAKE, null, null))
               .expectException(MilestoneRetractedException.class)
               .expectNoEvents();
    }

    @Test
    void cannotCorrectMilestoneOnClosedJourney() {
        fixture.given(opened(), shelterEntered(), closed())
               .when(correct(MilestoneType.SHELTER_EXITED, INTAKE, null, null))
               .expectException(JourneyClosedException.class)
               .expectNoEvents();
    }

    @Test
    void cannotCorrectMilestoneIntoFuture() {
        fixture.given(opened(), shelterEntered())
               .when(correct(MilestoneType.SHELTER_ENTERED, FUTURE, null, null))
               .expectException(invalidField(DateInFutureException.class, "occurredOn"))
               .expectNoEvents();
    }

    @Test
    void cannotCorrectMilestoneToBeforeIntake() {
        fixture.given(opened(), shelterEntered())
               .when(correct(MilestoneType.SHELTER_ENTERED, BEFORE_INTAKE, null, null))
               .expectException(invalidField(DateBeforeIntakeException.class, "occurredOn"))
               .expectNoEvents();
    }

    @Test
    void cannotCorrectMilestoneToEnrolmentWithoutProgram() {
        fixture.given(opened(), shelterEntered())
               .when(correct(MilestoneType.TRAINING_ENROLLED, INTAKE, null, null))
               .expectException(invalidField("programId"))
               .expectNoEvents();
    }

    @Test
    void cannotCorrectMilestoneIntoRetiredProgram() {
        fixture.given(opened(), shelterEntered())
               .when(correct(MilestoneType.TRAINING_ENROLLED, INTAKE, program("org-a", false), null))
               .expectException(ProgramNotUsableException.class)
               .expectNoEvents();
    }

    @Test
    void cannotCorrectMilestoneToEmploymentWithoutOutcome() {
        fixture.given(opened(), shelterEntered())
               .when(correct(MilestoneType.EMPLOYMENT_STARTED, INTAKE, null, null))
               .expectException(invalidField("outcome.employmentSector"))
               .expectNoEvents();
    }

    @Test
    void retractsMilestone() {
        fixture.given(opened(), shelterEntered())
               .when(retract())
               .expectEvents(retracted())
               .expectResultMessagePayload(2L);
    }

    @Test
    void cannotRetractUnknownMilestone() {
        fixture.given(opened())
               .when(retract())
               .expectException(UnknownMilestoneException.class)
               .expectNoEvents();
    }

    @Test
    void cannotRetractMilestoneTwice() {
        fixture.given(opened(), shelterEntered(), retracted())
               .when(retract())
               .expectException(MilestoneRetractedException.class)
               .expectNoEvents();
    }

    @Test
    void cannotRetractMilestoneOnClosedJourney() {
        fixture.given(opened(), shelterEntered(), closed())
               .when(retract())
               .expectException(JourneyClosedException.class)
               .expectNoEvents();
    }

    // ---- close / reopen ---------------------------------------------------------------------------------------

    @Test
    void closesJourney() {
        fixture.given(opened(), shelterEntered())
               .when(close(TODAY))
               .expectEvents(closed())
               .expectResultMessagePayload(2L);
    }

    @Test
    void cannotCloseJourneyTwice() {
        fixture.given(opened(), closed())
               .when(close(TODAY))
               .expectException(JourneyClosedException.class)
               .expectNoEvents();
    }

    @Test
    void cannotCloseJourneyInFuture() {
        fixture.given(opened())
               .when(close(FUTURE))
               .expectException(invalidField(DateInFutureException.class, "closedOn"))
               .expectNoEvents();
    }

    @Test
    void cannotCloseJourneyBeforeIntake() {
        fixture.given(opened())
               .when(close(BEFORE_INTAKE))
               .expectException(invalidField(DateBeforeIntakeException.class, "closedOn"))
               .expectNoEvents();
    }

    @Test
    void reopensClosedJourneyOnTheDayItWasClosed() {
        fixture.given(opened(), closed())
               .when(reopen(TODAY))
               .expectEvents(reopened())
               .expectResultMessagePayload(2L);
    }

    @Test
    void recordsMilestoneAfterReopening() {
        fixture.given(opened(), closed(), reopened())
               .when(record(MilestoneType.SHELTER_ENTERED, INTAKE))
               .expectEvents(shelterEntered())
               .expectResultMessagePayload(3L);
    }

    @Test
    void cannotReopenOpenJourney() {
        fixture.given(opened())
               .when(reopen(TODAY))
               .expectException(JourneyNotClosedException.class)
               .expectNoEvents();
    }

    @Test
    void cannotReopenJourneyTwice() {
        fixture.given(opened(), closed(), reopened())
               .when(reopen(TODAY))
               .expectException(JourneyNotClosedException.class)
               .expectNoEvents();
    }

    @Test
    void cannotReopenJourneyBeforeItWasClosed() {
        fixture.given(opened(), closed())
               .when(reopen(TODAY.minusDays(1)))
               .expectException(invalidField("reopenedOn"))
               .expectNoEvents();
    }

    @Test
    void cannotReopenJourneyInFuture() {
        fixture.given(opened(), closed())
               .when(reopen(FUTURE))
               .expectException(invalidField(DateInFutureException.class, "reopenedOn"))
               .expectNoEvents();
    }

    // ---- consent ----------------------------------------------------------------------------------------------

    @Test
    void givesConsent() {
        fixture.given(opened())
               .when(give(ConsentPurpose.RESEARCH, null, INTAKE))
               .expectEvents(consentGiven(ConsentPurpose.RESEARCH, null))
               .expectResultMessagePayload(1L);
    }

    @Test
    void givesConsentToSharingWithNamedPartner() {
        fixture.given(opened())
               .when(give(ConsentPurpose.SHARING_WITH_PARTNER, "partner-x", INTAKE))
               .expectEvents(consentGiven(ConsentPurpose.SHARING_WITH_PARTNER, "partner-x"));
    }

    @Test
    void cannotGiveConsentAlreadyInForce() {
        fixture.given(opened(), consentGiven(ConsentPurpose.RESEARCH, null))
               .when(give(ConsentPurpose.RESEARCH, null, TODAY))
               .expectException(ConsentStateException.class)
               .expectNoEvents();
    }

    @Test
    void cannotGiveAgainConsentGivenAtIntake() {
        fixture.given(opened())
               .when(give(ConsentPurpose.CASE_MANAGEMENT, null, TODAY))
               .expectException(ConsentStateException.class)
               .expectNoEvents();
    }

    @Test
    void cannotGiveConsentInFuture() {
        fixture.given(opened())
               .when(give(ConsentPurpose.RESEARCH, null, FUTURE))
               .expectException(invalidField(DateInFutureException.class, "givenOn"))
               .expectNoEvents();
    }

    @Test
    void cannotGiveConsentOnClosedJourney() {
        fixture.given(opened(), closed())
               .when(give(ConsentPurpose.RESEARCH, null, TODAY))
               .expectException(JourneyClosedException.class)
               .expectNoEvents();
    }

    @Test
    void cannotConsentToSharingWithoutNamingPartner() {
        fixture.given(opened())
               .when(give(ConsentPurpose.SHARING_WITH_PARTNER, null, TODAY))
               .expectException(invalidField("partnerOrganisationId"))
               .expectNoEvents();
    }

    @Test
    void cannotNamePartnerForConsentOtherThanSharing() {
        fixture.given(opened())
               .when(give(ConsentPurpose.RESEARCH, "partner-x", TODAY))
               .expectException(invalidField("partnerOrganisationId"))
               .expectNoEvents();
    }

    @Test
    void consentsToSharingWithEachPartnerSeparately() {
        fixture.given(opened(), consentGiven(ConsentPurpose.SHARING_WITH_PARTNER, "partner-x"))
               .when(give(ConsentPurpose.SHARING_WITH_PARTNER, "partner-y", TODAY))
               .expectEvents(new ConsentGiven(journeyId, ConsentPurpose.SHARING_WITH_PARTNER, "partner-y", TODAY,
                                              "staff-1", Set.of()));
    }

    @Test
    void withdrawingSharingWithOnePartnerKeepsSharingWithTheOther() {
        fixture.given(opened(), consentGiven(ConsentPurpose.SHARING_WITH_PARTNER, "partner-x"),
                      consentGiven(ConsentPurpose.SHARING_WITH_PARTNER, "partner-y"),
                      consentWithdrawn(ConsentPurpose.SHARING_WITH_PARTNER, "partner-x"))
               .when(withdraw(ConsentPurpose.SHARING_WITH_PARTNER, "partner-y", TODAY))
               .expectEvents(consentWithdrawn(ConsentPurpose.SHARING_WITH_PARTNER, "partner-y"));
    }

    @Test
    void cannotWithdrawSharingWithPartnerThatWasNeverGiven() {
        fixture.given(opened(), consentGiven(ConsentPurpose.SHARING_WITH_PARTNER, "partner-x"))
               .when(withdraw(ConsentPurpose.SHARING_WITH_PARTNER, "partner-y", TODAY))
               .expectException(ConsentStateException.class)
               .expectNoEvents();
    }

    @Test
    void withdrawsConsent() {
        fixture.given(opened(), consentGiven(ConsentPurpose.RESEARCH, null))
               .when(withdraw(ConsentPurpose.RESEARCH, null, TODAY))
               .expectEvents(consentWithdrawn(ConsentPurpose.RESEARCH, null))
               .expectResultMessagePayload(2L);
    }

    @Test
    void withdrawsConsentGivenAtIntake() {
        fixture.given(opened())
               .when(withdraw(ConsentPurpose.CASE_MANAGEMENT, null, TODAY))
               .expectEvents(consentWithdrawn(ConsentPurpose.CASE_MANAGEMENT, null));
    }

    @Test
    void cannotWithdrawConsentNotInForce() {
        fixture.given(opened())
               .when(withdraw(ConsentPurpose.RESEARCH, null, TODAY))
               .expectException(ConsentStateException.class)
               .expectNoEvents();
    }

    @Test
    void cannotWithdrawConsentTwice() {
        fixture.given(opened(), consentGiven(ConsentPurpose.RESEARCH, null),
                      consentWithdrawn(ConsentPurpose.RESEARCH, null))
               .when(withdraw(ConsentPurpose.RESEARCH, null, TODAY))
               .expectException(ConsentStateException.class)
               .expectNoEvents();
    }

    @Test
    void cannotWithdrawConsentInFuture() {
        fixture.given(opened(), consentGiven(ConsentPurpose.RESEARCH, null))
               .when(withdraw(ConsentPurpose.RESEARCH, null, FUTURE))
               .expectException(invalidField(DateInFutureException.class, "withdrawnOn"))
               .expectNoEvents();
    }

    @Test
    void cannotWithdrawSharingWithoutNamingPartner() {
        fixture.given(opened(), consentGiven(ConsentPurpose.SHARING_WITH_PARTNER, "partner-x"))
               .when(withdraw(ConsentPurpose.SHARING_WITH_PARTNER, null, TODAY))
               .expectException(invalidField("partnerOrganisationId"))
               .expectNoEvents();
    }

    @Test
    void withdrawsConsentOnClosedJourney() {
        fixture.given(opened(), consentGiven(ConsentPurpose.RESEARCH, null), closed())
               .when(withdraw(ConsentPurpose.RESEARCH, null, TODAY))
               .expectEvents(consentWithdrawn(ConsentPurpose.RESEARCH, null))
               .expectResultMessagePayload(3L);
    }

    @Test
    void givesConsentAgainAfterWithdrawingIt() {
        fixture.given(opened(), consentGiven(ConsentPurpose.RESEARCH, null),
                      consentWithdrawn(ConsentPurpose.RESEARCH, null))
               .when(give(ConsentPurpose.RESEARCH, null, TODAY))
               .expectEvents(new ConsentGiven(journeyId, ConsentPurpose.RESEARCH, null, TODAY, "staff-1", Set.of()));
    }

    // ---- assignment and transfer ------------------------------------------------------------------------------

    @Test
    void assignsAnotherCaseManagerNamingThePreviousOne() {
        fixture.given(opened())
               .when(assign("cm-2"))
               .expectEvents(new CaseManagerAssigned(journeyId, "cm-2", "cm-1", "workload"))
               .expectResultMessagePayload(1L);
    }

    @Test
    void assignsFromTheCaseManagerAssignedLast() {
        fixture.given(opened(), new CaseManagerAssigned(journeyId, "cm-2", "cm-1", "workload"))
               .when(assign("cm-3"))
               .expectEvents(new CaseManagerAssigned(journeyId, "cm-3", "cm-2", "workload"));
    }

    @Test
    void cannotAssignTheCurrentCaseManager() {
        fixture.given(opened())
               .when(assign("cm-1"))
               .expectException(AlreadyAssignedException.class)
               .expectNoEvents();
    }

    @Test
    void cannotAssignAfterTransferTheCaseManagerTheJourneyWasTransferredTo() {
        caller = supervisorOf("org-b");
        fixture.given(opened(), transferredToOrgB())
               .when(assign("cm-9"))
               .expectException(AlreadyAssignedException.class)
               .expectNoEvents();
    }

    @Test
    void cannotAssignCaseManagerOnClosedJourney() {
        fixture.given(opened(), closed())
               .when(assign("cm-2"))
               .expectException(JourneyClosedException.class)
               .expectNoEvents();
    }

    @Test
    void transfersJourneyToAnotherOrganisation() {
        fixture.given(opened())
               .when(transfer("org-b", "cm-9"))
               .expectEvents(transferredToOrgB())
               .expectResultMessagePayload(1L);
    }

    @Test
    void cannotTransferJourneyToItsOwnOrganisation() {
        fixture.given(opened())
               .when(transfer("org-a", "cm-2"))
               .expectException(invalidField("organisationId"))
               .expectNoEvents();
    }

    @Test
    void cannotTransferJourneyToTheCaseManagerItIsAlreadyWith() {
        fixture.given(opened())
               .when(transfer("org-a", "cm-1"))
               .expectException(AlreadyAssignedException.class)
               .expectNoEvents();
    }

    @Test
    void cannotTransferJourneyAgainToTheOrganisationItWasTransferredTo() {
        caller = supervisorOf("org-b");
        fixture.given(opened(), transferredToOrgB())
               .when(transfer("org-b", "cm-10"))
               .expectException(invalidField("organisationId"))
               .expectNoEvents();
    }

    @Test
    void transfersJourneyBackFromTheOrganisationItWasTransferredTo() {
        caller = supervisorOf("org-b");
        fixture.given(opened(), transferredToOrgB())
               .when(transfer("org-a", "cm-1"))
               .expectEvents(new JourneyTransferred(journeyId, "org-b", "org-a", "cm-1", "person moved city"));
    }

    @Test
    void cannotTransferClosedJourney() {
        fixture.given(opened(), closed())
               .when(transfer("org-b", "cm-9"))
               .expectException(JourneyClosedException.class)
               .expectNoEvents();
    }

    @Test
    void usesProgramOfNewOrganisationAfterTransfer() {
        caller = supervisorOf("org-b");
        fixture.given(opened(), transferredToOrgB())
               .when(record(MilestoneType.TRAINING_ENROLLED, INTAKE, program("org-b", true), null))
               .expectEvents(new MilestoneRecorded(journeyId, milestoneId, MilestoneType.TRAINING_ENROLLED, INTAKE,
                                                   "synthetic note", programId, null));
    }

    @Test
    void cannotUseProgramOfOldOrganisationAfterTransfer() {
        caller = supervisorOf("org-b");
        fixture.given(opened(), transferredToOrgB())
               .when(record(MilestoneType.TRAINING_ENROLLED, INTAKE, program("org-a", true), null))
               .expectException(ProgramNotUsableException.class)
               .expectNoEvents();
    }

    // ---- who may record ---------------------------------------------------------------------------------------

    @Test
    void caseManagerRecordsOnJourneyAssignedToThem() {
        caller = new Caller("cm-1", Role.CASE_MANAGER, "org-a");
        fixture.given(opened())
               .when(record(MilestoneType.SHELTER_ENTERED, INTAKE))
               .expectSuccessfulHandlerExecution();
    }

    @Test
    void caseManagerCannotRecordOnAColleaguesJourney() {
        caller = new Caller("cm-2", Role.CASE_MANAGER, "org-a");
        fixture.given(opened())
               .when(record(MilestoneType.SHELTER_ENTERED, INTAKE))
               .expectException(NotVisibleException.class)
               .expectNoEvents();
    }

    @Test
    void staffOfAnotherOrganisationCannotRecordNorLearnTheJourneysState() {
        caller = supervisorOf("org-b");
        fixture.given(opened(), closed())
               .when(record(MilestoneType.SHELTER_ENTERED, INTAKE))
               .expectException(NotVisibleException.class)
               .expectNoEvents();
    }

    @Test
    void staffOfAnotherOrganisationCannotTransferTheJourneyToThemselves() {
        caller = supervisorOf("org-b");
        fixture.given(opened())
               .when(transfer("org-b", "cm-9"))
               .expectException(NotVisibleException.class)
               .expectNoEvents();
    }

    @Test
    void formerOrganisationCannotRecordAfterTransfer() {
        fixture.given(opened(), transferredToOrgB())
               .when(record(MilestoneType.SHELTER_ENTERED, INTAKE))
               .expectException(NotVisibleException.class)
               .expectNoEvents();
    }

    @Test
    void rolesOtherThanCaseManagerAndSupervisorCannotRecord() {
        caller = new Caller("ev-1", Role.EVALUATOR, "org-a");
        fixture.given(opened())
               .when(record(MilestoneType.SHELTER_ENTERED, INTAKE))
               .expectException(NotVisibleException.class)
               .expectNoEvents();
    }

    @Test
    void commandWithoutCallerIsRefused() {
        caller = new Caller(null, null, null);
        fixture.given(opened())
               .when(record(MilestoneType.SHELTER_ENTERED, INTAKE))
               .expectException(NotVisibleException.class)
               .expectNoEvents();
    }

    @Test
    void caseManagerCannotOpenAJourneyForAColleague() {
        caller = new Caller("cm-2", Role.CASE_MANAGER, "org-a");
        fixture.givenNoPriorActivity()
               .when(open(INTAKE, CONSENT_AT_INTAKE))
               .expectException(NotPermittedException.class)
               .expectNoEvents();
    }

    // ---- follow-ups -------------------------------------------------------------------------------------------

    @Test
    void schedulesFollowUp() {
        fixture.given(opened())
               .when(schedule(INTAKE.plusDays(30)))
               .expectEvents(followUpScheduled())
               .expectResultMessagePayload(1L);
    }

    @Test
    void schedulesFollowUpDueInFuture() {
        fixture.given(opened())
               .when(schedule(FUTURE))
               .expectEvents(new FollowUpScheduled(journeyId, followUpId, FUTURE, FollowUpPurpose.HOME_VISIT));
    }

    @Test
    void cannotScheduleSameFollowUpTwice() {
        fixture.given(opened(), followUpScheduled())
               .when(schedule(INTAKE.plusDays(30)))
               .expectException(AlreadyRecordedException.class)
               .expectNoEvents();
    }

    @Test
    void cannotScheduleFollowUpDueBeforeIntake() {
        fixture.given(opened())
               .when(schedule(BEFORE_INTAKE))
               .expectException(invalidField(DateBeforeIntakeException.class, "dueOn"))
               .expectNoEvents();
    }

    @Test
    void cannotScheduleFollowUpOnClosedJourney() {
        fixture.given(opened(), closed())
               .when(schedule(INTAKE.plusDays(30)))
               .expectException(JourneyClosedException.class)
               .expectNoEvents();
    }

    @Test
    void completesFollowUp() {
        fixture.given(opened(), followUpScheduled())
               .when(complete(TODAY))
               .expectEvents(new FollowUpCompleted(journeyId, followUpId, TODAY, "synthetic note"))
               .expectResultMessagePayload(2L);
    }

    @Test
    void cannotCompleteFollowUpNeverScheduled() {
        fixture.given(opened())
               .when(complete(TODAY))
               .expectException(UnknownFollowUpException.class)
               .expectNoEvents();
    }

    @Test
    void cannotCompleteFollowUpTwice() {
        fixture.given(opened(), followUpScheduled(),
                      new FollowUpCompleted(journeyId, followUpId, TODAY, "synthetic note"))
               .when(complete(TODAY))
               .expectException(FollowUpNotPendingException.class)
               .expectNoEvents();
    }

    @Test
    void cannotCompleteMissedFollowUp() {
        fixture.given(opened(), followUpScheduled(), new FollowUpMissed(journeyId, followUpId, "not at home"))
               .when(complete(TODAY))
               .expectException(FollowUpNotPendingException.class)
               .expectNoEvents();
    }

    @Test
    void cannotCompleteFollowUpInFuture() {
        fixture.given(opened(), followUpScheduled())
               .when(complete(FUTURE))
               .expectException(invalidField(DateInFutureException.class, "completedOn"))
               .expectNoEvents();
    }

    @Test
    void cannotCompleteFollowUpBeforeIntake() {
        fixture.given(opened(), followUpScheduled())
               .when(complete(BEFORE_INTAKE))
               .expectException(invalidField(DateBeforeIntakeException.class, "completedOn"))
               .expectNoEvents();
    }

    @Test
    void cannotCompleteFollowUpOnClosedJourney() {
        fixture.given(opened(), followUpScheduled(), closed())
               .when(complete(TODAY))
               .expectException(JourneyClosedException.class)
               .expectNoEvents();
    }

    @Test
    void marksFollowUpMissed() {
        fixture.given(opened(), followUpScheduled())
               .when(markMissed())
               .expectEvents(new FollowUpMissed(journeyId, followUpId, "not at home"))
               .expectResultMessagePayload(2L);
    }

    @Test
    void cannotMarkMissedFollowUpNeverScheduled() {
        fixture.given(opened())
               .when(markMissed())
               .expectException(UnknownFollowUpException.class)
               .expectNoEvents();
    }

    @Test
    void cannotMarkCompletedFollowUpMissed() {
        fixture.given(opened(), followUpScheduled(),
                      new FollowUpCompleted(journeyId, followUpId, TODAY, "synthetic note"))
               .when(markMissed())
               .expectException(FollowUpNotPendingException.class)
               .expectNoEvents();
    }

    @Test
    void cannotMarkFollowUpMissedTwice() {
        fixture.given(opened(), followUpScheduled(), new FollowUpMissed(journeyId, followUpId, "not at home"))
               .when(markMissed())
               .expectException(FollowUpNotPendingException.class)
               .expectNoEvents();
    }

    @Test
    void cannotMarkFollowUpMissedOnClosedJourney() {
        fixture.given(opened(), followUpScheduled(), closed())
               .when(markMissed())
               .expectException(JourneyClosedException.class)
               .expectNoEvents();
    }

    // ---- reintegration assessment -----------------------------------------------------------------------------

    @Test
    void firstAssessmentIsTheBaseline() {
        fixture.given(opened())
               .when(assess(assessmentId, INTAKE, SCORES))
               .expectEvents(new ReintegrationAssessed(journeyId, assessmentId, INTAKE, "cm-1", SCORES, true))
               .expectResultMessagePayload(1L);
    }

    @Test
    void laterAssessmentIsNotTheBaseline() {
        UUID secondId = UUID.randomUUID();
        fixture.given(opened(), assessed(assessmentId))
               .when(assess(secondId, TODAY, SCORES))
               .expectEvents(new ReintegrationAssessed(journeyId, secondId, TODAY, "cm-1", SCORES, false))
               .expectResultMessagePayload(2L);
    }

    @Test
    void cannotScoreEconomicBelowOne() {
        fixture.given(opened())
               .when(assess(assessmentId, TODAY, new ReintegrationScores(0, 3, 3)))
               .expectException(invalidField("scores.economic"))
               .expectNoEvents();
    }

    @Test
    void cannotScoreSocialAboveFive() {
        fixture.given(opened())
               .when(assess(assessmentId, TODAY, new ReintegrationScores(3, 6, 3)))
               .expectException(invalidField("scores.social"))
               .expectNoEvents();
    }

    @Test
    void cannotScorePsychosocialBelowOne() {
        fixture.given(opened())
               .when(assess(assessmentId, TODAY, new ReintegrationScores(3, 3, 0)))
               .expectException(invalidField("scores.psychosocial"))
               .expectNoEvents();
    }

    @Test
    void cannotScorePsychosocialAboveFive() {
        fixture.given(opened())
               .when(assess(assessmentId, TODAY, new ReintegrationScores(3, 3, 6)))
               .expectException(invalidField("scores.psychosocial"))
               .expectNoEvents();
    }

    @Test
    void cannotAssessInFuture() {
        fixture.given(opened())
               .when(assess(assessmentId, FUTURE, SCORES))
               .expectException(invalidField(DateInFutureException.class, "assessedOn"))
               .expectNoEvents();
    }

    @Test
    void cannotAssessBeforeIntake() {
        fixture.given(opened())
               .when(assess(assessmentId, BEFORE_INTAKE, SCORES))
               .expectException(invalidField(DateBeforeIntakeException.class, "assessedOn"))
               .expectNoEvents();
    }

    @Test
    void cannotRecordSameAssessmentTwice() {
        fixture.given(opened(), assessed(assessmentId))
               .when(assess(assessmentId, TODAY, SCORES))
               .expectException(AlreadyRecordedException.class)
               .expectNoEvents();
    }

    @Test
    void cannotAssessOnClosedJourney() {
        fixture.given(opened(), closed())
               .when(assess(assessmentId, TODAY, SCORES))
               .expectException(JourneyClosedException.class)
               .expectNoEvents();
    }

    // ---- erasure ----------------------------------------------------------------------------------------------

    @Test
    void erasesPersonalDataEvenOfAClosedJourney() {
        fixture.given(opened(), closed())
               .when(new ErasePersonalData(journeyId, TODAY, NOW))
               .expectEvents(new PersonalDataErased(journeyId, TODAY));
    }

    @Test
    void personalDataIsErasedOnce() {
        fixture.given(opened(), new PersonalDataErased(journeyId, TODAY))
               .when(new ErasePersonalData(journeyId, TODAY, NOW))
               .expectException(PersonalDataErasedException.class)
               .expectNoEvents();
    }

    @Test
    void cannotDateAnErasureRequestInTheFuture() {
        fixture.given(opened())
               .when(new ErasePersonalData(journeyId, TODAY.plusDays(2), NOW))
               .expectException(DateInFutureException.class)
               .expectNoEvents();
    }

    @Test
    void cannotCloseAgainBeforeTheDayOfReopening() {
        fixture.given(opened(), closed(), new JourneyReopened(journeyId, TODAY, "came back"))
               .when(new CloseJourney(journeyId, TODAY.minusDays(1), ClosureReason.MOVED_AWAY, null, NOW, null))
               .expectException(InvalidFieldException.class)
               .expectNoEvents();
    }

    // ---- risk flags -------------------------------------------------------------------------------------------

    private final UUID flagId = UUID.randomUUID();

    private FlagRisk flag(LocalDate flaggedOn, LocalDate reviewOn) {
        return new FlagRisk(journeyId, flagId, RiskKind.TRAFFICKER_CONTACT, flaggedOn, reviewOn, "sealed detail", NOW,
                            ANY_VERSION);
    }

    private RiskFlagged riskFlagged() {
        return new RiskFlagged(journeyId, flagId, RiskKind.TRAFFICKER_CONTACT, INTAKE.plusDays(3), TODAY,
                               "sealed detail");
    }

    private ResolveRiskFlag resolve(LocalDate resolvedOn, String reason) {
        return new ResolveRiskFlag(journeyId, flagId, resolvedOn, reason, NOW, ANY_VERSION);
    }

    @Test
    void flagsARiskWithAReviewDate() {
        fixture.given(opened())
               .when(flag(TODAY, FUTURE))
               .expectEvents(new RiskFlagged(journeyId, flagId, RiskKind.TRAFFICKER_CONTACT, TODAY, FUTURE,
                                             "sealed detail"))
               .expectResultMessagePayload(1L);
    }

    @Test
    void caseManagerFlagsARiskOnTheirJourney() {
        caller = new Caller("cm-1", Role.CASE_MANAGER, "org-a");
        fixture.given(opened())
               .when(flag(TODAY, FUTURE))
               .expectSuccessfulHandlerExecution();
    }

    @Test
    void caseManagerCannotFlagAColleaguesJourney() {
        caller = new Caller("cm-2", Role.CASE_MANAGER, "org-a");
        fixture.given(opened())
               .when(flag(TODAY, FUTURE))
               .expectException(NotVisibleException.class)
               .expectNoEvents();
    }

    @Test
    void cannotRaiseTheSameFlagTwice() {
        fixture.given(opened(), riskFlagged())
               .when(flag(TODAY, FUTURE))
               .expectException(AlreadyRecordedException.class)
               .expectNoEvents();
    }

    @Test
    void cannotFlagInTheFutureOrBeforeIntake() {
        fixture.given(opened())
               .when(flag(FUTURE, FUTURE))
               .expectException(invalidField(DateInFutureException.class, "flaggedOn"))
               .expectNoEvents();
        fixture.given(opened())
               .when(flag(BEFORE_INTAKE, TODAY))
               .expectException(invalidField(DateBeforeIntakeException.class, "flaggedOn"))
               .expectNoEvents();
    }

    @Test
    void cannotReviewBeforeTheFlagWasRaised() {
        fixture.given(opened())
               .when(flag(TODAY, TODAY.minusDays(1)))
               .expectException(invalidField("reviewOn"))
               .expectNoEvents();
    }

    @Test
    void cannotFlagAClosedJourney() {
        fixture.given(opened(), closed())
               .when(flag(TODAY, FUTURE))
               .expectException(JourneyClosedException.class)
               .expectNoEvents();
    }

    @Test
    void resolvesAFlagWithAReason() {
        fixture.given(opened(), riskFlagged())
               .when(resolve(TODAY, "sealed reason"))
               .expectEvents(new RiskFlagResolved(journeyId, flagId, TODAY, "sealed reason"))
               .expectResultMessagePayload(2L);
    }

    @Test
    void resolvingNeedsAReason() {
        fixture.given(opened(), riskFlagged())
               .when(resolve(TODAY, " "))
               .expectException(invalidField("reason"))
               .expectNoEvents();
    }

    @Test
    void cannotResolveAFlagNeverRaisedOrAlreadyResolved() {
        fixture.given(opened())
               .when(resolve(TODAY, "sealed reason"))
               .expectException(UnknownRiskFlagException.class)
               .expectNoEvents();
        fixture.given(opened(), riskFlagged(), new RiskFlagResolved(journeyId, flagId, TODAY, "sealed reason"))
               .when(resolve(TODAY, "sealed reason"))
               .expectException(RiskFlagResolvedException.class)
               .expectNoEvents();
    }

    @Test
    void cannotResolveBeforeTheFlagWasRaisedOrInTheFuture() {
        fixture.given(opened(), riskFlagged())
               .when(resolve(INTAKE.plusDays(2), "sealed reason"))
               .expectException(invalidField("resolvedOn"))
               .expectNoEvents();
        fixture.given(opened(), riskFlagged())
               .when(resolve(FUTURE, "sealed reason"))
               .expectException(invalidField(DateInFutureException.class, "resolvedOn"))
               .expectNoEvents();
    }

    // ---- referrals --------------------------------------------------------------------------------------------

    private final UUID referralId = UUID.randomUUID();
    private static final String PARTNER = "partner-x";
    private static final ReferralMade.ConsentOverride OVERRIDE =
            new ReferralMade.ConsentOverride(OverrideReason.IMMINENT_DANGER, "sealed note");

    private MakeReferral refer(LocalDate madeOn, LocalDate dueOn, ReferralMade.ConsentOverride override) {
        return new MakeReferral(journeyId, referralId, PARTNER, ReferralService.LEGAL_AID, madeOn, dueOn,
                                "sealed note", override, NOW, ANY_VERSION);
    }

    private ReferralMade referralMade() {
        return new ReferralMade(journeyId, referralId, "org-a", PARTNER, ReferralService.LEGAL_AID,
                                INTAKE.plusDays(3), INTAKE.plusDays(20), "sealed note", null);
    }

    private ConsentGiven sharingWithPartner() {
        return new ConsentGiven(journeyId, ConsentPurpose.SHARING_WITH_PARTNER, PARTNER, INTAKE, "staff-1",
                                Set.of(ContactDetail.PHONE));
    }

    private ReferralAccepted accepted() {
        return new ReferralAccepted(journeyId, referralId, INTAKE.plusDays(4));
    }

    private AcceptReferral accept(LocalDate on) {
        return new AcceptReferral(journeyId, referralId, on, NOW);
    }

    private static Caller partnerStaff(Role role) {
        return new Caller("partner-staff-1", role, PARTNER);
    }

    @Test
    void refersWhileConsentToShareWithThePartnerIsInForce() {
        fixture.given(opened(), sharingWithPartner())
               .when(refer(TODAY, FUTURE, null))
               .expectEvents(new ReferralMade(journeyId, referralId, "org-a", PARTNER, ReferralService.LEGAL_AID,
                                              TODAY, FUTURE, "sealed note", null))
               .expectResultMessagePayload(2L);
    }

    @Test
    void refusesAReferralWithoutConsentToShareWithThatPartner() {
        fixture.given(opened(), consentGiven(ConsentPurpose.SHARING_WITH_PARTNER, "partner-y"))
               .when(refer(TODAY, FUTURE, null))
               .expectException(ConsentRequiredException.class)
               .expectNoEvents();
        fixture.given(opened(), sharingWithPartner(), consentWithdrawn(ConsentPurpose.SHARING_WITH_PARTNER, PARTNER))
               .when(refer(TODAY, FUTURE, null))
               .expectException(ConsentRequiredException.class)
               .expectNoEvents();
    }

    @Test
    void supervisorRefersWithoutConsentAsAnOverride() {
        fixture.given(opened())
               .when(refer(TODAY, FUTURE, OVERRIDE))
               .expectEvents(new ReferralMade(journeyId, referralId, "org-a", PARTNER, ReferralService.LEGAL_AID,
                                              TODAY, FUTURE, "sealed note", OVERRIDE));
    }

    @Test
    void caseManagerCannotOverrideConsent() {
        caller = new Caller("cm-1", Role.CASE_MANAGER, "org-a");
        fixture.given(opened())
               .when(refer(TODAY, FUTURE, OVERRIDE))
               .expectException(NotPermittedException.class)
               .expectNoEvents();
    }

    @Test
    void noOverrideWhereConsentIsInForce() {
        fixture.given(opened(), sharingWithPartner())
               .when(refer(TODAY, FUTURE, OVERRIDE))
               .expectException(invalidField("consentOverride"))
               .expectNoEvents();
    }

    @Test
    void cannotReferToTheJourneysOwnOrganisation() {
        fixture.given(opened())
               .when(new MakeReferral(journeyId, referralId, "org-a", ReferralService.LEGAL_AID, TODAY, FUTURE, null,
                                      OVERRIDE, NOW, ANY_VERSION))
               .expectException(invalidField("partnerOrganisationId"))
               .expectNoEvents();
    }

    @Test
    void referralDatesMustBeSound() {
        fixture.given(opened(), sharingWithPartner())
               .when(refer(FUTURE, FUTURE, null))
               .expectException(invalidField(DateInFutureException.class, "madeOn"))
               .expectNoEvents();
        fixture.given(opened(), sharingWithPartner())
               .when(refer(BEFORE_INTAKE, FUTURE, null))
               .expectException(invalidField(DateBeforeIntakeException.class, "madeOn"))
               .expectNoEvents();
        fixture.given(opened(), sharingWithPartner())
               .when(refer(TODAY, TODAY.minusDays(1), null))
               .expectException(invalidField("dueOn"))
               .expectNoEvents();
    }

    @Test
    void cannotReferOnAClosedJourneyOrTwiceWithOneId() {
        fixture.given(opened(), sharingWithPartner(), closed())
               .when(refer(TODAY, FUTURE, null))
               .expectException(JourneyClosedException.class)
               .expectNoEvents();
        fixture.given(opened(), sharingWithPartner(), referralMade())
               .when(refer(TODAY, FUTURE, null))
               .expectException(AlreadyRecordedException.class)
               .expectNoEvents();
    }

    @Test
    void partnerStaffTakeAReferralFromRequestToCompletion() {
        caller = partnerStaff(Role.CASE_MANAGER);
        fixture.given(opened(), sharingWithPartner(), referralMade())
               .when(accept(TODAY))
               .expectEvents(new ReferralAccepted(journeyId, referralId, TODAY));
        caller = partnerStaff(Role.SUPERVISOR);
        fixture.given(opened(), sharingWithPartner(), referralMade(), accepted())
               .when(new StartReferral(journeyId, referralId, TODAY, NOW))
               .expectEvents(new ReferralStarted(journeyId, referralId, TODAY));
        fixture.given(opened(), sharingWithPartner(), referralMade(), accepted(),
                      new ReferralStarted(journeyId, referralId, TODAY))
               .when(new CompleteReferral(journeyId, referralId, TODAY, ReferralOutcome.SERVICE_PROVIDED,
                                          NOW))
               .expectEvents(new ReferralCompleted(journeyId, referralId, TODAY,
                                                   ReferralOutcome.SERVICE_PROVIDED));
    }

    @Test
    void partnerDeclinesWithAReasonOrClosesUnmet() {
        caller = partnerStaff(Role.CASE_MANAGER);
        fixture.given(opened(), sharingWithPartner(), referralMade())
               .when(new DeclineReferral(journeyId, referralId, TODAY, DeclineReason.NO_CAPACITY, NOW))
               .expectEvents(new ReferralDeclined(journeyId, referralId, TODAY, DeclineReason.NO_CAPACITY));
        fixture.given(opened(), sharingWithPartner(), referralMade(), accepted())
               .when(new CloseReferralUnmet(journeyId, referralId, TODAY, UnmetReason.LOST_CONTACT,
                                            NOW))
               .expectEvents(new ReferralClosedUnmet(journeyId, referralId, TODAY,
                                                     UnmetReason.LOST_CONTACT));
    }

    @Test
    void stepsOutOfOrderAreRefusedNamingTheState() {
        caller = partnerStaff(Role.CASE_MANAGER);
        fixture.given(opened(), sharingWithPartner(), referralMade())
               .when(new StartReferral(journeyId, referralId, TODAY, NOW))
               .expectException(ReferralStateException.class)
               .expectExceptionMessage(containsString("is REQUESTED"))
               .expectNoEvents();
        fixture.given(opened(), sharingWithPartner(), referralMade(), accepted())
               .when(accept(TODAY))
               .expectException(ReferralStateException.class)
               .expectNoEvents();
        fixture.given(opened(), sharingWithPartner(), referralMade(),
                      new ReferralDeclined(journeyId, referralId, TODAY, DeclineReason.NOT_ELIGIBLE))
               .when(new CompleteReferral(journeyId, referralId, TODAY, ReferralOutcome.PARTLY_PROVIDED,
                                          NOW))
               .expectException(ReferralStateException.class)
               .expectExceptionMessage(containsString("is DECLINED"))
               .expectNoEvents();
    }

    @Test
    void partnerStepDatesMustBeSound() {
        caller = partnerStaff(Role.CASE_MANAGER);
        fixture.given(opened(), sharingWithPartner(), referralMade())
               .when(accept(INTAKE.plusDays(2)))
               .expectException(invalidField("acceptedOn"))
               .expectNoEvents();
        fixture.given(opened(), sharingWithPartner(), referralMade())
               .when(accept(FUTURE))
               .expectException(invalidField(DateInFutureException.class, "acceptedOn"))
               .expectNoEvents();
    }

    /**
     * A step is dated on or after the step it follows, as it is on or after the day the referral was made: a
     * completion, a closure or a start dated before the acceptance it follows records an order of events that
     * never happened (accepted() is on the fourth day after intake, the referral made on the third).
     */
    @Test
    void aStepIsNotDatedBeforeTheStepItFollows() {
        caller = partnerStaff(Role.CASE_MANAGER);
        fixture.given(opened(), sharingWithPartner(), referralMade(), accepted())
               .when(new CompleteReferral(journeyId, referralId, INTAKE.plusDays(3), ReferralOutcome.SERVICE_PROVIDED,
                                          NOW))
               .expectException(invalidField("completedOn"))
               .expectNoEvents();
        fixture.given(opened(), sharingWithPartner(), referralMade(), accepted())
               .when(new StartReferral(journeyId, referralId, INTAKE.plusDays(3), NOW))
               .expectException(invalidField("startedOn"))
               .expectNoEvents();
    }

    @Test
    void onlyThePartnersStaffRecordItsSteps() {
        caller = supervisorOf("org-a");
        fixture.given(opened(), sharingWithPartner(), referralMade())
               .when(accept(TODAY))
               .expectException(NotVisibleException.class)
               .expectNoEvents();
        caller = supervisorOf("partner-y");
        fixture.given(opened(), sharingWithPartner(), referralMade())
               .when(accept(TODAY))
               .expectException(NotVisibleException.class)
               .expectNoEvents();
        for (Role role : new Role[] {Role.EVALUATOR, Role.AUDITOR, Role.ADMINISTRATOR}) {
            caller = partnerStaff(role);
            fixture.given(opened(), sharingWithPartner(), referralMade())
                   .when(accept(TODAY))
                   .expectException(NotVisibleException.class)
                   .expectNoEvents();
        }
    }

    @Test
    void partnerStaffCannotRecordAnythingElseOnTheJourney() {
        caller = partnerStaff(Role.SUPERVISOR);
        fixture.given(opened(), sharingWithPartner(), referralMade())
               .when(record(MilestoneType.SHELTER_ENTERED, TODAY))
               .expectException(NotVisibleException.class)
               .expectNoEvents();
        fixture.given(opened(), sharingWithPartner(), referralMade())
               .when(new RevokeReferral(journeyId, referralId, TODAY, NOW, ANY_VERSION))
               .expectException(NotVisibleException.class)
               .expectNoEvents();
        fixture.given(opened(), sharingWithPartner())
               .when(new AcceptReferral(journeyId, UUID.randomUUID(), TODAY, NOW))
               .expectException(NotVisibleException.class)
               .expectNoEvents();
    }

    @Test
    void referringSideRevokesAnOpenReferral() {
        fixture.given(opened(), sharingWithPartner(), referralMade(), accepted())
               .when(new RevokeReferral(journeyId, referralId, TODAY, NOW, ANY_VERSION))
               .expectEvents(new ReferralRevoked(journeyId, referralId, TODAY,
                                                 RevocationCause.REFERRING_SIDE));
        fixture.given(opened(), sharingWithPartner(), referralMade(), accepted(),
                      new ReferralCompleted(journeyId, referralId, TODAY, ReferralOutcome.SERVICE_PROVIDED))
               .when(new RevokeReferral(journeyId, referralId, TODAY, NOW, ANY_VERSION))
               .expectException(ReferralStateException.class)
               .expectNoEvents();
        fixture.given(opened())
               .when(new RevokeReferral(journeyId, referralId, TODAY, NOW, ANY_VERSION))
               .expectException(UnknownReferralException.class)
               .expectNoEvents();
    }

    @Test
    void withdrawingConsentToShareRevokesThatPartnersOpenReferralsInTheSameCommand() {
        UUID other = UUID.randomUUID();
        UUID done = UUID.randomUUID();
        UUID elsewhere = UUID.randomUUID();
        fixture.given(opened(), sharingWithPartner(), referralMade(), accepted(),
                      new ReferralMade(journeyId, other, "org-a", PARTNER, ReferralService.MEDICAL_CARE, INTAKE,
                                       INTAKE, null, null),
                      new ReferralMade(journeyId, done, "org-a", PARTNER, ReferralService.EDUCATION, INTAKE, INTAKE,
                                       null, null),
                      new ReferralDeclined(journeyId, done, INTAKE, DeclineReason.NO_CAPACITY),
                      new ReferralMade(journeyId, elsewhere, "org-a", "partner-y", ReferralService.EDUCATION, INTAKE,
                                       INTAKE, null, OVERRIDE))
               .when(withdraw(ConsentPurpose.SHARING_WITH_PARTNER, PARTNER, TODAY))
               .expectEvents(consentWithdrawn(ConsentPurpose.SHARING_WITH_PARTNER, PARTNER),
                             new ReferralRevoked(journeyId, referralId, TODAY, RevocationCause.CONSENT_WITHDRAWN),
                             new ReferralRevoked(journeyId, other, TODAY, RevocationCause.CONSENT_WITHDRAWN))
               .expectResultMessagePayload(10L);
    }

    @Test
    void sharedDetailsBelongToConsentToShareOnly() {
        fixture.given(opened())
               .when(new GiveConsent(journeyId, ConsentPurpose.SHARING_WITH_PARTNER, PARTNER,
                                     Set.of(ContactDetail.PHONE), TODAY, "staff-1", NOW, ANY_VERSION))
               .expectEvents(new ConsentGiven(journeyId, ConsentPurpose.SHARING_WITH_PARTNER, PARTNER, TODAY,
                                              "staff-1", Set.of(ContactDetail.PHONE)));
        fixture.given(opened())
               .when(new GiveConsent(journeyId, ConsentPurpose.RESEARCH, null, Set.of(ContactDetail.PHONE), TODAY,
                                     "staff-1", NOW, ANY_VERSION))
               .expectException(invalidField("sharedDetails"))
               .expectNoEvents();
    }

    // ---- referrals received -----------------------------------------------------------------------------------

    @Test
    void opensAJourneyFromAReferralKeepingWhereItCameFrom() {
        UUID received = UUID.randomUUID();
        fixture.givenNoPriorActivity()
               .when(new OpenJourney(journeyId, "org-a", "cm-1", INTAKE, PROFILE, null, CONSENT_AT_INTAKE, "staff-1",
                                     new OpenJourney.ReferredIn(INTAKE, Source.HOMEWARD_REFERRAL, received, "org-b"),
                                     NOW))
               .expectEvents(opened(), new ReferralReceived(journeyId, INTAKE, Source.HOMEWARD_REFERRAL, received,
                                                            "org-b"));
    }

    @Test
    void linksAReferralRecordedByHandToAnExistingJourney() {
        fixture.given(opened())
               .when(new ReceiveReferral(journeyId, TODAY, Source.PHONE_CALL, null, "org-hotline", NOW, ANY_VERSION))
               .expectEvents(new ReferralReceived(journeyId, TODAY, Source.PHONE_CALL, null, "org-hotline"))
               .expectResultMessagePayload(1L);
    }

    @Test
    void aReferralReceivedIsNamedByIdExactlyWhenItWasMadeOnHomeward() {
        fixture.given(opened())
               .when(new ReceiveReferral(journeyId, TODAY, Source.HOMEWARD_REFERRAL, null, null, NOW, ANY_VERSION))
               .expectException(invalidField("referralId"))
               .expectNoEvents();
        fixture.given(opened())
               .when(new ReceiveReferral(journeyId, TODAY, Source.WALK_IN, UUID.randomUUID(), null, NOW,
                                         ANY_VERSION))
               .expectException(invalidField("referralId"))
               .expectNoEvents();
        fixture.given(opened())
               .when(new ReceiveReferral(journeyId, FUTURE, Source.WALK_IN, null, null, NOW, ANY_VERSION))
               .expectException(invalidField(DateInFutureException.class, "receivedOn"))
               .expectNoEvents();
    }

    @Test
    void theSameReferralIsReceivedOnceAndNotOnAClosedJourney() {
        UUID received = UUID.randomUUID();
        fixture.given(opened(), new ReferralReceived(journeyId, INTAKE, Source.HOMEWARD_REFERRAL, received, "org-b"))
               .when(new ReceiveReferral(journeyId, TODAY, Source.HOMEWARD_REFERRAL, received, "org-b", NOW,
                                         ANY_VERSION))
               .expectException(AlreadyRecordedException.class)
               .expectNoEvents();
        fixture.given(opened(), closed())
               .when(new ReceiveReferral(journeyId, TODAY, Source.PHONE_CALL, null, null, NOW, ANY_VERSION))
               .expectException(JourneyClosedException.class)
               .expectNoEvents();
    }

    // ---- possible duplicates -----------------------------------------------------------------------------------

    private final UUID otherJourneyId = UUID.randomUUID();

    private ConfirmSamePerson confirm() {
        return new ConfirmSamePerson(journeyId, otherJourneyId, caller.userId());
    }

    private DismissPossibleDuplicate dismiss() {
        return new DismissPossibleDuplicate(journeyId, otherJourneyId, caller.userId());
    }

    @Test
    void supervisorConfirmsTheSamePersonLinkingTheJourneys() {
        fixture.given(opened())
               .when(confirm())
               .expectEvents(new SamePersonConfirmed(journeyId, otherJourneyId, "sv-org-a"))
               .expectResultMessagePayload(1L);
    }

    @Test
    void supervisorDismissesAPossibleDuplicate() {
        fixture.given(opened())
               .when(dismiss())
               .expectEvents(new PossibleDuplicateDismissed(journeyId, otherJourneyId, "sv-org-a"))
               .expectResultMessagePayload(1L);
    }

    @Test
    void aCaseManagerDoesNotDecideWhetherTwoJourneysAreOnePerson() {
        caller = new Caller("cm-1", Role.CASE_MANAGER, "org-a");
        fixture.given(opened())
               .when(confirm())
               .expectException(NotPermittedException.class)
               .expectNoEvents();
        fixture.given(opened())
               .when(dismiss())
               .expectException(NotPermittedException.class)
               .expectNoEvents();
    }

    @Test
    void aSupervisorOfAnotherOrganisationCannotLinkTheJourney() {
        caller = supervisorOf("org-b");
        fixture.given(opened())
               .when(confirm())
               .expectException(NotVisibleException.class)
               .expectNoEvents();
    }

    @Test
    void aJourneyIsNotItsOwnDuplicate() {
        fixture.given(opened())
               .when(new ConfirmSamePerson(journeyId, journeyId, "sv-org-a"))
               .expectException(invalidField("otherJourneyId"))
               .expectNoEvents();
    }

    @Test
    void aPairIsDecidedOnceConfirmedOrDismissedNeverBoth() {
        fixture.given(opened(), new SamePersonConfirmed(journeyId, otherJourneyId, "sv-org-a"))
               .when(dismiss())
               .expectException(PossibleDuplicateDecidedException.class)
               .expectNoEvents();
        fixture.given(opened(), new PossibleDuplicateDismissed(journeyId, otherJourneyId, "sv-org-a"))
               .when(confirm())
               .expectException(PossibleDuplicateDecidedException.class)
               .expectNoEvents();
    }

    /** What lets a decision the other journey of the pair did not record yet be completed by deciding again. */
    @Test
    void theSameDecisionAgainRecordsNothing() {
        fixture.given(opened(), new SamePersonConfirmed(journeyId, otherJourneyId, "sv-org-a"))
               .when(confirm())
               .expectSuccessfulHandlerExecution()
               .expectNoEvents()
               .expectResultMessagePayload(1L);
        fixture.given(opened(), new PossibleDuplicateDismissed(journeyId, otherJourneyId, "sv-org-a"))
               .when(dismiss())
               .expectNoEvents()
               .expectResultMessagePayload(1L);
    }

    @Test
    void aClosedJourneyCanStillBeLinked() {
        fixture.given(opened(), closed())
               .when(confirm())
               .expectEvents(new SamePersonConfirmed(journeyId, otherJourneyId, "sv-org-a"));
    }

    @Test
    void anErasedPersonIsNotLinkedButMayBeDismissed() {
        fixture.given(opened(), new PersonalDataErased(journeyId, TODAY))
               .when(confirm())
               .expectException(PersonalDataErasedException.class)
               .expectNoEvents();
        fixture.given(opened(), new PersonalDataErased(journeyId, TODAY))
               .when(dismiss())
               .expectEvents(new PossibleDuplicateDismissed(journeyId, otherJourneyId, "sv-org-a"));
    }
}
