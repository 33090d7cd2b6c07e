package org.homeward.app.caseload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homeward.app.support.SyntheticJourneys.INTAKE;
import static org.homeward.app.support.SyntheticJourneys.intake;
import static org.homeward.app.support.SyntheticJourneys.milestone;
import static org.homeward.app.support.SyntheticJourneys.with;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.homeward.access.Role;
import org.homeward.app.support.Api;
import org.homeward.app.support.Api.Reply;
import org.homeward.app.support.HttpTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A case manager opens their caseload to see which of their open journeys needs them first: flagged journeys,
 * overdue follow-ups, then follow-ups to come, then journeys with nothing scheduled. The story through the HTTP
 * API; what the caseload makes of each event is tested on the read side, given events (query's
 * {@code CaseloadProjectionTest}).
 */
class CaseloadTest extends HttpTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Test
    void listsOpenJourneysMostUrgentFirst() {
        String org = "org-north";
        String cm = "cm-caseload-1";

        Journey lateNone = open(with(intake(org, cm), "intakeDate", INTAKE.plusDays(3).toString()));
        lateNone.post("/assessments", Map.of("assessedOn", INTAKE.plusDays(4).toString(), "assessorId", cm,
                                             "scores", Map.of("economic", 2, "social", 3, "psychosocial", 2)));

        Journey overdueLater = open(intake(org, cm));
        String overdueLaterVisit = overdueLater.scheduleFollowUp(LocalDate.of(2026, 2, 10), "HOME_VISIT");

        Journey overdue = open(intake(org, cm));
        overdue.recordMilestone("SHELTER_ENTERED", INTAKE);
        String riskAssessed = overdue.recordMilestone("RISK_ASSESSMENT_COMPLETED", INTAKE);
        String checkup = overdue.recordMilestone("MEDICAL_CHECKUP_DONE", INTAKE.plusDays(20));
        overdue.post("/milestones/" + checkup + "/retraction", Map.of("reason", "recorded on the wrong journey"));
        String meeting = overdue.scheduleFollowUp(INTAKE.plusDays(8), "OFFICE_MEETING");
        String visit = overdue.scheduleFollowUp(LocalDate.of(2026, 2, 1), "HOME_VISIT");
        overdue.post("/follow-ups/" + meeting + "/completion", Map.of("completedOn", INTAKE.plusDays(8).toString()));

        Journey future = open(intake(org, cm));
        String counselling = future.recordMilestone("COUNSELLING_STARTED", INTAKE.plusDays(5));
        future.recordMilestone("LEGAL_COUNSEL_ASSIGNED", INTAKE.plusDays(10));
        future.post("/milestones/" + counselling + "/corrections",
                    Map.of("type", "COUNSELLING_STARTED", "occurredOn", INTAKE.plusDays(15).toString(),
                           "reason", "date mistyped"));
        String call = future.scheduleFollowUp(INTAKE.plusDays(13), "PHONE_CHECK_IN");
        future.post("/follow-ups/" + call + "/missed", Map.of("reason", "no answer"));
        future.scheduleFollowUp(TODAY.plusDays(60), "SERVICE_REVIEW");
        String nextCall = future.scheduleFollowUp(TODAY.plusDays(30), "PHONE_CHECK_IN");

        Journey earlyNone = open(intake(org, cm));

        Journey closed = open(intake(org, cm));
        closed.scheduleFollowUp(INTAKE.plusDays(3), "HOME_VISIT");
        closed.post("/closure", Map.of("reason", "REINTEGRATED", "closedOn", INTAKE.plusDays(30).toString()));

        Journey transferred = open(intake(org, cm));
        String transferredVisit = transferred.scheduleFollowUp(TODAY.plusDays(10), "HOME_VISIT");
        transferred.post("/transfer", Map.of("organisationId", "org-south", "caseManagerId", "cm-caseload-1b",
                                             "reason", "moved to the south region"));

        JsonNode caseload = caseloadOnceItLists("org-north", "/api/v1/caseloads/" + cm,
                                                overdue, overdueLater, future, earlyNone, lateNone);
        JsonNode otherCaseload = caseloadOnceItLists("org-south", "/api/v1/caseloads/cm-caseload-1b", transferred);

        assertThat(caseload.path("caseManagerId").asString()).isEqualTo(cm);
        assertThat(caseload.path("page").asInt()).isZero();
        assertThat(caseload.path("size").asInt()).isEqualTo(20);
        assertThat(caseload.path("total").asLong()).isEqualTo(5);
        JsonNode entries = caseload.path("entries");

        JsonNode first = entries.get(0);
        assertThat(first.path("journeyId").asString()).isEqualTo(overdue.id);
        assertThat(first.path("organisationId").asString()).isEqualTo(org);
        assertThat(first.path("intakeDate").asString()).isEqualTo(INTAKE.toString());
        // two milestones on the intake day: the one recorded last counts; the retracted later one does not
        assertThat(first.path("phase").asString()).isEqualTo("SAFETY_AND_RISK");
        assertThat(first.path("lastMilestone").path("milestoneId").asString()).isEqualTo(riskAssessed);
        assertThat(first.path("lastMilestone").path("type").asString()).isEqualTo("RISK_ASSESSMENT_COMPLETED");
        assertThat(first.path("lastMilestone").path("occurredOn").asString()).isEqualTo(INTAKE.toString());
        // the earlier follow-up was completed, so the visit is the next one
        assertThat(first.path("nextFollowUp").path("followUpId").asString()).isEqualTo(visit);
        assertThat(first.path("nextFollowUp").path("dueOn").asString()).isEqualTo("2026-02-01");
        assertThat(first.path("nextFollowUp").path("purpose").asString()).isEqualTo("HOME_VISIT");
        assertThat(first.path("overdue").asBoolean()).isTrue();
        assertThat(first.path("version").asLong()).isEqualTo(7);

        JsonNode second = entries.get(1);
        assertThat(second.path("journeyId").asString()).isEqualTo(overdueLater.id);
        assertThat(second.path("phase").isNull()).isTrue();
        assertThat(second.path("lastMilestone").isNull()).isTrue();
        assertThat(second.path("nextFollowUp").path("followUpId").asString()).isEqualTo(overdueLaterVisit);
        assertThat(second.path("nextFollowUp").path("dueOn").asString()).isEqualTo("2026-02-10");
        assertThat(second.path("overdue").asBoolean()).isTrue();
        assertThat(second.path("version").asLong()).isEqualTo(1);

        JsonNode third = entries.get(2);
        assertThat(third.path("journeyId").asString()).isEqualTo(future.id);
        // the correction moved counselling after the legal counsel, so it is now the last milestone
        assertThat(third.path("phase").asString()).isEqualTo("PSYCHOSOCIAL_CARE_AND_COUNSELLING");
        assertThat(third.path("lastMilestone").path("milestoneId").asString()).isEqualTo(counselling);
        assertThat(third.path("lastMilestone").path("type").asString()).isEqualTo("COUNSELLING_STARTED");
        assertThat(third.path("lastMilestone").path("occurredOn").asString())
                .isEqualTo(INTAKE.plusDays(15).toString());
        // the missed call no longer counts; the sooner of the two calls to come does
        assertThat(third.path("nextFollowUp").path("followUpId").asString()).isEqualTo(nextCall);
        assertThat(third.path("nextFollowUp").path("dueOn").asString()).isEqualTo(TODAY.plusDays(30).toString());
        assertThat(third.path("nextFollowUp").path("purpose").asString()).isEqualTo("PHONE_CHECK_IN");
        assertThat(third.path("overdue").asBoolean()).isFalse();
        assertThat(third.path("version").asLong()).isEqualTo(7);

        JsonNode fourth = entries.get(3);
        assertThat(fourth.path("journeyId").asString()).isEqualTo(earlyNone.id);
        assertThat(fourth.path("intakeDate").asString()).isEqualTo(INTAKE.toString());
        assertThat(fourth.path("phase").isNull()).isTrue();
        assertThat(fourth.path("lastMilestone").isNull()).isTrue();
        assertThat(fourth.path("nextFollowUp").isNull()).isTrue();
        assertThat(fourth.path("overdue").asBoolean()).isFalse();
        assertThat(fourth.path("version").asLong()).isZero();

        JsonNode fifth = entries.get(4);
        assertThat(fifth.path("journeyId").asString()).isEqualTo(lateNone.id);
        assertThat(fifth.path("intakeDate").asString()).isEqualTo(INTAKE.plusDays(3).toString());
        assertThat(fifth.path("nextFollowUp").isNull()).isTrue();
        assertThat(fifth.path("overdue").asBoolean()).isFalse();
        // an assessment shows nowhere in the caseload, yet it is a version of the journey
        assertThat(fifth.path("version").asLong()).isEqualTo(1);

        assertThat(otherCaseload.path("total").asLong()).isEqualTo(1);
        JsonNode moved = otherCaseload.path("entries").get(0);
        assertThat(moved.path("organisationId").asString()).isEqualTo("org-south");
        assertThat(moved.path("nextFollowUp").path("followUpId").asString()).isEqualTo(transferredVisit);
        assertThat(moved.path("overdue").asBoolean()).isFalse();
        assertThat(moved.path("version").asLong()).isEqualTo(2);

        List<String> paged = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            Reply reply = supervisor(org).get("/api/v1/caseloads/" + cm + "?page=" + page + "&size=2");
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.json().path("page").asInt()).isEqualTo(page);
            assertThat(reply.json().path("size").asInt()).isEqualTo(2);
            assertThat(reply.json().path("total").asLong()).isEqualTo(5);
            assertThat(reply.json().path("entries")).hasSize(page < 2 ? 2 : 1);
            paged.addAll(journeyIds(reply.json()));
        }
        assertThat(paged).containsExactly(overdue.id, overdueLater.id, future.id, earlyNone.id, lateNone.id);
        Reply beyond = supervisor(org).get("/api/v1/caseloads/" + cm + "?page=3&size=2");
        assertThat(beyond.json().path("entries")).isEmpty();
        assertThat(beyond.json().path("total").asLong()).isEqualTo(5);
    }

    /**
     * A case manager flags a journey: it tops the caseload, its review overdue; the timeline shows the flag with
     * its detail to the case manager and masked to an auditor; resolving it needs a reason, after which the journey
     * takes its usual place again; the person's erasure takes the detail and the reason with it.
     */
    @Test
    void aFlaggedJourneyTopsTheCaseloadUntilItsFlagIsResolved() {
        String org = "org-flags";
        String cm = "cm-flags-1";
        Journey followedUp = open(intake(org, cm));
        followedUp.scheduleFollowUp(INTAKE.plusDays(20), "HOME_VISIT");
        Journey flagged = open(intake(org, cm));
        caseloadOnceItLists(org, "/api/v1/caseloads/" + cm, followedUp, flagged);

        Api caseManager = as(Role.CASE_MANAGER, cm, org);
        String detail = "synthetic: a man asked for her at the shelter gate";
        Reply flag = caseManager.post("/api/v1/journeys/" + flagged.id + "/risk-flags",
                                      Map.of("kind", "TRAFFICKER_CONTACT", "flaggedOn", TODAY.minusDays(10).toString(),
                                             "reviewOn", TODAY.minusDays(2).toString(), "detail", detail));
        assertThat(flag.status()).as(flag.body()).isEqualTo(201);
        String flagId = flag.text("flagId");
        flagged.version = flag.json().path("version").asLong();
        Instant whileOpen = Instant.now();

        JsonNode caseload = caseloadOnceItLists(org, "/api/v1/caseloads/" + cm, flagged, followedUp);
        JsonNode risk = caseload.path("entries").get(0).path("riskFlags");
        assertThat(risk.path("open").asInt()).isEqualTo(1);
        assertThat(risk.path("nextReviewOn").asString()).isEqualTo(TODAY.minusDays(2).toString());
        assertThat(risk.path("overdue").asBoolean()).isTrue();
        assertThat(caseload.path("entries").get(1).path("riskFlags").path("open").asInt()).isZero();

        String timeline = "/api/v1/journeys/" + flagged.id + "/timeline?minVersion=" + flagged.version;
        JsonNode shown = caseManager.get(timeline + "&purpose=CASE_WORK").json().path("riskFlags").get(0);
        assertThat(shown.path("flagId").asString()).isEqualTo(flagId);
        assertThat(shown.path("kind").asString()).isEqualTo("TRAFFICKER_CONTACT");
        assertThat(shown.path("detail").asString()).isEqualTo(detail);
        assertThat(shown.path("open").asBoolean()).isTrue();
        assertThat(shown.path("overdue").asBoolean()).isTrue();
        JsonNode audited = as(Role.AUDITOR, "au-flags", "org-audit").get(timeline + "&purpose=AUDIT").json();
        assertThat(audited.path("riskFlags").get(0).path("detail").asString()).isEqualTo("[masked]");

        Reply noReason = caseManager.post("/api/v1/journeys/" + flagged.id + "/risk-flags/" + flagId + "/resolution",
                                          Map.of("resolvedOn", TODAY.toString()));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.contentType()).startsWith("application/problem+json");
        assertThat(noReason.json().path("errors").get(0).path("field").asString()).isEqualTo("reason");
        pause(20);      // the resolution is recorded after the instant read as known while open
        Reply resolved = caseManager.post("/api/v1/journeys/" + flagged.id + "/risk-flags/" + flagId + "/resolution",
                                          Map.of("resolvedOn", TODAY.toString(),
                                                 "reason", "synthetic: moved to a safe house"));
        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
        flagged.version = resolved.json().path("version").asLong();
        caseloadOnceItLists(org, "/api/v1/caseloads/" + cm, followedUp, flagged);
        JsonNode asKnownWhileOpen = caseManager.get("/api/v1/journeys/" + flagged.id + "/timeline?asOf=" + whileOpen)
                                               .json().path("riskFlags").get(0);
        assertThat(asKnownWhileOpen.path("open").asBoolean()).as("as known before the resolution").isTrue();
        assertThat(asKnownWhileOpen.path("detail").asString()).isEqualTo(detail);
        Reply again = caseManager.post("/api/v1/journeys/" + flagged.id + "/risk-flags/" + flagId + "/resolution",
                                       Map.of("resolvedOn", TODAY.toString(), "reason", "twice"));
        assertThat(again.status()).isEqualTo(409);

        flagged.post("/erasure", Map.of("requestedOn", TODAY.toString()));
        JsonNode erased = caseManager.get("/api/v1/journeys/" + flagged.id + "/timeline?purpose=CASE_WORK&minVersion="
                                          + flagged.version).json().path("riskFlags").get(0);
        assertThat(erased.path("kind").asString()).as("what happened, and when, stays").isEqualTo("TRAFFICKER_CONTACT");
        assertThat(erased.toString()).doesNotContain("shelter gate", "safe house");
    }

    @Test
    void pageOutOfRangeIsABadRequest() {
        for (String paging : List.of("page=-1", "size=0", "size=101", "page=-1&size=101")) {
            Reply reply = api.get("/api/v1/caseloads/cm-caseload-4?" + paging);

            assertThat(reply.status()).as(paging).isEqualTo(400);
            assertThat(reply.contentType()).as(paging).startsWith("application/problem+json");
            assertThat(reply.text("type")).as(paging).isEqualTo("urn:homeward:problem:invalid-request");
        }
        JsonNode both = api.get("/api/v1/caseloads/cm-caseload-4?page=-1&size=101").json();
        List<String> fields = new ArrayList<>();
        both.path("errors").forEach(error -> fields.add(error.path("field").asString()));
        assertThat(fields).containsExactly("page", "size");

        Reply notANumber = api.get("/api/v1/caseloads/cm-caseload-4?page=first");
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.contentType()).startsWith("application/problem+json");
    }

    /** A synthetic journey and the version its last recorded change was answered with. */
    private final class Journey {

        final String id;
        String organisation;
        long version;

        Journey(String id, String organisation) {
            this.id = id;
            this.organisation = organisation;
        }

        String recordMilestone(String type, LocalDate occurredOn) {
            return post("/milestones", milestone(type, occurredOn, null)).text("milestoneId");
        }

        String scheduleFollowUp(LocalDate dueOn, String purpose) {
            return post("/follow-ups", Map.of("dueOn", dueOn.toString(), "purpose", purpose)).text("followUpId");
        }

        Reply post(String path, Object body) {
            Reply reply = supervisor(organisation).post("/api/v1/journeys/" + id + path, body);
            if (reply.status() != 200 && reply.status() != 201) {
                throw new AssertionError("POST " + path + " was refused: " + reply);
            }
            version = reply.json().path("version").asLong();
            if (path.equals("/transfer")) {
                organisation = (String) ((Map<?, ?>) body).get("organisationId");
            }
            return reply;
        }
    }

    private Journey open(Map<String, Object> intake) {
        String organisation = (String) intake.get("organisationId");
        Reply opened = supervisor(organisation).post("/api/v1/journeys", intake);
        if (opened.status() != 201) {
            throw new AssertionError("could not open a journey: " + opened);
        }
        return new Journey(opened.text("journeyId"), organisation);
    }

    /** Supervisors read every caseload of their organisation and record on all its journeys. */
    private Api supervisor(String organisation) {
        return as(Role.SUPERVISOR, "sv-" + organisation, organisation);
    }

    /**
     * Reads the caseload until it lists exactly these journeys, in this order, each at the version its last
     * change was answered with. The caseload has no minVersion, so a writer polls; five seconds at most.
     */
    private JsonNode caseloadOnceItLists(String organisation, String path, Journey... journeys) {
        List<String> expected = Arrays.stream(journeys).map(journey -> journey.id + "@" + journey.version).toList();
        return caseloadOnce(organisation, path, caseload -> {
            List<String> listed = new ArrayList<>();
            caseload.path("entries").forEach(entry -> listed.add(entry.path("journeyId").asString() + "@"
                                                                 + entry.path("version").asLong()));
            return listed.equals(expected);
        });
    }

    private JsonNode caseloadOnce(String organisation, String path, Predicate<JsonNode> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (true) {
            Reply reply = supervisor(organisation).get(path);
            if (reply.status() == 200 && condition.test(reply.json())) {
                return reply.json();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the caseload did not catch up within 5 s; last answer: " + reply);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for the caseload", e);
            }
        }
    }

    private static List<String> journeyIds(JsonNode caseload) {
        List<String> ids = new ArrayList<>();
        caseload.path("entries").forEach(entry -> ids.add(entry.path("journeyId").asString()));
        return ids;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
