package org.homeward.app.duplicates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homeward.app.support.SyntheticJourneys.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.homeward.access.Role;
import org.homeward.app.support.Api;
import org.homeward.app.support.Api.Reply;
import org.homeward.app.support.HttpTest;
import org.homeward.command.duplicates.PossibleDuplicates;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A duplicate warning without a leak: the case manager is told "possible duplicate" and nothing else, the
 * supervisor sees the pair and links the journeys or dismisses it, and across organisations, only where both
 * enabled it, each side's supervisor hears "ask a supervisor there" and nothing of the other side. Synthetic
 * people only.
 */
class PossibleDuplicatesTest extends HttpTest {

    private static final String NORTH = "org-dup-north";
    private static final String EAST = "org-dup-east";
    private static final String WEST = "org-dup-west";
    /** Each test's own organisation, so that the pairs of one are not another's. */
    private static final String SOUTH = "org-dup-south";
    private static final String CENTRE = "org-dup-centre";
    private static final String AGAIN = "org-dup-again";

    @Autowired
    private PossibleDuplicates duplicates;

    @DynamicPropertySource
    static void enabledAcross(DynamicPropertyRegistry registry) {
        registry.add("homeward.duplicates.across-organisations", () -> EAST + "," + WEST);
    }

    @Test
    void aDuplicateWarningWithoutALeak() {
        Api caseManager = as(Role.CASE_MANAGER, "cm-dup-1", NORTH);
        Api colleague = as(Role.CASE_MANAGER, "cm-dup-2", NORTH);
        Api supervisor = as(Role.SUPERVISOR, "sv-dup-north", NORTH);

        Reply first = caseManager.post("/api/v1/journeys", person(NORTH, "cm-dup-1", "María-José García López",
                                                                  "1999-04-03"));
        assertThat(first.json().path("possibleDuplicate").asBoolean()).isFalse();
        String firstJourney = first.text("journeyId");

        // the same person, written otherwise, by a colleague who may not see the first journey
        Reply second = colleague.post("/api/v1/journeys", person(NORTH, "cm-dup-2", "garcia lopez, MARIA JOSE",
                                                                 "1999-04-03"));
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json().path("possibleDuplicate").asBoolean()).as("warned at intake").isTrue();
        assertThat(second.body()).as("never which journey").doesNotContain(firstJourney);
        String secondJourney = second.text("journeyId");

        assertThat(colleague.post("/api/v1/journeys", person(NORTH, "cm-dup-2", "Maria Jose Garcia Lopez",
                                                             "1999-04-04"))
                            .json().path("possibleDuplicate").asBoolean()).as("another birthday").isFalse();
        assertThat(colleague.post("/api/v1/journeys", person(NORTH, "cm-dup-2", "Maria Jose Garcia Lopez", null))
                            .json().path("possibleDuplicate").asBoolean()).as("no birthday, no match").isFalse();

        assertThat(colleague.get("/api/v1/possible-duplicates").status()).as("supervisors only").isEqualTo(403);
        JsonNode listed = supervisor.get("/api/v1/possible-duplicates").json();
        assertThat(listed.path("inOrganisation")).hasSize(1);
        JsonNode pair = listed.path("inOrganisation").get(0);
        assertThat(pair.path("journeyId").asString()).isEqualTo(secondJourney);
        assertThat(pair.path("otherJourneyId").asString()).isEqualTo(firstJourney);
        assertThat(listed.path("inOtherOrganisations")).as("north did not enable it").isEmpty();
        String possibleDuplicate = pair.path("possibleDuplicateId").asString();

        Api otherSupervisor = as(Role.SUPERVISOR, "sv-dup-east", EAST);
        assertThat(otherSupervisor.get("/api/v1/possible-duplicates").body()).doesNotContain(firstJourney,
                                                                                             secondJourney);
        assertThat(otherSupervisor.post("/api/v1/possible-duplicates/" + possibleDuplicate + "/confirmation",
                                        Map.of()).status()).as("another organisation's pair is unknown")
                                                           .isEqualTo(404);

