package org.homeward.command.journey;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.homeward.journey.CloseJourney;
import org.homeward.journey.ClosureReason;
import org.homeward.journey.CorrectMilestone;
import org.homeward.journey.JourneyClosed;
import org.homeward.journey.JourneyOpened;
import org.homeward.journey.MilestoneCorrected;
import org.homeward.journey.MilestoneRecorded;
import org.homeward.journey.MilestoneRetracted;
import org.homeward.journey.MilestoneType;
import org.homeward.journey.OpenJourney;
import org.homeward.journey.Profile;
import org.homeward.journey.RecordMilestone;
import org.homeward.journey.RetractMilestone;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JourneyTest {

    /** 2026-03-10 12:00 UTC: it is already 2026-03-11 from UTC+12 eastwards. */
    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    private static final LocalDate INTAKE = LocalDate.of(2026, 1, 5);
    private static final Profile PROFILE =
            new Profile(Profile.AgeBand.FROM_25_TO_34, Profile.Gender.FEMALE, "RO", Profile.FormOfExploitation.FORCED_LABOUR);

    private final UUID journeyId = UUID.randomUUID();
    private final UUID milestoneId = UUID.randomUUID();
    private AggregateTestFixture<Journey> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Journey.class);
    }

    private JourneyOpened opened() {
        return new JourneyOpened(journeyId, "org-a", "cm-1", INTAKE, PROFILE);
    }

    private MilestoneRecorded shelterEntered() {
        return new MilestoneRecorded(journeyId, milestoneId, MilestoneType.SHELTER_ENTERED, INTAKE, "synthetic note");
    }

    private JourneyClosed closed() {
        return new JourneyClosed(journeyId, TODAY, ClosureReason.REINTEGRATED, null);
    }

    @Test
    void opensJourneyAtIntake() {
        fixture.givenNoPriorActivity()
               .when(new OpenJourney(journeyId, "org-a", "cm-1", INTAKE, PROFILE, NOW))
               .expectSuccessfulHandlerExecution()
               .expectEvents(opened());
    }

    @Test
    void cannotOpenJourneyWithIntakeInFuture() {
        fixture.givenNoPriorActivity()
               .when(new OpenJourney(journeyId, "org-a", "cm-1", TODAY.plusDays(2), PROFILE, NOW))
               .expectException(DateInFutureException.class)
               .expectNoEvents();
    }

    @Test
    void recordsMilestoneAndAnswersNewVersion() {
        fixture.given(opened())
               .when(new RecordMilestone(journeyId, milestoneId, MilestoneType.SHELTER_ENTERED, INTAKE,
                                         "synthetic note", NOW))
               .expectEvents(shelterEntered())
               .expectResultMessagePayload(1L);
    }

    @Test
    void acceptsMilestoneDatedTodaySomewhereEastOfUtc() {
        fixture.given(opened())
               .when(new RecordMilestone(journeyId, milestoneId, MilestoneType.SHELTER_ENTERED, TODAY.plusDays(1),
                                         null, NOW))
               .expectEvents(new MilestoneRecorded(journeyId, milestoneId, MilestoneType.SHELTER_ENTERED,
                                                   TODAY.plusDays(1), null));
    }

    @Test
    void cannotRecordMilestoneInFuture() {
        fixture.given(opened())
               .when(new RecordMilestone(journeyId, milestoneId, MilestoneType.SHELTER_ENTERED, TODAY.plusDays(2),
                                         null, NOW))
               .expectException(DateInFutureException.class)
               .expectNoEvents();
    }

    @Test
    void cannotRecordMilestoneOnClosedJourney() {
        fixture.given(opened(), closed())
               .when(new RecordMilestone(journeyId, milestoneId, MilestoneType.SHELTER_ENTERED, INTAKE, null, NOW))
               .expectException(JourneyClosedException.class)
               .expectNoEvents();
    }

    @Test
    void cannotRecordSameMilestoneTwice() {
        fixture.given(opened(), shelterEntered())
               .when(new RecordMilestone(journeyId, milestoneId, MilestoneType.SHELTER_ENTERED, INTAKE, null, NOW))
               .expectException(MilestoneAlreadyRecordedException.class)
               .expectNoEvents();
    }

    @Test
    void correctsMilestoneWithWholeCorrectedValues() {
        fixture.given(opened(), shelterEntered())
               .when(new CorrectMilestone(journeyId, milestoneId, MilestoneType.SHELTER_EXITED, INTAKE.plusDays(3),
                                          "corrected note", "wrong type chosen", NOW))
               .expectEvents(new MilestoneCorrected(journeyId, milestoneId, MilestoneType.SHELTER_EXITED,
                                                    INTAKE.plusDays(3), "corrected note", "wrong type chosen"))
               .expectResultMessagePayload(2L);
    }

    @Test
    void cannotCorrectUnknownMilestone() {
        fixture.given(opened())
               .when(new CorrectMilestone(journeyId, milestoneId, MilestoneType.SHELTER_EXITED, INTAKE, null,
                                          "typo", NOW))
               .expectException(UnknownMilestoneException.class)
               .expectNoEvents();
    }

    @Test
    void cannotCorrectRetractedMilestone() {
        fixture.given(opened(), shelterEntered(), new MilestoneRetracted(journeyId, milestoneId, "wrong person"))
               .when(new CorrectMilestone(journeyId, milestoneId, MilestoneType.SHELTER_EXITED, INTAKE, null,
                                          "typo", NOW))
               .expectException(MilestoneRetractedException.class)
               .expectNoEvents();
    }

    @Test
    void cannotCorrectMilestoneIntoFuture() {
        fixture.given(opened(), shelterEntered())
               .when(new CorrectMilestone(journeyId, milestoneId, MilestoneType.SHELTER_ENTERED, TODAY.plusDays(2),
                                          null, "date", NOW))
               .expectException(DateInFutureException.class)
               .expectNoEvents();
    }

    @Test
    void cannotCorrectMilestoneOnClosedJourney() {
        fixture.given(opened(), shelterEntered(), closed())
               .when(new CorrectMilestone(journeyId, milestoneId, MilestoneType.SHELTER_EXITED, INTAKE, null,
                                          "typo", NOW))
               .expectException(JourneyClosedException.class)
               .expectNoEvents();
    }

    @Test
    void retractsMilestone() {
        fixture.given(opened(), shelterEntered())
               .when(new RetractMilestone(journeyId, milestoneId, "recorded on the wrong journey"))
               .expectEvents(new MilestoneRetracted(journeyId, milestoneId, "recorded on the wrong journey"));
    }

    @Test
    void cannotRetractUnknownMilestone() {
        fixture.given(opened())
               .when(new RetractMilestone(journeyId, milestoneId, "mistake"))
               .expectException(UnknownMilestoneException.class)
               .expectNoEvents();
    }

    @Test
    void cannotRetractMilestoneTwice() {
        fixture.given(opened(), shelterEntered(), new MilestoneRetracted(journeyId, milestoneId, "mistake"))
               .when(new RetractMilestone(journeyId, milestoneId, "mistake again"))
               .expectException(MilestoneRetractedException.class)
               .expectNoEvents();
    }

    @Test
    void cannotRetractMilestoneOnClosedJourney() {
        fixture.given(opened(), shelterEntered(), closed())
               .when(new RetractMilestone(journeyId, milestoneId, "mistake"))
               .expectException(JourneyClosedException.class)
               .expectNoEvents();
    }

    @Test
    void closesJourney() {
        fixture.given(opened(), shelterEntered())
               .when(new CloseJourney(journeyId, TODAY, ClosureReason.REINTEGRATED, null, NOW))
               .expectEvents(closed())
               .expectResultMessagePayload(2L);
    }

    @Test
    void cannotCloseJourneyTwice() {
        fixture.given(opened(), closed())
               .when(new CloseJourney(journeyId, TODAY, ClosureReason.REINTEGRATED, null, NOW))
               .expectException(JourneyClosedException.class)
               .expectNoEvents();
    }

    @Test
    void cannotCloseJourneyInFuture() {
        fixture.given(opened())
               .when(new CloseJourney(journeyId, TODAY.plusDays(2), ClosureReason.REINTEGRATED, null, NOW))
               .expectException(DateInFutureException.class)
               .expectNoEvents();
    }

    @Test
    void cannotCloseJourneyBeforeIntake() {
        fixture.given(opened())
               .when(new CloseJourney(journeyId, INTAKE.minusDays(1), ClosureReason.MOVED_AWAY, null, NOW))
               .expectException(DateBeforeIntakeException.class)
               .expectNoEvents();
    }
}
