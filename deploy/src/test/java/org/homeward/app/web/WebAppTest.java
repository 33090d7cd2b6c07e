package org.homeward.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import org.homeward.access.Role;
import org.homeward.app.support.Api;
import org.homeward.app.support.HttpTest;
import org.homeward.app.support.SyntheticJourneys;
import org.homeward.app.web.signin.PersonAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The web app in a real browser: the case manager's story here, the other users' stories in the interfaces this
 * class implements, all against one application start (see {@link WebApp}).
 */
class WebAppTest extends HttpTest implements WebApp, PseudoLocaleStory {

    @Autowired
    PersonAccounts accounts;

    @BeforeEach
    void createAccounts() {
        for (Role role : Role.values()) {
            accounts.create(WebApp.user(role), role, ORGANISATION, PASSWORD, "test");
        }
    }

    private static String user(Role role) {
        return WebApp.user(role);
    }

    @Override
    public Api apiAs(Role role) {
        return as(role, user(role), ORGANISATION);
    }

    @Override
    public Api apiAs(Role role, String userId, String organisationId) {
        return as(role, userId, organisationId);
    }

    @Override
    public int appPort() {
        return port();
    }

    @Override
    public String openJourney() {
        return openJourneyHere(SyntheticJourneys.intake(ORGANISATION, user(Role.CASE_MANAGER)));
    }

    @Override
    public String openJourneyHere(java.util.Map<String, Object> intake) {
        Api.Reply reply = apiAs(Role.SUPERVISOR).post("/api/v1/journeys", intake);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.text("journeyId");
    }

    @Override
    public long storedEvents() {
        return super.storedEvents();
    }

    @Override
    public JdbcTemplate jdbc() {
        return jdbc;
    }

    @Override
    public PersonAccounts accounts() {
        return accounts;
    }

    @Override
    public void caughtUp(String... projections) {
        awaitCaughtUp(projections);
    }

    @Test
    void aCaseManagerFindsAJourneyRecordsAMilestoneAndAStaleFormIsRefused() {
        String journeyId = openJourney();
        try (Browser browser = browser(true)) {
            browser.open("/caseload");
            assertThat(browser.path()).startsWith("/sign-in");
            browser.check("sign-in");
            browser.signIn(user(Role.CASE_MANAGER), PASSWORD);
            assertThat(browser.path()).startsWith("/caseload");
            assertThat(browser.mainText()).contains("One open journey");
            browser.check("caseload");

            browser.type("Journey code", journeyId.substring(0, 6)).press("Find");
            browser.follow(journeyId.substring(0, 8));
            assertThat(browser.path()).isEqualTo("/journeys/" + journeyId);
            browser.follow("Record a milestone");
            browser.check("record-milestone");

            // the API's per-field problem, beside the field, with what was typed kept
            browser.type("Occurred on", "2026-02-01").press("Record");
            assertThat(browser.mainText()).contains("Some fields need attention");
            assertThat(browser.field("Type").getAttribute("aria-invalid")).isEqualTo("true");
            browser.check("record-milestone-problem");

            browser.choose("Type", "Shelter entered").type("Note", "synthetic note for a browser test")
                   .press("Record");
            assertThat(browser.mainText()).contains("Recorded: Record a milestone.");
            assertThat(browser.mainText()).contains("Shelter and housing").contains("Shelter entered")
                                          .contains("synthetic note for a browser test");
            browser.check("timeline");

            // someone else records while this form is open: sending it is refused, and nothing is recorded
            browser.follow("Record a milestone");
            browser.choose("Type", "Medical checkup done").type("Occurred on", "2026-02-03");
            assertThat(apiAs(Role.CASE_MANAGER).post("/api/v1/journeys/" + journeyId + "/milestones",
                    SyntheticJourneys.milestone("COUNSELLING_STARTED", LocalDate.of(2026, 2, 2), null))
                    .status()).isEqualTo(201);
            long before = storedEvents();
            browser.press("Record");
            assertThat(browser.mainText()).contains("Someone changed this journey after you opened the form");
            assertThat(storedEvents()).isEqualTo(before);
            browser.check("record-milestone-stale");
            browser.follow("Reload the journey");
            assertThat(browser.mainText()).contains("Counselling started").doesNotContain("Medical checkup done");
        }
    }

    @Test
    void theMainFormsWorkWithJavaScriptOff() {
        String journeyId = openJourney();
        try (Browser browser = browser(false)) {
            browser.signIn(user(Role.CASE_MANAGER), PASSWORD);
            browser.open("/journeys/" + journeyId);
            browser.follow("Schedule a follow-up");
            browser.type("Due on", "2026-03-01").choose("Purpose", "Home visit").press("Record");
            assertThat(browser.mainText()).contains("Recorded: Schedule a follow-up.").contains("2026-03-01");
        }
    }

    @Test
    void anotherRoleSeesNothingOfAJourneyItMayNotRead() {
        String journeyId = openJourneyHere(SyntheticJourneys.with(
                SyntheticJourneys.intake(ORGANISATION, user(Role.CASE_MANAGER)), "person",
                java.util.Map.of("fullName", "Synthetic Person Name")));
        try (Browser browser = browser(true)) {
            browser.signIn(user(Role.EVALUATOR), PASSWORD);
            browser.open("/journeys/" + journeyId);
            assertThat(browser.text()).contains("Your role may not do this").doesNotContain("Synthetic Person Name");
            browser.assertAccessible();
        }
    }

    @Test
    void fiveWrongPasswordsLockAnAccountAndTheAnswerNeverSaysWhy() throws Exception {
        accounts.create("web-locked", Role.CASE_MANAGER, ORGANISATION, PASSWORD, "test");
        HttpClient http = HttpClient.newHttpClient();
        String unknown = signIn(http, "web-nobody", PASSWORD);
        for (int i = 0; i < 5; i++) {
            assertThat(signIn(http, "web-locked", "a wrong password " + i)).isEqualTo(unknown);
        }
        // the right password no longer opens it, and the answer is the same as for an unknown user
        assertThat(signIn(http, "web-locked", PASSWORD)).isEqualTo(unknown).endsWith("/sign-in?refused");
        assertThat(accounts.find("web-locked").orElseThrow().locked(java.time.Instant.now())).isTrue();
        assertThat(signIn(http, user(Role.AUDITOR), PASSWORD)).endsWith("/");
    }

    /**
     * Signs in over plain HTTP with the form's session and CSRF token; answers where the application sent the
     * browser. The session cookie is carried by hand: it is marked Secure, which Java's cookie store keeps to HTTPS.
     */
    private String signIn(HttpClient http, String user, String password) throws Exception {
        String base = "http://localhost:" + port();
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(base + "/sign-in")).build(),
                                              HttpResponse.BodyHandlers.ofString());
        String session = form.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String csrf = form.body().replaceAll("(?s).*?name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create(base + "/sign-in"))
                           .header("Content-Type", "application/x-www-form-urlencoded")
                           .header("Cookie", session)
                           .timeout(Duration.ofSeconds(10))
                           .POST(HttpRequest.BodyPublishers.ofString(
                                   "user=" + user + "&password=" + password.replace(" ", "+") + "&_csrf=" + csrf))
                           .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(302);
        return answer.headers().firstValue("Location").orElseThrow();
    }
}