        String confirmation = "/api/v1/possible-duplicates/" + possibleDuplicate + "/confirmation";
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        Reply confirmed = supervisor.post(confirmation, Map.of(), key);
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(supervisor.post(confirmation, Map.of(), key).body()).as("a retry, answered as the first")
                                                                        .isEqualTo(confirmed.body());
        assertThat(supervisor.post(confirmation, Map.of()).body()).as("the same decision again records nothing")
                                                                 .isEqualTo(confirmed.body());
        assertThat(linked(supervisor, secondJourney, confirmed.json().path("version").asLong()))
                .containsExactly(firstJourney);
        assertThat(linked(supervisor, firstJourney, confirmed.json().path("otherVersion").asLong()))
                .as("on both timelines").containsExactly(secondJourney);
        assertThat(supervisor.get("/api/v1/possible-duplicates").json().path("inOrganisation")).isEmpty();
        Reply again = supervisor.post("/api/v1/possible-duplicates/" + possibleDuplicate + "/dismissal", Map.of());
        assertThat(again.status()).as("decided once, never both ways").isEqualTo(409);
        assertThat(again.contentType()).isEqualTo("application/problem+json");
        assertThat(supervisor.post("/api/v1/possible-duplicates/" + UUID.randomUUID() + "/dismissal",
                                   Map.of()).status()).isEqualTo(404);
        Reply malformed = supervisor.post("/api/v1/possible-duplicates/not-an-id/confirmation", Map.of());
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).isEqualTo("application/problem+json");
        assertThat(malformed.json().path("errors").get(0).path("field").asString()).isEqualTo("possibleDuplicateId");
    }

    @Test
    void aDismissedPairIsNotRaisedAgain() {
        Api supervisor = as(Role.SUPERVISOR, "sv-dup-south", SOUTH);
        String one = openAs(supervisor, SOUTH, "Ion Rusu", "2001-09-12");
        String two = openAs(supervisor, SOUTH, "RUSU Ion", "2001-09-12");
        String possibleDuplicate = pairOf(supervisor, two, one).path("possibleDuplicateId").asString();

        Reply dismissed = supervisor.post("/api/v1/possible-duplicates/" + possibleDuplicate + "/dismissal",
                                          Map.of());
        assertThat(dismissed.status()).isEqualTo(200);
        assertThat(linked(supervisor, two, dismissed.json().path("version").asLong())).isEmpty();

        String three = openAs(supervisor, SOUTH, "Ion  Rusu.", "2001-09-12");
        JsonNode pending = supervisor.get("/api/v1/possible-duplicates").json().path("inOrganisation");
        assertThat(pending.valueStream().map(p -> p.path("journeyId").asString() + ">"
                                                  + p.path("otherJourneyId").asString()))
                .as("the new journey with each, never the dismissed pair")
                .contains(three + ">" + two, three + ">" + one).doesNotContain(two + ">" + one);
    }

    @Test
    void acrossOrganisationsOnlyWhereBothEnabledItAndNothingOfTheOtherSide() {
        Api east = as(Role.SUPERVISOR, "sv-dup-east", EAST);
        Api west = as(Role.SUPERVISOR, "sv-dup-west", WEST);
        Api north = as(Role.SUPERVISOR, "sv-dup-north", NORTH);
        Reply inEast = east.post("/api/v1/journeys", person(EAST, "cm-dup-east", "Ana Popescu", "1995-02-28"));
        assertThat(inEast.json().path("possibleDuplicate").asBoolean()).isFalse();
        String eastJourney = inEast.text("journeyId");

        // north did not enable it: nothing is said, to north or to east
        Reply inNorth = north.post("/api/v1/journeys", person(NORTH, "cm-dup-north", "Ana Popescu", "1995-02-28"));
        assertThat(inNorth.json().path("possibleDuplicate").asBoolean()).isFalse();
        String northJourney = inNorth.text("journeyId");
        assertThat(north.get("/api/v1/possible-duplicates").body()).doesNotContain(northJourney, eastJourney);
        assertThat(east.get("/api/v1/possible-duplicates").json().path("inOtherOrganisations")).isEmpty();

        Api westCaseManager = as(Role.CASE_MANAGER, "cm-dup-west", WEST);
        Reply inWest = westCaseManager.post("/api/v1/journeys", person(WEST, "cm-dup-west", "POPESCU, Ana",
                                                                       "1995-02-28"));
        assertThat(inWest.json().path("possibleDuplicate").asBoolean()).as("ask a supervisor").isTrue();
        assertThat(inWest.body()).doesNotContain(eastJourney, EAST, northJourney);
        String westJourney = inWest.text("journeyId");

        Reply eastList = east.get("/api/v1/possible-duplicates");
        assertThat(eastList.json().path("inOrganisation")).isEmpty();
        assertThat(eastList.json().path("inOtherOrganisations")).hasSize(1);
        JsonNode elsewhere = eastList.json().path("inOtherOrganisations").get(0);
        assertThat(elsewhere.path("journeyId").asString()).as("its own journey only").isEqualTo(eastJourney);
        assertThat(elsewhere.path("advice").asString()).contains("ask a supervisor there");
        assertThat(eastList.body()).as("nothing of the other sides")
                                   .doesNotContain(westJourney, WEST, "cm-dup-west", northJourney, NORTH,
                                                   "Popescu", "Ana", "1995");
        Reply westList = west.get("/api/v1/possible-duplicates");
        assertThat(westList.json().path("inOtherOrganisations").get(0).path("journeyId").asString())
                .isEqualTo(westJourney);
        assertThat(westList.body()).doesNotContain(eastJourney, EAST, "cm-dup-east", northJourney, NORTH);
        String eastPair = UUID.nameUUIDFromBytes(("possible-duplicate\n" + eastJourney + "\n" + westJourney)
                                                                   .getBytes(StandardCharsets.US_ASCII)).toString();
        assertThat(west.post("/api/v1/possible-duplicates/" + eastPair + "/confirmation", Map.of()).status())
                .as("nothing to confirm across").isEqualTo(404);
    }

    @Test
    void theIndexRevealsNothingAndIsErasedWithThePerson() throws Exception {
        Api supervisor = as(Role.SUPERVISOR, "sv-dup-centre", CENTRE);
        String journey = openAs(supervisor, CENTRE, "Elena Ceban", "1990-12-01");
        byte[] blindKey = jdbc.queryForObject("select blind_key from journey_identity_index where journey_id = ?",
                                              byte[].class, UUID.fromString(journey));
        for (String guess : List.of("ceban elena\n1990-12-01", "v1\nceban elena\n1990-12-01",
                                    "Elena Ceban1990-12-01")) {
            assertThat(blindKey).as("not a hash anyone can recompute")
                                .isNotEqualTo(MessageDigest.getInstance("SHA-256")
                                                           .digest(guess.getBytes(StandardCharsets.UTF_8)));
        }
        String hex = HexFormat.of().formatHex(blindKey);
        assertThat(jdbc.queryForObject("""
                select count(*) from domain_event_entry
                where encode(payload, 'hex') like '%' || ? || '%' or convert_from(payload, 'UTF8') like '%Ceban%'
                   or convert_from(payload, 'UTF8') like ?
                """, Long.class, hex, "%" + Base64.getEncoder().encodeToString(blindKey) + "%"))
                .as("in no event").isZero();

        assertThat(supervisor.post("/api/v1/journeys/" + journey + "/erasure",
                                   Map.of("requestedOn", "2026-03-01")).status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from journey_identity_index where journey_id = ?",
                                       Long.class, UUID.fromString(journey))).as("erased with her")
                                                                                        .isZero();
        assertThat(supervisor.post("/api/v1/journeys", person(CENTRE, "cm-dup-centre", "Elena Ceban", "1990-12-01"))
                             .json().path("possibleDuplicate").asBoolean()).as("never matched again").isFalse();
    }

    @Test
    void theIndexIsMadeAgainFromTheEventsUnderANewKey() {
        Api supervisor = as(Role.SUPERVISOR, "sv-dup-again", AGAIN);
        String one = openAs(supervisor, AGAIN, "Vera Lungu", "1988-07-07");
        String two = openAs(supervisor, AGAIN, "Lungu Vera", "1988-07-07");
        String erased = openAs(supervisor, AGAIN, "Vera Lungu", "1988-07-07");
        supervisor.post("/api/v1/journeys/" + erased + "/erasure", Map.of("requestedOn", "2026-03-01"));
        // as after a lost key file, or in an installation older than the index
        jdbc.update("update journey_identity_index_key set check_value = ?", (Object) new byte[32]);
        jdbc.update("delete from journey_identity_index");

        duplicates.indexUnderTheCurrentKey();

        JsonNode pending = supervisor.get("/api/v1/possible-duplicates").json().path("inOrganisation");
        assertThat(pending).hasSize(1);
        assertThat(pending.get(0).path("journeyId").asString()).isEqualTo(two);
        assertThat(pending.get(0).path("otherJourneyId").asString()).as("the erased person never again")
                                                                   .isEqualTo(one);
    }

    /**
     * A decision sends one command to each journey of the pair: with an Idempotency-Key, each must still be
     * recorded (found by an attack: the second reused the first's key and answered its answer unrecorded).
     */
    @Test
    void aConfirmationSentWithAnIdempotencyKeyIsRecordedOnBothJourneys() {
        String organisation = "org-dup-keyed";
        Api supervisor = as(Role.SUPERVISOR, "sv-dup-keyed", organisation);
        String one = openAs(supervisor, organisation, "Nadia Cojocaru", "1997-05-14");
        String two = openAs(supervisor, organisation, "COJOCARU Nadia", "1997-05-14");
        JsonNode pair = pairOf(supervisor, two, one);
        String key = UUID.randomUUID().toString();

        for (int attempt = 0; attempt < 2; attempt++) {
            Reply confirmed = supervisor.post("/api/v1/possible-duplicates/"
                                              + pair.path("possibleDuplicateId").asString() + "/confirmation",
                                              Map.of(), Map.of("Idempotency-Key", key));
            assertThat(confirmed.status()).as("attempt %d", attempt).isEqualTo(200);
        }

        for (String journey : List.of(one, two)) {
            assertThat(supervisor.get("/api/v1/journeys/" + journey + "/history").json().path("changes").valueStream()
                                 .filter(change -> change.path("eventType").asString().equals("SamePersonConfirmed")))
                    .as("recorded once on %s", journey).hasSize(1);
        }
        assertThat(supervisor.get("/api/v1/possible-duplicates").json().path("inOrganisation"))
                .as("decided on both, no longer pending").isEmpty();
    }

    private static Map<String, Object> person(String organisationId, String caseManagerId, String fullName,
                                              String dateOfBirth) {
        Map<String, Object> body = new LinkedHashMap<>(intake(organisationId, caseManagerId));
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("fullName", fullName);
        if (dateOfBirth != null) {
            person.put("dateOfBirth", dateOfBirth);
        }
        body.put("person", person);
        return body;
    }

    private static String openAs(Api supervisor, String organisationId, String fullName, String dateOfBirth) {
        Reply opened = supervisor.post("/api/v1/journeys", person(organisationId, "cm-dup-any", fullName,
                                                                  dateOfBirth));
        assertThat(opened.status()).isEqualTo(201);
        return opened.text("journeyId");
    }

    private static JsonNode pairOf(Api supervisor, String journey, String otherJourney) {
        return supervisor.get("/api/v1/possible-duplicates").json().path("inOrganisation").valueStream()
                         .filter(p -> p.path("journeyId").asString().equals(journey)
                                      && p.path("otherJourneyId").asString().equals(otherJourney))
                         .findFirst().orElseThrow();
    }

    /** The journeys the timeline shows as the same person's, once it reached {@code version}. */
    private static List<String> linked(Api reader, String journey, long version) {
        Reply timeline = reader.get("/api/v1/journeys/" + journey + "/timeline?minVersion=" + version);
        assertThat(timeline.status()).isEqualTo(200);
        return timeline.json().path("linkedJourneys").valueStream().map(l -> l.path("journeyId").asString())
                       .toList();
    }
}
