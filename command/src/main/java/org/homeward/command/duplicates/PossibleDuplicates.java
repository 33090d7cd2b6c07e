package org.homeward.command.duplicates;

import java.nio.BufferUnderflowException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.homeward.command.CommandSettings;
import org.homeward.event.Ignores;
import org.homeward.journey.JourneyEvent;
import org.homeward.journey.JourneyOpened;
import org.homeward.journey.JourneyTransferred;
import org.homeward.journey.PersonalDataErased;
import org.homeward.journey.PersonalDetails;
import org.homeward.journey.PossibleDuplicateDismissed;
import org.homeward.journey.SamePersonConfirmed;
import org.homeward.privacy.PersonKeyring;
import org.homeward.privacy.Sealed;
import org.homeward.program.ProgramEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The journeys that may be the same person's: each journey's blind index ({@link BlindIndex}) kept in the
 * commands' own transaction (a subscribing group), so the intake's answer already knows; pairs of the same
 * organisation with the same index and not yet decided are possible duplicates. Computed when asked rather than
 * stored, so a transfer, an erasure or a change of the enabled organisations counts at once.
 */
@Ignores(value = {JourneyEvent.class, ProgramEvent.class},
         why = "only opening, transfer, erasure and a supervisor's decision change who may be whose duplicate")
@Component
@ProcessingGroup("possible-duplicates")
public class PossibleDuplicates {

    private static final Logger log = LoggerFactory.getLogger(PossibleDuplicates.class);

    /** Two journeys of one organisation that may be the same person's; {@code journeyId} was indexed later. */
    public record Pair(UUID possibleDuplicateId, UUID journeyId, UUID otherJourneyId) {
    }

    private final JdbcTemplate jdbc;
    private final BlindIndex index;
    private final PersonKeyring keyring;
    private final Set<String> acrossOrganisations;
    private final TransactionTemplate transaction;

    PossibleDuplicates(JdbcTemplate jdbc, BlindIndex index, PersonKeyring keyring, CommandSettings settings,
                       PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.index = index;
        this.keyring = keyring;
        this.acrossOrganisations = Set.copyOf(settings.duplicates().acrossOrganisations());
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * The pairs of the organisation not yet decided on both journeys, the latest intake first: a decision only one
     * of the two recorded stays listed, to be completed.
     */
    public List<Pair> pending(String organisationId) {
        return pairs(organisationId, """
                and (select count(*) from possible_duplicate_decision d
                     where d.journey_id = later.journey_id and d.other_journey_id = earlier.journey_id
                        or d.journey_id = earlier.journey_id and d.other_journey_id = later.journey_id) < 2
                """);
    }

    /**
     * The pair of the organisation with this id, decided or not: a decision sent again meets the journey's own
     * rule (decided once), or with the same Idempotency-Key its first answer.
     */
    public Optional<Pair> find(String organisationId, UUID possibleDuplicateId) {
        return pairs(organisationId, "").stream()
                                        .filter(pair -> pair.possibleDuplicateId().equals(possibleDuplicateId))
                                        .findFirst();
    }

    private List<Pair> pairs(String organisationId, String condition) {
        return jdbc.query("""
                select later.journey_id, earlier.journey_id
                from journey_identity_index later
                join journey_identity_index earlier on earlier.blind_key = later.blind_key
                     and earlier.organisation_id = later.organisation_id and earlier.indexed < later.indexed
                where later.organisation_id = ?
                """ + condition + " order by later.indexed desc, earlier.indexed desc",
                (rs, row) -> pair(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)), organisationId);
    }

    /**
     * The organisation's journeys whose person may also have a journey in another organisation, when both
     * enabled it; which one, and which organisation, stays on the other side.
     */
    public List<UUID> inOtherOrganisations(String organisationId) {
        if (!acrossOrganisations.contains(organisationId)) {
            return List.of();
        }
        List<UUID> journeys = new ArrayList<>();
        jdbc.query("""
                select own.journey_id, other.organisation_id
                from journey_identity_index own
                join journey_identity_index other on other.blind_key = own.blind_key
                     and other.organisation_id <> own.organisation_id
                where own.organisation_id = ?
                order by own.indexed desc
                """, rs -> {
            UUID journeyId = rs.getObject(1, UUID.class);
            if (acrossOrganisations.contains(rs.getString(2)) && !journeys.contains(journeyId)) {
                journeys.add(journeyId);
            }
        }, organisationId);
        return journeys;
    }

    /**
     * Whether the journey may be a duplicate: of an undecided journey of its own organisation, or of one in another
     * organisation when both enabled it. Asked of the journey's own row, so an intake costs no scan.
     */
    public boolean possibleDuplicate(UUID journeyId) {
        List<String[]> matches = jdbc.query("""
                select own.organisation_id, other.organisation_id
                from journey_identity_index own
                join journey_identity_index other on other.blind_key = own.blind_key
                     and other.journey_id <> own.journey_id
                where own.journey_id = ?
                  and not exists (select 1 from possible_duplicate_decision d
                                  where d.journey_id = own.journey_id and d.other_journey_id = other.journey_id)
                """, (rs, row) -> new String[] {rs.getString(1), rs.getString(2)}, journeyId);
        return matches.stream().anyMatch(match -> match[0].equals(match[1])
                                                  || acrossOrganisations.contains(match[0])
                                                     && acrossOrganisations.contains(match[1]));
    }

