package org.homeward.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.time.LocalDate;
import org.homeward.access.Role;
import org.homeward.app.support.Api;
import org.homeward.app.support.HttpTest;
import org.homeward.app.support.SyntheticJourneys;
import org.homeward.app.web.signin.PersonAccounts;
import org.homeward.app.web.signin.SecondFactor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The web app in a real browser: the case manager's story here, the other users' stories in the interfaces this
 * class implements, all against one application start (see {@link WebApp}).
 */
class WebAppTest extends HttpTest
        implements WebApp, OutcomesStory, AuditStory, AdministratorStory, PseudoLocaleStory {

    /** The organisation's identity provider, for the sign-in through it; started before the application. */
    static final FakeIdentityProvider IDENTITY_PROVIDER = FakeIdentityProvider.start();

    @DynamicPropertySource
    static void identityProvider(DynamicPropertyRegistry registry) {
        String registration = "spring.security.oauth2.client.registration.organisation.";
        registry.add(registration + "client-id", () -> FakeIdentityProvider.CLIENT_ID);
        registry.add(registration + "client-secret", () -> FakeIdentityProvider.CLIENT_SECRET);
        registry.add(registration + "client-name", () -> "Synthetic Identity Provider");
        registry.add(registration + "scope", () -> "openid");
        registry.add("spring.security.oauth2.client.provider.organisation.issuer-uri", IDENTITY_PROVIDER::issuer);
    }

    @Autowired
    PersonAccounts accounts;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

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
            assertThat(browser.mainText()).contains(journeyId.substring(0, 8));
            browser.check("caseload");

            browser.type("Journey code", journeyId.substring(0, 6)).press("Find");
            assertThat(browser.mainText()).contains(journeyId.substring(0, 8));
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
            browser.follow("Reload to see the change");
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
            // what a person types is shown as text, never run as markup
            browser.follow("Record a milestone");
            browser.choose("Type", "Shelter entered").type("Occurred on", "2026-02-01")
                   .type("Note", "<script>alert('synthetic')</script><b>bold</b>").press("Record");
            assertThat(browser.mainText()).contains("<script>alert('synthetic')</script><b>bold</b>");
            assertThat(browser.driver().getPageSource()).doesNotContain("<script>alert").doesNotContain("<b>bold");
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
    void aPartnerAcceptsAReferralAndASupervisorWeighsAPossibleDuplicate() {
        String journeyId = openJourney();
        String path = "/api/v1/journeys/" + journeyId;
        Api supervisor = apiAs(Role.SUPERVISOR);
        assertThat(supervisor.post(path + "/consents", java.util.Map.of(
                "purpose", "SHARING_WITH_PARTNER", "partnerOrganisationId", "org-partner",
                "decidedOn", "2026-02-01")).status()).isEqualTo(200);
        assertThat(supervisor.post(path + "/referrals", java.util.Map.of(
                "partnerOrganisationId", "org-partner", "service", "MEDICAL_CARE", "madeOn", "2026-02-02",
                "dueOn", "2026-02-20")).status()).isEqualTo(201);
        accounts.create("web-partner", Role.CASE_MANAGER, "org-partner", PASSWORD, "test");
        try (Browser browser = browser(true)) {
            browser.signIn("web-partner", PASSWORD);
            browser.follow("Referrals to us");
            browser.waitUntil(b -> {
                b.open("/referrals");
                return b.mainText().contains("Medical care");
            }, Duration.ofSeconds(10));
            assertThat(browser.mainText()).contains("Requested").contains("org-web").doesNotContain(journeyId);
            browser.check("referrals");
            browser.follow("Accept the referral");
            browser.type("Accepted on", "2026-02-03").press("Record");
            assertThat(browser.mainText()).contains("Recorded: Accept the referral.");
            browser.waitUntil(b -> {
                b.open("/referrals");
                return b.mainText().contains("Accepted");
            }, Duration.ofSeconds(10));
        }

        java.util.Map<String, Object> samePerson = java.util.Map.of("fullName", "Synthetic Twin",
                                                                    "dateOfBirth", "2001-01-01");
        openJourneyHere(SyntheticJourneys.with(SyntheticJourneys.intake(ORGANISATION, user(Role.CASE_MANAGER)),
                                               "person", samePerson));
        openJourneyHere(SyntheticJourneys.with(SyntheticJourneys.intake(ORGANISATION, user(Role.CASE_MANAGER)),
                                               "person", samePerson));
        try (Browser browser = browser(true)) {
            browser.signIn(user(Role.SUPERVISOR), PASSWORD);
            browser.follow("Possible duplicates");
            browser.check("possible-duplicates");
            long before = storedEvents();
            browser.press("Confirm: the same person");
            assertThat(browser.mainText()).contains("Confirmed: the two journeys are linked");
            assertThat(storedEvents()).isEqualTo(before + 2);
            assertThat(browser.mainText()).contains("No possible duplicate to weigh.");
        }
    }

    @Test
    void fiveWrongPasswordsLockAnAccountAndTheAnswerNeverSaysWhy() {
        accounts.create("web-locked", Role.CASE_MANAGER, ORGANISATION, PASSWORD, "test");
        PageClient pages = new PageClient(port());
        String unknown = pages.signIn("web-nobody", PASSWORD);
        assertThat(unknown).endsWith("/sign-in?refused");
        for (int i = 0; i < 5; i++) {
            assertThat(new PageClient(port()).signIn("web-locked", "a wrong password " + i)).isEqualTo(unknown);
        }
        // the right password no longer opens it, and the answer is the same as for an unknown user
        assertThat(new PageClient(port()).signIn("web-locked", PASSWORD)).isEqualTo(unknown);
        assertThat(accounts.find("web-locked").orElseThrow().locked(Instant.now())).isTrue();
        assertThat(new PageClient(port()).signIn(user(Role.AUDITOR), PASSWORD)).endsWith("/");
    }

    @Test
    void aSecondFactorIsAskedForOnceSetUpAndNoCodeOpensTwice() {
        accounts.create("web-totp", Role.EVALUATOR, ORGANISATION, PASSWORD, "test");
        PageClient person = new PageClient(port());
        person.signIn("web-totp", PASSWORD);
        String page = person.post("/account/second-factor/new", "", person.csrf("/account")).body();
        String secret = page.replaceAll("(?s).*id=\"secret\">([A-Z2-7]+)<.*", "$1");
        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat(person.post("/account/second-factor", "code=000000", person.csrf("/account")).body())
                .contains("That code is not right");
        assertThat(accounts.hasSecondFactor("web-totp")).isFalse();
        String enrolled = person.post("/account/second-factor", "code=" + SecondFactor.code(secret, Instant.now()),
                                      person.csrf("/account")).headers().firstValue("Location").orElseThrow();
        assertThat(enrolled).endsWith("/account?done");
        assertThat(accounts.hasSecondFactor("web-totp")).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from person_account where totp_secret::text like ?",
                                       Integer.class, "%" + secret + "%")).as("the secret is kept sealed").isZero();

        assertThat(new PageClient(port()).signIn("web-totp", PASSWORD)).endsWith("/sign-in?refused");
        assertThat(new PageClient(port()).signIn("web-totp", PASSWORD, "123456")).endsWith("/sign-in?refused");
        String code = SecondFactor.code(secret, Instant.now());
        assertThat(new PageClient(port()).signIn("web-totp", PASSWORD, code)).endsWith("/");
        assertThat(new PageClient(port()).signIn("web-totp", PASSWORD, code)).as("the same code again")
                                                                            .endsWith("/sign-in?refused");

        // a lost phone: an administrator turns the second factor off, and the password alone opens again
        PageClient administrator = new PageClient(port());
        administrator.signIn(user(Role.ADMINISTRATOR), PASSWORD);
        administrator.post("/admin/accounts/web-totp/second-factor-reset", "", administrator.csrf("/admin/accounts"));
        assertThat(accounts.hasSecondFactor("web-totp")).isFalse();
        assertThat(new PageClient(port()).signIn("web-totp", PASSWORD)).endsWith("/");
    }

    @Test
    void aPersonChangesTheirPasswordAndTheirOtherSessionsEnd() {
        accounts.create("web-changer", Role.AUDITOR, ORGANISATION, PASSWORD, "test");
        PageClient here = new PageClient(port());
        PageClient elsewhere = new PageClient(port());
        here.signIn("web-changer", PASSWORD);
        elsewhere.signIn("web-changer", PASSWORD);
        String next = "another synthetic password";
        HttpResponse<String> wrong = here.post("/account/password", "current=wrong+password+here&password="
                                                                    + next.replace(' ', '+') + "&passwordAgain="
                                                                    + next.replace(' ', '+'), here.csrf("/account"));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("The current password is wrong.");
        HttpResponse<String> changed = here.post("/account/password", "current=" + PASSWORD.replace(' ', '+')
                                                                      + "&password=" + next.replace(' ', '+')
                                                                      + "&passwordAgain=" + next.replace(' ', '+'),
                                                 here.csrf("/account"));
        assertThat(changed.headers().firstValue("Location").orElseThrow()).endsWith("/account?passwordChanged");
        assertThat(here.get("/account").statusCode()).as("this session goes on").isEqualTo(200);
        assertThat(elsewhere.get("/account").headers().firstValue("Location").orElseThrow())
                .as("the other session ended").endsWith("/sign-in");
        assertThat(new PageClient(port()).signIn("web-changer", PASSWORD)).endsWith("/sign-in?refused");
        assertThat(new PageClient(port()).signIn("web-changer", next)).endsWith("/");
    }

    /**
     * With an identity provider, people sign in through it (authorization code with PKCE) and are who its ID token
     * says, by the API's claims; a token without them is refused, and a code without its verifier opens nothing.
     */
    @Test
    void aPersonSignsInThroughTheOrganisationsIdentityProvider() {
        String journeyId = openJourney();
        IDENTITY_PROVIDER.nextPerson = java.util.Map.of("sub", user(Role.CASE_MANAGER),
                "homeward_role", "CASE_MANAGER", "homeward_organisation", ORGANISATION);
        try (Browser browser = browser(true)) {
            browser.open("/sign-in");
            browser.follow("Sign in with Synthetic Identity Provider");
            assertThat(browser.path()).startsWith("/caseload");
            assertThat(browser.mainText()).contains(journeyId.substring(0, 8));
        }
        IDENTITY_PROVIDER.nextPerson = java.util.Map.of("sub", "web-no-role");
        try (Browser browser = browser(true)) {
            browser.open("/sign-in");
            browser.follow("Sign in with Synthetic Identity Provider");
            assertThat(browser.path()).isEqualTo("/sign-in?refused");
        }
        assertThat(IDENTITY_PROVIDER.refusedVerifiers).as("each code came with its PKCE verifier").isZero();

        // a code taken on its way back and sent from another browser opens nothing there
        PageClient person = new PageClient(port());
        String authorize = person.get("/oauth2/authorization/organisation").headers().firstValue("Location")
                                 .orElseThrow();
        assertThat(authorize).contains("code_challenge=", "code_challenge_method=S256");
        String back = PageClient.location(authorize);
        PageClient thief = new PageClient(port());
        thief.get("/sign-in");
        assertThat(thief.get(back.substring(back.indexOf("/login/"))).headers().firstValue("Location")
                        .orElseThrow()).endsWith("/sign-in?refused");
        assertThat(thief.get("/caseload").headers().firstValue("Location").orElseThrow()).endsWith("/sign-in");
    }

    /**
     * Every page sends a person who is not signed in to the sign-in page, refuses a form sent without its CSRF
     * token, keeps the administrator's pages to administrators, and carries the strict Content-Security-Policy;
     * the session cookie is HttpOnly, Secure and SameSite, and changes at sign-in.
     */
    @Test
    void everyPageIsClosedToStrangersAndForgedForms() {
        String journeyId = openJourney();
        List<String> gets = new ArrayList<>();
        List<String> posts = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (handler.getBeanType().getPackageName().startsWith("org.homeward.app.web")) {
                for (String pattern : info.getPatternValues()) {
                    String path = pattern.replaceAll("\\{journeyId}", journeyId).replaceAll("\\{[^}]+}", "x");
                    boolean post = info.getMethodsCondition().getMethods().contains(RequestMethod.POST);
                    (post ? posts : gets).add(path);
                }
            }
        });
        assertThat(gets).contains("/caseload", "/journeys/" + journeyId);

        PageClient stranger = new PageClient(port());
        HttpResponse<String> signInPage = stranger.get("/sign-in");
        String cookie = signInPage.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).contains("HttpOnly", "Secure", "SameSite=Lax");
        assertThat(signInPage.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline");
        for (String path : gets) {
            if (!path.equals("/sign-in") && !path.equals("/")) {
                HttpResponse<String> answer = stranger.get(path);
                assertThat(answer.statusCode()).as(path).isEqualTo(302);
                assertThat(answer.headers().firstValue("Location").orElseThrow()).as(path).endsWith("/sign-in");
            }
        }
        PageClient caseManager = new PageClient(port());
        String before = caseManager.csrf("/sign-in");
        caseManager.signIn(user(Role.CASE_MANAGER), PASSWORD);
        for (String path : posts) {
            assertThat(caseManager.post(path, "", null).statusCode()).as("POST " + path + " without CSRF")
                                                                     .isEqualTo(403);
            assertThat(caseManager.post(path, "", before).statusCode())
                    .as("POST " + path + " with the token of the session before sign-in").isEqualTo(403);
        }
        for (String path : gets) {
            HttpResponse<String> answer = caseManager.get(path);
            if (path.startsWith("/admin")) {
                assertThat(answer.statusCode()).as(path).isEqualTo(403);
            }
            if (answer.statusCode() == 200) {
                assertThat(answer.headers().firstValue("Content-Security-Policy")).as(path).isPresent();
                assertThat(answer.body()).as(path).doesNotContain("style=\"", "<script>", " onclick=");
            }
        }
    }
}
