package org.homeward.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.homeward.access.Role;
import org.homeward.app.support.Api;
import org.homeward.app.support.SyntheticJourneys;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The auditor's story: the trail of one journey, its history, its timeline as known before a correction, verify. */
public interface AuditStory extends WebApp {

    @Test
    default void anAuditorFollowsAJourneysCorrectionThroughTheTrail() throws Exception {
        // a case manager of its own, so no other story's caseload sees this journey; its supervisor records
        String journey = openJourneyHere(SyntheticJourneys.intake(ORGANISATION, "web-audit-cm"));
        String milestones = "/api/v1/journeys/" + journey + "/milestones";
        Api.Reply recorded = apiAs(Role.SUPERVISOR).post(milestones, SyntheticJourneys.milestone(
                "HOUSING_SECURED", SyntheticJourneys.INTAKE, null));
        assertThat(recorded.status()).isEqualTo(201);
        // whole seconds apart, so an instant typed to the second falls between the record and its correction
        Thread.sleep(1100);
        Instant beforeCorrection = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Thread.sleep(1100);
        assertThat(apiAs(Role.SUPERVISOR).post(milestones + "/" + recorded.text("milestoneId") + "/corrections",
                Map.of("type", "SHELTER_ENTERED", "occurredOn", SyntheticJourneys.INTAKE.toString(),
                       "reason", "wrong type")).status()).isEqualTo(200);
        caughtUp("audit", "timeline");

        try (Browser browser = browser(true)) {
            browser.signIn(WebApp.user(Role.AUDITOR), PASSWORD);
            assertThat(browser.path()).startsWith("/audit");
            browser.type("Journey id", journey).press("Find");
            assertThat(browser.mainText()).contains("MilestoneCorrected").contains("MilestoneRecorded")
                                          .contains("JourneyOpened");
            browser.check("audit-trail");

            browser.follow("History");
            assertThat(browser.path()).isEqualTo("/audit/journeys/" + journey + "/history");
            String replaced = browser.driver()
                    .findElement(By.xpath("//tr[td/code[normalize-space(.)='MilestoneCorrected']]/td[3]")).getText();
            assertThat(replaced).contains("HOUSING_SECURED");
            browser.check("audit-history");

            browser.follow("As known on a date");
            browser.type("As known on", beforeCorrection.toString()).press("Show");
            assertThat(browser.mainText()).contains("as known on " + beforeCorrection).contains("Housing secured")
                                          .doesNotContain("Shelter entered");
            browser.check("audit-as-of");
            browser.follow("As known now");
            assertThat(browser.mainText()).contains("Shelter entered").doesNotContain("Housing secured");

            browser.open("/audit/reads?journeyId=" + journey);
            assertThat(browser.mainText()).contains("timeline as of").contains("Audit");
            browser.check("audit-reads");
            browser.open("/audit/denials");
            browser.check("audit-denials");

            browser.open("/audit/verify");
            browser.press("Verify now");
            // the keeper chains events once they have settled: the newest may not be chained yet, and that is said
            assertThat(browser.mainText()).containsAnyOf("The chain is intact", "No event is chained yet")
                                          .contains("Chained up to position").doesNotContain("The chain is broken");
            browser.check("audit-verify");
        }
    }
}
