package org.homeward.app.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homeward.app.support.SyntheticJourneys.intake;
import static org.homeward.app.support.SyntheticJourneys.with;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.homeward.access.Role;
import org.homeward.app.support.Api;
import org.homeward.app.support.Api.Reply;
import org.homeward.app.support.HttpTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Referrals through the HTTP API, as each side lives them: the referring case manager, the partner's staff, a
 * supervisor overriding a missing consent, and everyone else, who must learn nothing. The rules themselves are
 * the journey's fixture tests ({@code JourneyTest}).
 */
class ReferralsTest extends HttpTest {

    private static final String HOME = "org-shelter";
    private static final String PARTNER = "org-clinic";
    private static final String OTHER = "org-elsewhere";
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final String NOTE = "synthetic note for the clinic";
    private static final String CASE_NOTE = "synthetic case note the clinic must never read";
    private static final JsonMapper JSON = new JsonMapper();

    private Api caseManager;
    private Api partnerStaff;

    @BeforeEach
    void signIn() {
        caseManager = as(Role.CASE_MANAGER, "cm-shelter", HOME);
        partnerStaff = as(Role.CASE_MANAGER, "cm-clinic", PARTNER);
    }

    @Test
    void aReferralFromRequestToCompletedOutcomeSharingExactlyWhatTheConsentCovers() {
        String journey = openWithPerson();
        String path = "/api/v1/journeys/" + journey;
        ok(caseManager.post(path + "/milestones", Map.of("type", "SHELTER_ENTERED", "occurredOn", TODAY.toString(),
                                                         "note", CASE_NOTE)));
        ok(caseManager.post(path + "/consents", Map.of("purpose", "SHARING_WITH_PARTNER",
                                                       "partnerOrganisationId", PARTNER, "decidedOn",
                                                       TODAY.toString(), "sharedDetails", List.of("FULL_NAME",
                                                                                                  "PHONE"))));
        Reply made = caseManager.post(path + "/referrals", referral(PARTNER, "LEGAL_AID"));
        assertThat(made.status()).isEqualTo(201);
        String referralId = made.text("referralId");

        JsonNode seen = partnerSees(referralId, r -> r.path("state").asString().equals("REQUESTED"));
        assertThat(seen.path("referringOrganisationId").asString()).isEqualTo(HOME);
        assertThat(seen.path("service").asString()).isEqualTo("LEGAL_AID");
        assertThat(seen.path("madeOn").asString()).isEqualTo(TODAY.toString());
        assertThat(seen.path("dueOn").asString()).isEqualTo(TODAY.plusDays(14).toString());
        assertThat(seen.path("note").asString()).isEqualTo(NOTE);
        assertThat(seen.path("consentOverride").asBoolean()).isFalse();
        // legal aid needs nationality and the form of exploitation, nothing else of the profile
        assertThat(seen.path("profile").path("nationality").asString()).isEqualTo("MD");
        assertThat(seen.path("profile").path("formOfExploitation").asString()).isEqualTo("SEXUAL");
        assertThat(seen.path("profile").path("ageBand").isNull()).isTrue();
        assertThat(seen.path("profile").path("gender").isNull()).isTrue();
        // the consent names the name and the phone: not the email, and never the date of birth
        assertThat(seen.path("contact").path("fullName").asString()).isEqualTo("Synthetic Partner Person");
        assertThat(seen.path("contact").path("phone").asString()).isEqualTo("+373 555 0199");
        assertThat(seen.path("contact").path("email").isNull()).isTrue();
        String shown = partnerStaff.get("/api/v1/referrals").body();
        assertThat(shown).contains(referralId)
                         .doesNotContain(journey, CASE_NOTE, "synthetic@example.org", "1999-04-03", "enc:v1:");
        // the partner still cannot read the journey itself
        assertThat(partnerStaff.get(path + "/timeline").status()).isEqualTo(404);

        String step = "/api/v1/referrals/" + referralId;
        Reply accepted = partnerStaff.post(step + "/acceptance", Map.of("acceptedOn", TODAY.toString()));
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.json().path("state").asString()).isEqualTo("ACCEPTED");
        assertThat(accepted.body()).doesNotContain(journey);
        assertThat(accepted.eTag()).isNull();
        ok(as(Role.SUPERVISOR, "sv-clinic", PARTNER).post(step + "/start", Map.of("startedOn", TODAY.toString())));
        ok(partnerStaff.post(step + "/completion", Map.of("completedOn", TODAY.toString(),
                                                          "outcome", "SERVICE_PROVIDED")));
        // a step out of order is refused, naming the state
        Reply again = partnerStaff.post(step + "/acceptance", Map.of("acceptedOn", TODAY.toString()));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("detail").asString()).contains("is COMPLETED");

        JsonNode done = partnerSees(referralId, r -> r.path("state").asString().equals("COMPLETED"));
        assertThat(done.path("acceptedOn").asString()).isEqualTo(TODAY.toString());
        assertThat(done.path("startedOn").asString()).isEqualTo(TODAY.toString());
        assertThat(done.path("endedBecause").asString()).isEqualTo("SERVICE_PROVIDED");
        // the referral ended: the contact details go with it
        assertThat(done.path("contact").isNull()).isTrue();

        JsonNode onTimeline = timeline(journey).path("referrals").get(0);
        assertThat(onTimeline.path("referralId").asString()).isEqualTo(referralId);
        assertThat(onTimeline.path("partnerOrganisationId").asString()).isEqualTo(PARTNER);
        assertThat(onTimeline.path("note").asString()).isEqualTo(NOTE);
        assertThat(onTimeline.path("state").asString()).isEqualTo("COMPLETED");
        assertThat(onTimeline.path("endedBecause").asString()).isEqualTo("SERVICE_PROVIDED");
        JsonNode consent = timeline(journey).path("consents").valueStream()
                .filter(c -> c.path("purpose").asString().equals("SHARING_WITH_PARTNER")).findFirst().orElseThrow();
        assertThat(consent.path("sharedDetails").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("FULL_NAME", "PHONE");

        // each read by the partner is in the read audit, as a timeline read is
        JsonNode reads = as(Role.AUDITOR, "au-test", HOME).get("/api/v1/audit/reads?journeyId=" + journey).json();
        assertThat(reads.path("entries").valueStream()
                        .filter(r -> r.path("what").asString().equals("referral " + referralId))
                        .filter(r -> r.path("actorOrganisationId").asString().equals(PARTNER)))
                .isNotEmpty();
    }

    @Test
    void withdrawingTheConsentRevokesThePartnersOpenReferralsAtOnce() {
        String journey = openWithPerson();
        String path = "/api/v1/journeys/" + journey;
        ok(caseManager.post(path + "/consents", Map.of("purpose", "SHARING_WITH_PARTNER",
                                                       "partnerOrganisationId", PARTNER, "decidedOn",
                                                       TODAY.toString(), "sharedDetails", List.of("PHONE"))));
        String open = caseManager.post(path + "/referrals", referral(PARTNER, "MEDICAL_CARE")).text("referralId");
        String accepted = caseManager.post(path + "/referrals", referral(PARTNER, "EDUCATION")).text("referralId");
        partnerSees(accepted, r -> true);
        ok(partnerStaff.post("/api/v1/referrals/" + accepted + "/acceptance", Map.of("acceptedOn", TODAY.toString())));
        assertThat(partnerSees(accepted, r -> r.path("state").asString().equals("ACCEPTED"))
                           .path("contact").path("phone").asString()).isEqualTo("+373 555 0199");

        Reply withdrawn = caseManager.post(path + "/consent-withdrawals", Map.of(
                "purpose", "SHARING_WITH_PARTNER", "partnerOrganisationId", PARTNER, "decidedOn", TODAY.toString()));
        assertThat(withdrawn.status()).isEqualTo(200);
        // one command: after the acceptance (4), the withdrawal (5) and its two revocations (6, 7)
        assertThat(withdrawn.json().path("version").asLong()).isEqualTo(7);

        for (String referralId : List.of(open, accepted)) {
            JsonNode revoked = partnerSees(referralId, r -> r.path("state").asString().equals("REVOKED"));
            assertThat(revoked.path("endedBecause").asString()).isEqualTo("CONSENT_WITHDRAWN");
            assertThat(revoked.path("contact").isNull()).isTrue();
            assertThat(partnerStaff.post("/api/v1/referrals/" + referralId + "/start",
                                         Map.of("startedOn", TODAY.toString())).status()).isEqualTo(409);
        }
        // and without the consent, a case manager cannot refer to that partner again
        Reply refused = caseManager.post(path + "/referrals", referral(PARTNER, "LEGAL_AID"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("detail").asString()).contains("consent to share with " + PARTNER);
    }

    @Test
    void aSupervisorOverridesAMissingConsentWithAReasonTheAuditShows() {
        String journey = openWithPerson();
        String path = "/api/v1/journeys/" + journey;
        Map<String, Object> override = new LinkedHashMap<>(referral(PARTNER, "MEDICAL_CARE"));
        override.put("consentOverride", Map.of("reason", "MEDICAL_EMERGENCY", "note", "synthetic override note"));

        assertThat(caseManager.post(path + "/referrals", referral(PARTNER, "MEDICAL_CARE")).status()).isEqualTo(409);
        assertThat(caseManager.post(path + "/referrals", override).status()).isEqualTo(403);
        Api supervisor = as(Role.SUPERVISOR, "sv-shelter", HOME);
        Reply made = supervisor.post(path + "/referrals", override);
        assertThat(made.status()).isEqualTo(201);
        String referralId = made.text("referralId");

        JsonNode seen = partnerSees(referralId, r -> true);
        assertThat(seen.path("consentOverride").asBoolean()).isTrue();
        // no consent names a contact detail: the partner gets none
        assertThat(seen.path("contact").isNull()).isTrue();

        Api auditor = as(Role.AUDITOR, "au-test", HOME);
        JsonNode entry = auditor.get("/api/v1/audit/events?journeyId=" + journey).json().path("entries")
                                .valueStream().filter(e -> e.path("eventType").asString().equals("ReferralMade"))
                                .findFirst().orElseThrow();
        assertThat(entry.path("actorId").asString()).isEqualTo("sv-shelter");
        assertThat(entry.path("actorRole").asString()).isEqualTo("SUPERVISOR");
        JsonNode audited = auditor.get(path + "/timeline").json().path("referrals").get(0);
        assertThat(audited.path("overrideReason").asString()).isEqualTo("MEDICAL_EMERGENCY");
        assertThat(audited.path("overrideNote").asString()).isEqualTo("[masked]");
    }

    /** Every role of every organisation, on one referral: only the partner's case managers and supervisors. */
    @Test
    void onlyThePartnersCaseManagersAndSupervisorsSeeOrAnswerAReferral() {
        String journey = openWithPerson();
        ok(caseManager.post("/api/v1/journeys/" + journey + "/consents", Map.of(
                "purpose", "SHARING_WITH_PARTNER", "partnerOrganisationId", PARTNER, "decidedOn", TODAY.toString(),
                "sharedDetails", List.of("FULL_NAME"))));
        String referralId = caseManager.post("/api/v1/journeys/" + journey + "/referrals",
                                             referral(PARTNER, "LEGAL_AID")).text("referralId");
        partnerSees(referralId, r -> true);

        for (String organisation : List.of(HOME, PARTNER, OTHER)) {
            for (Role role : Role.values()) {
                Api someone = as(role, "someone-" + role.name().toLowerCase(), organisation);
                boolean partner = organisation.equals(PARTNER)
                                  && (role == Role.CASE_MANAGER || role == Role.SUPERVISOR);
                boolean staff = role == Role.CASE_MANAGER || role == Role.SUPERVISOR;
                int expected = partner ? 200 : staff ? 404 : 403;
                String who = role + " of " + organisation;
                Reply read = someone.get("/api/v1/referrals/" + referralId);
                assertThat(read.status()).as(who).isEqualTo(expected);
                Reply list = someone.get("/api/v1/referrals");
                assertThat(list.status()).as(who).isEqualTo(staff ? 200 : 403);
                if (staff && !partner) {
                    assertThat(list.body()).as(who).doesNotContain(referralId);
                }
                if (!partner) {
                    assertThat(read.body()).as(who).doesNotContain("Synthetic Partner Person", NOTE);
                    Reply step = someone.post("/api/v1/referrals/" + referralId + "/decline",
                                              Map.of("declinedOn", TODAY.toString(), "reason", "NO_CAPACITY"));
                    assertThat(step.status()).as(who).isEqualTo(staff ? 404 : 403);
                }
            }
        }
        assertThat(partnerSees(referralId, r -> true).path("state").asString()).isEqualTo("REQUESTED");
    }

    @Test
    void thePartnerOpensAJourneyFromTheReferralKeepingWhereItCameFrom() {
        String journey = openWithPerson();
        ok(caseManager.post("/api/v1/journeys/" + journey + "/consents", Map.of(
                "purpose", "SHARING_WITH_PARTNER", "partnerOrganisationId", PARTNER, "decidedOn", TODAY.toString())));
        String referralId = caseManager.post("/api/v1/journeys/" + journey + "/referrals",
                                             referral(PARTNER, "PSYCHOSOCIAL_CARE_AND_COUNSELLING")).text("referralId");
        ok(partnerStaff.post("/api/v1/referrals/" + referralId + "/acceptance",
                             Map.of("acceptedOn", TODAY.toString())));

        Map<String, Object> intake = new LinkedHashMap<>(intake(PARTNER, "cm-clinic"));
        intake.put("referredIn", Map.of("receivedOn", TODAY.toString(), "source", "HOMEWARD_REFERRAL",
                                        "referralId", referralId));
        // a referral made to another organisation cannot open a journey here
        Reply elsewhere = as(Role.CASE_MANAGER, "cm-elsewhere", OTHER).post(
                "/api/v1/journeys", with(intake(OTHER, "cm-elsewhere"), "referredIn", intake.get("referredIn")));
        assertThat(elsewhere.status()).isEqualTo(400);
        assertThat(elsewhere.body()).contains("referralId");
        Reply opened = partnerStaff.post("/api/v1/journeys", intake);
        assertThat(opened.status()).isEqualTo(201);
        // opened and received in one command: the answer's version is the second event's
        assertThat(opened.json().path("version").asLong()).isEqualTo(1);
        assertThat(opened.eTag()).isEqualTo("\"1\"");
        String own = opened.text("journeyId");
        // later a phone call from a hotline refers the same person for something else
        ok(partnerStaff.post("/api/v1/journeys/" + own + "/referrals-received", Map.of(
                "receivedOn", TODAY.toString(), "source", "PHONE_CALL", "fromOrganisationId", "org-hotline")));

        awaitCaughtUp("timeline");
        JsonNode received = partnerStaff.get("/api/v1/journeys/" + own + "/timeline").json().path("referralsReceived");
        assertThat(received).hasSize(2);
        assertThat(received.get(0).path("source").asString()).isEqualTo("HOMEWARD_REFERRAL");
        assertThat(received.get(0).path("referralId").asString()).isEqualTo(referralId);
        assertThat(received.get(0).path("fromOrganisationId").asString()).isEqualTo(HOME);
        assertThat(received.get(1).path("source").asString()).isEqualTo("PHONE_CALL");
        assertThat(received.get(1).path("fromOrganisationId").asString()).isEqualTo("org-hotline");
        // the new journey is the partner's own: the referring journey stays out of its reach, and the other way
        assertThat(partnerStaff.get("/api/v1/journeys/" + journey + "/timeline").status()).isEqualTo(404);
        assertThat(caseManager.get("/api/v1/journeys/" + own + "/timeline").status()).isEqualTo(404);
    }

    /**
     * Case managers refer while the person withdraws and gives again the consent to share, and the partner accepts
     * what it is sent, all at once. Read back in the journey's own order, no referral was ever made while the
     * consent was not in force, every withdrawal is followed at once by the revocation of each open referral, and
     * every acknowledged referral is there exactly once.
     */
    @Test
    void referringWhileTheConsentComesAndGoesNeverLeavesAReferralOpenWithoutIt() throws Exception {
        String journey = openWithPerson();
        String path = "/api/v1/journeys/" + journey;
        Map<String, Object> sharing = Map.of("purpose", "SHARING_WITH_PARTNER", "partnerOrganisationId", PARTNER,
                                             "decidedOn", TODAY.toString());
        ok(caseManager.post(path + "/consents", sharing));
        BlockingQueue<String> made = new LinkedBlockingQueue<>();
        AtomicInteger acknowledged = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(6);
        List<Future<?>> work = new ArrayList<>();
        for (int writer = 0; writer < 4; writer++) {
            work.add(threads.submit(() -> {
                for (int i = 0; i < 8; i++) {
                    Reply reply = caseManager.post(path + "/referrals", referral(PARTNER, "LEGAL_AID"));
                    assertThat(reply.status()).as(reply.body()).isIn(201, 409);
                    if (reply.status() == 201) {
                        acknowledged.incrementAndGet();
                        made.add(reply.text("referralId"));
                    }
                }
                return null;
            }));
        }
        work.add(threads.submit(() -> {
            for (int i = 0; i < 4; i++) {
                ok(caseManager.post(path + "/consent-withdrawals", sharing));
                ok(caseManager.post(path + "/consents", sharing));
            }
            return null;
        }));
        work.add(threads.submit(() -> {
            for (int i = 0; i < 16; i++) {
                String referralId = made.poll(5, TimeUnit.SECONDS);
                if (referralId != null) {
                    Reply reply = partnerStaff.post("/api/v1/referrals/" + referralId + "/acceptance",
                                                    Map.of("acceptedOn", TODAY.toString()));
                    // 404 while the directory has not got it yet is not possible: it is kept in the same transaction
                    assertThat(reply.status()).as(reply.body()).isIn(200, 409);
                }
            }
            return null;
        }));
        for (Future<?> each : work) {
            each.get(120, TimeUnit.SECONDS);
        }
        threads.shutdown();
        ok(caseManager.post(path + "/consent-withdrawals", sharing));

        Map<String, String> state = new LinkedHashMap<>();
        boolean consented = false;
        List<Map.Entry<String, JsonNode>> events = jdbc.query(
                "select payload_type, convert_from(payload, 'UTF8') from domain_event_entry"
                + " where aggregate_identifier = ? order by sequence_number",
                (rs, row) -> Map.entry(rs.getString(1).replace("org.homeward.journey.", ""),
                                       JSON.readTree(rs.getString(2))),
                journey);
        for (int i = 0; i < events.size(); i++) {
            String type = events.get(i).getKey();
            JsonNode event = events.get(i).getValue();
            String referralId = event.path("referralId").asString();
            switch (type) {
                case "ConsentGiven" -> consented = true;
                case "ConsentWithdrawn" -> {
                    consented = false;
                    long open = state.values().stream().filter(s -> s.equals("REQUESTED") || s.equals("ACCEPTED"))
                                     .count();
                    for (int j = 1; j <= open; j++) {
                        assertThat(events.get(i + j).getKey()).as("event %d after a withdrawal", i + j)
                                                              .isEqualTo("ReferralRevoked");
                    }
                }
                case "ReferralMade" -> {
                    assertThat(consented).as("referral %s made under consent", referralId).isTrue();
                    assertThat(state.put(referralId, "REQUESTED")).isNull();
                }
                case "ReferralAccepted" -> assertThat(state.put(referralId, "ACCEPTED")).isEqualTo("REQUESTED");
                case "ReferralRevoked" -> assertThat(state.put(referralId, "REVOKED")).isIn("REQUESTED", "ACCEPTED");
                default -> assertThat(type).isIn("JourneyOpened");
            }
        }
        assertThat(state).as("every acknowledged referral, once").hasSize(acknowledged.get());
        assertThat(state.values()).as("none left open without the consent").containsOnly("REVOKED");
        assertThat(events.stream().filter(e -> e.getKey().equals("ConsentWithdrawn"))).hasSize(5);
    }

    /**
     * Who referred is a fact of the referral: a transfer of the journey afterwards changes neither the partner's
     * view nor the ReferralReceived kept on the partner's own journey, and never tells the partner where the
     * person's journey went (found by an attack: both named the journey's new organisation).
     */
    @Test
    void aTransferAfterwardsNeverTellsThePartnerWhereTheJourneyWent() {
        String journey = openWithPerson();
        String path = "/api/v1/journeys/" + journey;
        ok(caseManager.post(path + "/consents", Map.of("purpose", "SHARING_WITH_PARTNER", "partnerOrganisationId",
                                                       PARTNER, "decidedOn", TODAY.toString())));
        String referralId = caseManager.post(path + "/referrals", referral(PARTNER, "MEDICAL_CARE")).text("referralId");
        ok(partnerStaff.post("/api/v1/referrals/" + referralId + "/acceptance",
                             Map.of("acceptedOn", TODAY.toString())));
        ok(as(Role.SUPERVISOR, "sv-shelter", HOME).post(path + "/transfer", Map.of(
                "organisationId", "org-safehouse", "caseManagerId", "cm-safehouse", "reason", "moved for safety")));
        awaitCaughtUp("timeline");

        assertThat(partnerSees(referralId, r -> true).path("referringOrganisationId").asString()).isEqualTo(HOME);
        assertThat(partnerStaff.get("/api/v1/referrals").body()).doesNotContain("org-safehouse");
        Map<String, Object> intake = with(intake(PARTNER, "cm-clinic"), "referredIn", Map.of(
                "receivedOn", TODAY.toString(), "source", "HOMEWARD_REFERRAL", "referralId", referralId));
        Reply opened = partnerStaff.post("/api/v1/journeys", intake);
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        awaitCaughtUp("timeline");
        JsonNode received = partnerStaff.get("/api/v1/journeys/" + opened.text("journeyId") + "/timeline").json()
                                        .path("referralsReceived").get(0);
        assertThat(received.path("fromOrganisationId").asString()).isEqualTo(HOME);
        // and one referral opens one journey
        Reply again = partnerStaff.post("/api/v1/journeys", intake);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.body()).contains("referralId", "received by a journey already");
    }

    /**
     * Only a referral the partner took on opens a journey there: not one still waiting for its answer, and not one
     * revoked by the person's withdrawal of consent (found by an attack: a revoked one opened a journey, recording
     * for ever that the referring organisation sent this person).
     */
    @Test
    void aReferralNotTakenOnOrRevokedOpensNothingAtThePartner() {
        String path = "/api/v1/journeys/" + openWithPerson();
        Map<String, Object> sharing = Map.of("purpose", "SHARING_WITH_PARTNER", "partnerOrganisationId", PARTNER,
                                             "decidedOn", TODAY.toString());
        ok(caseManager.post(path + "/consents", sharing));
        String referralId = caseManager.post(path + "/referrals", referral(PARTNER, "MEDICAL_CARE")).text("referralId");
        Map<String, Object> intake = with(intake(PARTNER, "cm-clinic"), "referredIn", Map.of(
                "receivedOn", TODAY.toString(), "source", "HOMEWARD_REFERRAL", "referralId", referralId));

        Reply waiting = partnerStaff.post("/api/v1/journeys", intake);
        assertThat(waiting.status()).isEqualTo(400);
        assertThat(waiting.body()).contains("referralId", "REQUESTED");
        ok(partnerStaff.post("/api/v1/referrals/" + referralId + "/acceptance",
                             Map.of("acceptedOn", TODAY.toString())));
        ok(caseManager.post(path + "/consent-withdrawals", sharing));
        Reply revoked = partnerStaff.post("/api/v1/journeys", intake);
        assertThat(revoked.status()).isEqualTo(400);
        assertThat(revoked.body()).contains("referralId", "REVOKED");
    }

    private String openWithPerson() {
        Map<String, Object> intake = new LinkedHashMap<>(intake(HOME, "cm-shelter"));
        intake.put("person", Map.of("fullName", "Synthetic Partner Person", "phone", "+373 555 0199",
                                    "email", "synthetic@example.org", "dateOfBirth", "1999-04-03"));
        Reply opened = caseManager.post("/api/v1/journeys", intake);
        assertThat(opened.status()).isEqualTo(201);
        return opened.text("journeyId");
    }

    private static Map<String, Object> referral(String partner, String service) {
        return Map.of("partnerOrganisationId", partner, "service", service, "madeOn", TODAY.toString(),
                      "dueOn", TODAY.plusDays(14).toString(), "note", NOTE);
    }

    /** The referral as the partner reads it, once it reads as {@code condition} says (the projection follows). */
    private JsonNode partnerSees(String referralId, Predicate<JsonNode> condition) {
        JsonNode[] seen = new JsonNode[1];
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> {
            Reply reply = partnerStaff.get("/api/v1/referrals/" + referralId);
            seen[0] = reply.status() == 200 ? reply.json() : null;
            return seen[0] != null && condition.test(seen[0]);
        });
        return seen[0];
    }

    private JsonNode timeline(String journey) {
        awaitCaughtUp("timeline");
        return caseManager.get("/api/v1/journeys/" + journey + "/timeline").json();
    }

    private static void ok(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isBetween(200, 201);
    }
}
