package org.homeward.app.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homeward.app.support.SyntheticJourneys.intake;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.homeward.access.Role;
import org.homeward.app.support.Api;
import org.homeward.app.support.Api.Reply;
import org.homeward.app.support.HttpTest;
import org.junit.jupiter.api.Test;

/**
 * Withdrawing the consent to share with a partner revokes that partner's open referrals at once (ADR 0010): the
 * partner may keep the history of what it was asked, but may no longer act on the referral. Opening a journey
 * "from" it records, for ever and in the partner's own journey, that the referring organisation sent this person
 * to the partner (ReferralReceived names the referral and the referring organisation), after the person took
 * back the consent that sharing rested on.
 */
class RevokedReferralOpensNothingTest extends HttpTest {

    private static final String HOME = "org-rev-shelter";
    private static final String PARTNER = "org-rev-clinic";
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Test
    void aReferralRevokedByTheConsentsWithdrawalCannotOpenAJourneyAtThePartner() {
        Api caseManager = as(Role.CASE_MANAGER, "cm-rev-shelter", HOME);
        Api partnerStaff = as(Role.CASE_MANAGER, "cm-rev-clinic", PARTNER);
        Map<String, Object> intake = new LinkedHashMap<>(intake(HOME, "cm-rev-shelter"));
        intake.put("person", Map.of("fullName", "Synthetic Withdrawn Person", "phone", "+373 555 0133"));
        String path = "/api/v1/journeys/" + caseManager.post("/api/v1/journeys", intake).text("journeyId");
        ok(caseManager.post(path + "/consents", Map.of("purpose", "SHARING_WITH_PARTNER",
                                                       "partnerOrganisationId", PARTNER, "decidedOn",
                                                       TODAY.toString(), "sharedDetails", List.of("PHONE"))));
        Reply made = caseManager.post(path + "/referrals", Map.of(
                "partnerOrganisationId", PARTNER, "service", "MEDICAL_CARE", "madeOn", TODAY.toString(),
                "dueOn", TODAY.plusDays(7).toString()));
        assertThat(made.status()).isEqualTo(201);
        String referralId = made.text("referralId");
        ok(caseManager.post(path + "/consent-withdrawals", Map.of("purpose", "SHARING_WITH_PARTNER",
                                                                  "partnerOrganisationId", PARTNER,
                                                                  "decidedOn", TODAY.toString())));

        Map<String, Object> own = new LinkedHashMap<>(intake(PARTNER, "cm-rev-clinic"));
        own.put("referredIn", Map.of("receivedOn", TODAY.toString(), "source", "HOMEWARD_REFERRAL",
                                     "referralId", referralId));
        Reply opened = partnerStaff.post("/api/v1/journeys", own);
        assertThat(opened.status()).as("revoked: the partner may no longer act on it; " + opened.body())
                                   .isBetween(400, 499);
    }

    private static void ok(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isBetween(200, 201);
    }
}
