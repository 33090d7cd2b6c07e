package org.homeward.app.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homeward.app.support.SyntheticJourneys.intake;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.homeward.access.Role;
import org.homeward.app.support.Api;
import org.homeward.app.support.Api.Reply;
import org.homeward.app.support.HttpTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A journey transferred after it referred the person: the partner is told who made the referral, never where the
 * person's journey went since (the organisation now helping a survivor of trafficking is for its staff and the
 * person to tell). The referral's maker is a fact of the referral: it does not change with the journey's owner,
 * in the partner's view nor in the {@code ReferralReceived} kept for ever on the partner's own journey.
 */
class ReferralAfterTransferTest extends HttpTest {

    private static final String HOME = "org-xfer-shelter";
    private static final String PARTNER = "org-xfer-clinic";
    private static final String NEW_HOME = "org-xfer-safehouse";
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    private Api caseManager;
    private Api partnerStaff;

    @BeforeEach
    void signIn() {
        caseManager = as(Role.CASE_MANAGER, "cm-xfer-shelter", HOME);
        partnerStaff = as(Role.CASE_MANAGER, "cm-xfer-clinic", PARTNER);
    }

    @Test
    void thePartnersViewKeepsWhoReferredAndNeverTellsWhereTheJourneyWent() {
        String referralId = referredThenTransferred();

        JsonNode seen = partnerSees(referralId);
        assertThat(seen.path("referringOrganisationId").asString()).as("who made the referral").isEqualTo(HOME);
        assertThat(partnerStaff.get("/api/v1/referrals").body()).as("nor in the list").doesNotContain(NEW_HOME);
    }

    @Test
    void aJourneyOpenedFromTheReferralRecordsWhoMadeItNotWhoHasTheJourneyNow() {
        String referralId = referredThenTransferred();

        Map<String, Object> intake = new LinkedHashMap<>(intake(PARTNER, "cm-xfer-clinic"));
        intake.put("referredIn", Map.of("receivedOn", TODAY.toString(), "source", "HOMEWARD_REFERRAL",
                                        "referralId", referralId));
        Reply opened = partnerStaff.post("/api/v1/journeys", intake);
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String own = opened.text("journeyId");

        awaitCaughtUp("timeline");
        JsonNode received = partnerStaff.get("/api/v1/journeys/" + own + "/timeline").json()
                                        .path("referralsReceived");
        assertThat(received).hasSize(1);
        assertThat(received.get(0).path("fromOrganisationId").asString())
                .as("the organisation that made the referral, kept for ever in ReferralReceived").isEqualTo(HOME);
    }

    /** A referral made to the partner under consent, then the journey transferred to another organisation. */
    private String referredThenTransferred() {
        Map<String, Object> intake = new LinkedHashMap<>(intake(HOME, "cm-xfer-shelter"));
        intake.put("person", Map.of("fullName", "Synthetic Transferred Person", "phone", "+373 555 0142"));
        Reply opened = caseManager.post("/api/v1/journeys", intake);
        assertThat(opened.status()).isEqualTo(201);
        String path = "/api/v1/journeys/" + opened.text("journeyId");
        ok(caseManager.post(path + "/consents", Map.of("purpose", "SHARING_WITH_PARTNER",
                                                       "partnerOrganisationId", PARTNER, "decidedOn",
                                                       TODAY.toString(), "sharedDetails", List.of("PHONE"))));
        Reply made = caseManager.post(path + "/referrals", Map.of(
                "partnerOrganisationId", PARTNER, "service", "MEDICAL_CARE", "madeOn", TODAY.toString(),
                "dueOn", TODAY.plusDays(7).toString()));
        assertThat(made.status()).isEqualTo(201);
        ok(caseManager.post(path + "/transfer", Map.of("organisationId", NEW_HOME, "caseManagerId", "cm-xfer-safe",
                                                       "reason", "moved for her safety")));
        awaitCaughtUp("timeline");
        return made.text("referralId");
    }

    private JsonNode partnerSees(String referralId) {
        JsonNode[] seen = new JsonNode[1];
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> {
            Reply reply = partnerStaff.get("/api/v1/referrals/" + referralId);
            seen[0] = reply.status() == 200 ? reply.json() : null;
            return seen[0] != null;
        });
        return seen[0];
    }

    private static void ok(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isBetween(200, 201);
    }
}
