package org.homeward.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.homeward.audit.AuditEvent;
import org.homeward.audit.AuditEventPage;
import org.homeward.audit.FindAuditEvents;
import org.homeward.journey.ClosureReason;
import org.homeward.journey.ConsentPurpose;
import org.homeward.journey.JourneyClosed;
import org.homeward.journey.JourneyOpened;
import org.homeward.journey.MilestoneRecorded;
import org.homeward.journey.MilestoneType;
import org.homeward.journey.Profile;
import org.homeward.query.support.GivenEvents;
import org.homeward.query.support.ReadModelDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Given events as the store holds them, the audit trail has exactly one entry per event, at the position the
 * store gave that event (never a tracking token's), and an event handed on again adds nothing.
 */
class AuditTrailProjectionTest {

    private static final LocalDate INTAKE = LocalDate.of(2026, 1, 12);
    private static final Profile PROFILE = new Profile(Profile.AgeBand.FROM_18_TO_24, Profile.Gender.FEMALE, "NG",
                                                       Profile.FormOfExploitation.SEXUAL);

    private static JdbcTemplate jdbc;
    private static AuditTrail trail;
    private static GivenEvents events;

    @BeforeAll
    static void database() {
        jdbc = ReadModelDatabase.freshWithEventStore();
        trail = new AuditTrail(jdbc);
        events = new GivenEvents(trail, jdbc);
    }

    @Test
    void oneEntryPerEventAtItsOwnPositionInTheStore() {
        UUID journey = UUID.randomUUID();
        MilestoneRecorded shelter = new MilestoneRecorded(journey, UUID.randomUUID(), MilestoneType.SHELTER_ENTERED,
                                                          INTAKE, null, null, null);
        events.given(opened(journey), shelter,
                     new JourneyClosed(journey, INTAKE.plusDays(9), ClosureReason.REINTEGRATED, null));

        events.again(shelter, 1);

        List<AuditEvent> entries = entries(journey, null, false);
        assertThat(entries).extracting(AuditEvent::eventType)
                           .containsExactly("JourneyOpened", "MilestoneRecorded", "JourneyClosed");
        assertThat(entries).extracting(AuditEvent::sequenceNumber).containsExactly(0L, 1L, 2L);
        assertThat(entries).extracting(AuditEvent::position).containsExactlyElementsOf(jdbc.queryForList(
                "select global_index from domain_event_entry where aggregate_identifier = ? order by global_index",
                Long.class, journey.toString()));
        assertThat(entries).extracting(AuditEvent::eventId).containsExactlyElementsOf(jdbc.queryForList(
                "select event_identifier from domain_event_entry where aggregate_identifier = ? order by global_index",
                String.class, journey.toString()));
    }

    @Test
    void entriesAreFoundByJourneyAndTypeNewestFirstAndPaged() {
        UUID journey = UUID.randomUUID();
        events.given(opened(journey));
        for (int i = 0; i < 5; i++) {
            events.given(new MilestoneRecorded(journey, UUID.randomUUID(), MilestoneType.COUNSELLING_STARTED,
                                               INTAKE.plusDays(i), null, null, null));
        }
        events.given(opened(UUID.randomUUID()));

        assertThat(entries(journey, "MilestoneRecorded", true)).extracting(AuditEvent::sequenceNumber)
                                                               .containsExactly(5L, 4L, 3L, 2L, 1L);
        AuditEventPage second = trail.handle(new FindAuditEvents(journey.toString(), null, null, null, null, null,
                                                                 false, 1, 4));
        assertThat(second.total()).isEqualTo(6);
        assertThat(second.entries()).extracting(AuditEvent::sequenceNumber).containsExactly(4L, 5L);
    }

    private static JourneyOpened opened(UUID journey) {
        return new JourneyOpened(journey, "org-a", "cm-a", INTAKE, PROFILE, null,
                                 Set.of(ConsentPurpose.CASE_MANAGEMENT), "cm-a");
    }

    private static List<AuditEvent> entries(UUID journey, String type, boolean newestFirst) {
        return trail.handle(new FindAuditEvents(journey.toString(), null, null, type, null, null, newestFirst, 0, 50))
                    .entries();
    }
}