    /** A stable id for the pair, whichever of the two comes first: it names the two journeys to no one. */
    static Pair pair(UUID later, UUID earlier) {
        UUID low = later.compareTo(earlier) < 0 ? later : earlier;
        UUID high = low == later ? earlier : later;
        UUID id = UUID.nameUUIDFromBytes(("possible-duplicate\n" + low + "\n" + high)
                                                 .getBytes(StandardCharsets.US_ASCII));
        return new Pair(id, later, earlier);
    }

    @EventHandler
    void on(JourneyOpened event) {
        blindKey(event.journeyId(), event.personalDetails()).ifPresent(key -> jdbc.update("""
                insert into journey_identity_index (journey_id, organisation_id, blind_key) values (?, ?, ?)
                on conflict (journey_id) do nothing
                """, event.journeyId(), event.organisationId(), key));
    }

    @EventHandler
    void on(JourneyTransferred event) {
        jdbc.update("update journey_identity_index set organisation_id = ? where journey_id = ?",
                    event.toOrganisationId(), event.journeyId());
    }

    /** Erased with the person: no trace is left that could match them again. */
    @EventHandler
    void on(PersonalDataErased event) {
        jdbc.update("delete from journey_identity_index where journey_id = ?", event.journeyId());
    }

    @EventHandler
    void on(SamePersonConfirmed event) {
        decided(event.journeyId(), event.otherJourneyId());
    }

    @EventHandler
    void on(PossibleDuplicateDismissed event) {
        decided(event.journeyId(), event.otherJourneyId());
    }

    /**
     * The index is made again from the events when it was made under another key: a lost key file, or an
     * installation older than the index. Only journeys whose person's key exists are indexed (an erased person
     * never again), each in its organisation of now (the directory's).
     */
    @EventListener(ApplicationReadyEvent.class)
    public void indexUnderTheCurrentKey() {
        byte[] check = index.keyCheck();
        int indexed = transaction.execute(status -> {
            // one process at a time: the others wait, then find the index made
            jdbc.execute("lock table journey_identity_index_key in exclusive mode");
            List<byte[]> stored = jdbc.query("select check_value from journey_identity_index_key",
                                             (rs, row) -> rs.getBytes(1));
            if (stored.size() == 1 && Arrays.equals(stored.get(0), check)) {
                return -1;
            }
            jdbc.update("delete from journey_identity_index");
            int[] count = {0};
            jdbc.query("""
                    select aggregate_identifier::uuid, event -> 'personalDetails' ->> 'fullName',
                           event -> 'personalDetails' ->> 'dateOfBirth', directory.organisation_id
                    from (select aggregate_identifier, global_index,
                                 convert_from(payload, 'UTF8')::jsonb as event
                          from domain_event_entry where payload_type = ?) opened
                    join journey_directory directory on directory.journey_id = opened.aggregate_identifier::uuid
                    order by global_index
                    """, rs -> {
                UUID journeyId = rs.getObject(1, UUID.class);
                Optional<byte[]> key = blindKey(journeyId, new PersonalDetails(rs.getString(2), null, null,
                                                                               rs.getString(3)));
                if (key.isPresent()) {
                    jdbc.update("insert into journey_identity_index (journey_id, organisation_id, blind_key)"
                                + " values (?, ?, ?) on conflict (journey_id) do nothing",
                                journeyId, rs.getString(4), key.get());
                    count[0]++;
                }
            }, JourneyOpened.class.getName());
            jdbc.update("delete from journey_identity_index_key");
            jdbc.update("insert into journey_identity_index_key (check_value) values (?)", (Object) check);
            // a new installation has nothing to say
            return stored.isEmpty() && count[0] == 0 ? -1 : count[0];
        });
        if (indexed >= 0) {
            log.warn("The possible duplicates' index was made under another key or none; made again from the"
                     + " events: {} journeys indexed", indexed);
        }
    }

    private void decided(UUID journeyId, UUID otherJourneyId) {
        jdbc.update("""
                insert into possible_duplicate_decision (journey_id, other_journey_id) values (?, ?)
                on conflict do nothing
                """, journeyId, otherJourneyId);
    }

    /** Opens the sealed name and date of birth with the person's key, and forgets them once indexed. */
    private Optional<byte[]> blindKey(UUID journeyId, PersonalDetails person) {
        if (person == null || person.fullName() == null || person.dateOfBirth() == null) {
            return Optional.empty();
        }
        byte[] key = keyring.key(journeyId);
        if (key == null) {
            return Optional.empty();
        }
        try {
            return index.of(new Sealed(person.fullName()).openText(key, journeyId),
                            new Sealed(person.dateOfBirth()).openText(key, journeyId));
        } catch (IllegalArgumentException | BufferUnderflowException damaged) {
            log.warn("Journey {}: the sealed name or date of birth does not open; not indexed", journeyId);
            return Optional.empty();
        }
    }
}
