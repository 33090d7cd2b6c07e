package org.homeward.app.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.nio.charset.StandardCharsets;
import org.awaitility.Awaitility;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.homeward.access.Role;
import org.homeward.app.support.Api;
import org.homeward.app.support.HomewardProcess;
import org.homeward.app.support.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Upgrading from release e3bbc1f: the database that release made and left (its migrations, its events, its
 * projections, tokens, person keys, hash chain and checkpoints, captured once by {@code deploy/upgrade/capture.sh}
 * from a real run of that release driven through its HTTP API with synthetic journeys) is recreated, and the current
 * code is started on it as an operator would start the new release. It must start the first time, apply its own
 * migrations on top, answer every read model as the release answered (but for the intended differences listed in
 * {@link #INTENDED}), verify the chain the release wrote, answer the same again after every projection is rebuilt
 * from the release's events, and record on a journey the release opened.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UpgradeTest {

    static final String RELEASE = "e3bbc1f";
    private static final JsonMapper json = JsonMapper.builder().build();
    private static final List<String> PROJECTIONS = List.of("timeline", "caseload", "outcomes", "programs", "audit");

    /**
     * What the upgrade is meant to change in an answer, and why. Anything else that differs fails the test. Fields
     * added to an answer since the release are not differences (README "Versioning": compatible changes only).
     */
    static final List<Answers.Intended> INTENDED = List.of(
            Answers.Intended.of("audit-reads",
                                "\\$\\.entries\\[\\d+\\]\\.purpose: release \"monthly review\", now null",
                                "V3001: a read's purpose is a code from a fixed list; free text written before may"
                                + " name a person and is dropped"));

    /** The intended differences met so far: each must be met, or it no longer describes this upgrade. */
    private final Set<Answers.Intended> seen = new HashSet<>();
    private ReleaseDatabase database;
    private HomewardProcess homeward;
    private JsonNode story;

    @BeforeAll
    void startTheCurrentCodeOnTheReleasesDatabase() {
        database = ReleaseDatabase.create(RELEASE);
        story = database.expected("story.json");
        // must start the first time: no repair, no manual step
        homeward = new HomewardProcess(
                database.url,
                "homeward.privacy.master-key-file=" + database.masterKeyFile,
                // the k the release was asked with (capture.sh)
                "homeward.outcomes.suppression-threshold=3",
                // the tail the release left unchained is chained within the test's time
                "homeward.integrity.settle-time=1s",
                "homeward.integrity.keeper-interval=200ms",
                "homeward.integrity.checkpoint-interval=1s");
        awaitCaughtUp();
    }

    @AfterAll
    void stop() {
        if (homeward != null) {
            homeward.close();
        }
    }

    @Test
    @Order(1)
    void theReleasesMigrationsAreUntouchedAndTheNewOnesAppliedOnTop() {
        Map<String, Integer> release = database.releaseChecksums();
        Map<String, Integer> applied = new LinkedHashMap<>();
        Set<String> newVersions = new TreeSet<>();
        for (MigrationInfo migration : homeward.bean(Flyway.class).info().all()) {
            assertThat(migration.getState().isApplied())
                    .as("migration %s is %s", migration.getVersion(), migration.getState()).isTrue();
            assertThat(migration.getState().isFailed()).as("migration %s failed", migration.getVersion()).isFalse();
            applied.put(migration.getVersion().getVersion(), migration.getChecksum());
            if (!release.containsKey(migration.getVersion().getVersion())) {
                newVersions.add(migration.getVersion().getVersion());
            }
        }
        // every migration the release applied is still in the code, byte for byte (Flyway's checksum)
        release.forEach((version, checksum) -> assertThat(applied.get(version))
                .as("V%s must be exactly as release %s shipped it: never edit an applied migration", version,
                    RELEASE)
                .isEqualTo(checksum));
        assertThat(newVersions).as("the migrations since the release, applied on top")
                               .contains("1000", "1004", "1005", "2000", "3000", "3003");
    }

    /**
     * Every event the release stored reads as today's record through the upcasters and writes back as the same
     * JSON as the upcasters made of it: no field was added, removed, renamed or retyped without an upcaster. When
     * this fails, the event's shape changed: add a SingleEventUpcaster for the old shape (docs/upgrades.md) rather
     * than editing stored events. The upcasters that did change something are listed, and must still do so.
     */
    @Test
    @Order(2)
    void everyEventTheReleaseStoredReadsAsTodaysRecordUnchanged() {
        Serializer events = homeward.bean("eventSerializer", Serializer.class);
        EventUpcaster upcasters = homeward.bean(org.axonframework.config.Configuration.class).upcasterChain();
        List<String> changed = new ArrayList<>();
        Set<String> upcast = new TreeSet<>();
        int[] read = {0};
        homeward.jdbc().query(
                "select global_index, event_identifier, aggregate_identifier, sequence_number, type, time_stamp,"
                + " payload_type, payload_revision, payload, meta_data from domain_event_entry"
                + " where global_index <= ? order by global_index",
                rs -> {
                    GenericDomainEventEntry<byte[]> stored = new GenericDomainEventEntry<>(
                            rs.getString("type"), rs.getString("aggregate_identifier"), rs.getLong("sequence_number"),
                            rs.getString("event_identifier"), rs.getString("time_stamp"),
                            rs.getString("payload_type"), rs.getString("payload_revision"), rs.getBytes("payload"),
                            rs.getBytes("meta_data"));
                    IntermediateEventRepresentation current = upcasters
                            .upcast(Stream.of(new InitialEventRepresentation(stored, events)))
                            .findFirst().orElseThrow();
                    SerializedObject<byte[]> now = new SimpleSerializedObject<>(
                            current.getData(byte[].class).getData(), byte[].class, current.getType());
                    if (!now.getType().equals(stored.getPayload().getType())) {
                        upcast.add(now.getType().getName() + " revision " + stored.getPayload().getType().getRevision()
                                   + " -> " + now.getType().getRevision());
                    }
                    SerializedObject<byte[]> again = events.serialize(events.deserialize(now), byte[].class);
                    if (!again.getType().equals(now.getType())
                        || !json.readTree(again.getData()).equals(json.readTree(now.getData()))) {
                        changed.add(rs.getLong("global_index") + " " + now.getType().getName() + ": stored "
                                    + new String(now.getData(), StandardCharsets.UTF_8) + ", now "
                                    + new String(again.getData(), StandardCharsets.UTF_8));
                    }
                    read[0]++;
                },
                database.expected("verify.json").path("trailing").path("newestPosition").asLong());
        assertThat(read[0]).as("the release's events").isEqualTo(database.releaseEvents());
        assertThat(changed).as("events whose shape changed since release %s: each needs an upcaster", RELEASE)
                           .isEmpty();
        assertThat(upcast).as("the upcasters the release's events went through").containsExactly(
                "org.homeward.journey.ConsentGiven revision null -> 2");
    }

    @Test
    @Order(3)
    void theAuditOfReadsAndRefusalsAnswersAsTheReleaseDid() {
        // first, before this test's own reads add to the audit of reads
        Api auditor = as(Role.AUDITOR, "au-001", "org-north");
        assertSameAnswers(List.of(
                answer("audit-reads.json", auditor, "/api/v1/audit/reads?size=500"),
                answer("audit-denials.json", auditor, "/api/v1/audit/denials?size=500")));
    }

    @Test
    @Order(4)
    void everyProjectionAnswersAsTheReleaseDid() {
        assertSameAnswers(projectionAnswers());
    }

    @Test
    @Order(5)
    void theChainTheReleaseWroteVerifiesAndIsExtended() {
        Api auditor = as(Role.AUDITOR, "au-001", "org-north");
        JsonNode release = database.expected("verify.json");
        long newest = homeward.jdbc().queryForObject("select max(global_index) from domain_event_entry", Long.class);
        // the release left events unchained (settle time); the new keeper chains them and signs a checkpoint
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonNode now = verify(auditor).json();
            return now.path("verifiedUpTo").asLong() == newest && now.path("signedUpTo").asLong() == newest;
        });
        Api.Reply verified = auditor.post("/api/v1/audit/verify",
                                          Map.of("position", release.path("verifiedUpTo").asLong(),
                                                 "hash", release.path("verifiedHash").asString()));
        assertThat(verified.status()).isEqualTo(200);
        JsonNode now = verified.json();
        assertThat(now.path("intact").asBoolean()).as("%s", now).isTrue();
        assertThat(now.path("verifiedUpTo").asLong()).isEqualTo(newest);
        // the head the release computed is the one this code recomputes from the same events
        assertThat(now.path("externalCopy").asString()).as("%s", now).isEqualTo("matches");
        assertThat(release.path("trailing").path("unchainedEvents").asLong())
                .as("the release left a tail unchained, which this code chained").isPositive();
    }

    @Test
    @Order(6)
    void everyProjectionRebuiltFromTheReleasesEventsAnswersTheSame() {
        Api admin = as(Role.ADMINISTRATOR, "admin-north", "org-north");
        for (String projection : PROJECTIONS) {
            Api.Reply rebuild = admin.post("/api/v1/admin/projections/" + projection + "/rebuild", Map.of());
            assertThat(rebuild.status()).as("rebuild %s: %s", projection, rebuild.body()).isBetween(200, 299);
            awaitCaughtUp();
        }
        assertSameAnswers(projectionAnswers());
    }

    @Test
    @Order(7)
    void newWritesWorkOnJourneysTheReleaseOpened() {
        Api supervisor = as(Role.SUPERVISOR, "sv-north", "org-north");
        String everything = story.path("journeys").path("everything").asString();
        String corrected = story.path("milestones").path("corrected").asString();
        long version = supervisor.get("/api/v1/journeys/" + everything + "/timeline").json().path("version").asLong();

        Api.Reply milestone = supervisor.post("/api/v1/journeys/" + everything + "/milestones",
                                              Map.of("type", "HOUSING_SECURED", "occurredOn", "2025-03-01",
                                                     "note", "a flat of her own"),
                                              Map.of("If-Match", "\"" + version + "\""));
        assertThat(milestone.status()).as("%s", milestone).isEqualTo(201);
        Api.Reply correction = supervisor.post(
                "/api/v1/journeys/" + everything + "/milestones/" + corrected + "/corrections",
                Map.of("type", "SHELTER_ENTERED", "occurredOn", "2024-03-05", "reason", "checked the intake form"));
        assertThat(correction.status()).as("%s", correction).isEqualTo(200);
        Api.Reply followUp = supervisor.post("/api/v1/journeys/" + everything + "/follow-ups",
                                             Map.of("dueOn", "2025-05-01", "purpose", "HOME_VISIT"));
        assertThat(followUp.status()).as("%s", followUp).isEqualTo(201);
        long last = followUp.json().path("version").asLong();
        assertThat(last).isEqualTo(version + 3);

        JsonNode timeline = supervisor.get("/api/v1/journeys/" + everything + "/timeline?minVersion=" + last).json();
        assertThat(timeline.path("version").asLong()).isEqualTo(last);
        // the person's data, sealed by the release under its master key, still opens
        assertThat(timeline.path("person").path("fullName").asString()).isEqualTo("Alpha Sample");
        JsonNode shelter = timeline.path("milestones").valueStream()
                                   .filter(m -> m.path("milestoneId").asString().equals(corrected))
                                   .findFirst().orElseThrow();
        assertThat(shelter.path("occurredOn").asString()).isEqualTo("2024-03-05");
        assertThat(shelter.path("revisions").size()).isEqualTo(3);
        assertThat(shelter.path("note").isNull()).as("a correction without a note clears it").isTrue();

        // a journey the release erased stays erased
        String erased = story.path("journeys").path("erased").asString();
        JsonNode forgotten = supervisor.get("/api/v1/journeys/" + erased + "/timeline").json();
        assertThat(forgotten.path("personalDataErased").asBoolean()).isTrue();

        // and a new journey beside the release's
        Api.Reply opened = supervisor.post("/api/v1/journeys", Map.of(
                "organisationId", "org-north", "caseManagerId", "cm-017", "intakeDate", "2025-06-01",
                "profile", Map.of("ageBand", "FROM_18_TO_24", "gender", "FEMALE", "nationality", "MD",
                                  "formOfExploitation", "SEXUAL"),
                "person", Map.of("fullName", "November Newcomer")));
        assertThat(opened.status()).as("%s", opened).isEqualTo(201);

        // the chain covers the new events after the release's, intact
        long newest = homeward.jdbc().queryForObject("select max(global_index) from domain_event_entry", Long.class);
        Api auditor = as(Role.AUDITOR, "au-001", "org-north");
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(
                () -> verify(auditor).json().path("verifiedUpTo").asLong() == newest);
        assertThat(verify(auditor).json().path("intact").asBoolean()).isTrue();
    }

    @Test
    @Order(8)
    void everyIntendedDifferenceWasMet() {
        assertThat(seen).as("intended differences that no answer showed: remove them from INTENDED")
                        .containsExactlyInAnyOrderElementsOf(INTENDED);
    }

    private record Answer(String name, JsonNode release, Api api, String path) {
    }

    private Answer answer(String name, Api api, String path) {
        return new Answer(name.replace(".json", ""), database.expected(name), api, path);
    }

    /** The release's answers of its read models, with the same question to ask this code. */
    private List<Answer> projectionAnswers() {
        Api north = as(Role.SUPERVISOR, "sv-north", "org-north");
        Api south = as(Role.SUPERVISOR, "sv-south", "org-south");
        Api evaluator = as(Role.EVALUATOR, "ev-001", "org-north");
        Api auditor = as(Role.AUDITOR, "au-001", "org-north");
        JsonNode journeys = story.path("journeys");
        String transferred = journeys.path("transferred").asString();
        List<String> ids = new ArrayList<>();
        journeys.path("cohort").valueStream().forEach(id -> ids.add(id.asString()));
        for (String kind : List.of("everything", "transferred", "closed", "erased")) {
            ids.add(journeys.path(kind).asString());
        }
        List<Answer> answers = new ArrayList<>();
        for (String id : ids) {
            Api reader = id.equals(transferred) ? south : north;
            answers.add(answer("timeline-" + id + ".json", reader,
                               "/api/v1/journeys/" + id + "/timeline?purpose=AUDIT"));
            answers.add(answer("history-" + id + ".json", reader, "/api/v1/journeys/" + id + "/history"));
        }
        String everything = journeys.path("everything").asString();
        answers.add(answer("timeline-asof-" + everything + ".json", north,
                           "/api/v1/journeys/" + everything + "/timeline?asOf=" + story.path("asOf").asString()));
        answers.add(answer("caseload-org-north-cm-017.json", north, "/api/v1/caseloads/cm-017?size=100"));
        answers.add(answer("caseload-org-north-cm-020.json", north, "/api/v1/caseloads/cm-020?size=100"));
        answers.add(answer("caseload-org-south-cm-101.json", south, "/api/v1/caseloads/cm-101?size=100"));
        answers.add(answer("programs-org-north.json", north, "/api/v1/programs?organisationId=org-north"));
        answers.add(answer("programs-org-north-retired.json", north,
                           "/api/v1/programs?organisationId=org-north&includeRetired=true"));
        JsonNode programs = story.path("programs");
        answers.add(answer("outcomes-year.json", evaluator, "/api/v1/outcomes?cohort=year"));
        answers.add(answer("outcomes-quarter-gender.json", evaluator,
                           "/api/v1/outcomes?cohort=quarter&groupBy=gender"));
        answers.add(answer("outcomes-bakery.json", evaluator, "/api/v1/outcomes?program="
                           + programs.path("bakery").asString() + "&from=2024-01-01&to=2024-12-31"));
        answers.add(answer("outcomes-sewing.json", evaluator,
                           "/api/v1/outcomes?program=" + programs.path("sewing").asString()));
        answers.add(answer("audit-events.json", auditor, "/api/v1/audit/events?order=oldest&size=500"));
        return answers;
    }

    private void assertSameAnswers(List<Answer> answers) {
        List<String> unintended = new ArrayList<>();
        for (Answer answer : answers) {
            Api.Reply reply = answer.api().get(answer.path());
            if (reply.status() != 200) {
                unintended.add(answer.name() + ": " + answer.path() + " answered " + reply.status() + " "
                               + reply.body());
                continue;
            }
            unintended.addAll(Answers.unintended(answer.name(), answer.release(), reply.json(), INTENDED, seen));
        }
        assertThat(unintended).as("answers that differ from release %s's, unintended", RELEASE).isEmpty();
    }

    /** Verifies the whole chain, with no outside copy. */
    private static Api.Reply verify(Api auditor) {
        return auditor.exchange("POST", "/api/v1/audit/verify", Map.of(), null);
    }

    private Api as(Role role, String userId, String organisationId) {
        return TestUsers.as(homeward.port(), role, userId, organisationId);
    }

    private void awaitCaughtUp() {
        Api admin = as(Role.ADMINISTRATOR, "admin-north", "org-north");
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                  .until(() -> admin.get("/api/v1/admin/projections").json().valueStream()
                                    .filter(p -> PROJECTIONS.contains(p.path("projection").asString()))
                                    .allMatch(p -> !p.path("rebuilding").asBoolean()
                                                   && p.path("behind").asLong() == 0));
    }
}
