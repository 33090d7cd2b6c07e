package org.homeward.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.homeward.access.Role;
import org.homeward.app.support.Api;
import org.homeward.app.support.SyntheticJourneys;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Every text a person reads comes from a bundle. In the pseudo-locale {@code en-XA} each bundle text is shown as
 * ⟦text⟧, so any text node outside the brackets was typed into a template (or written by Java) and would stay in
 * English for a French reader. Text the API wrote (class {@code api-text} or {@code lang="en"}) and data (dates,
 * numbers, ids, the values this story seeded) are not texts to translate.
 */
public interface PseudoLocaleStory extends WebApp {

    /**
     * A page a role reaches; a role of null is a page for anyone, signed in or not. A page with a form to send is
     * also sent empty, so the problems it answers with are read too.
     */
    record Page(Role role, String path, boolean sendEmpty) {

        Page(Role role, String path) {
            this(role, path, false);
        }
    }

    /** Every page to look at: a page added to the web app is one more line here. */
    private static List<Page> pages(String journeyId) {
        String journey = "/journeys/" + journeyId;
        return List.of(
                new Page(null, "/sign-in"),
                new Page(null, "/sign-in?refused"),
                new Page(Role.CASE_MANAGER, "/caseload"),
                new Page(Role.CASE_MANAGER, journey),
                new Page(Role.CASE_MANAGER, journey + "/record/recordMilestone", true),
                new Page(Role.CASE_MANAGER, journey + "/record/giveConsent"),
                new Page(Role.CASE_MANAGER, journey + "/record/assess"),
                new Page(Role.CASE_MANAGER, "/journeys/new"),
                new Page(Role.CASE_MANAGER, "/referrals"),
                new Page(Role.CASE_MANAGER, "/account"),
                new Page(Role.SUPERVISOR, "/caseload"),
                new Page(Role.SUPERVISOR, "/possible-duplicates"),
                new Page(Role.EVALUATOR, "/outcomes"),
                new Page(Role.EVALUATOR, "/outcomes/definitions"),
                new Page(Role.AUDITOR, "/audit"),
                new Page(Role.AUDITOR, "/audit/reads"),
                new Page(Role.AUDITOR, "/audit/denials"),
                new Page(Role.AUDITOR, "/audit/verify"),
                new Page(Role.AUDITOR, "/audit" + journey + "/history"),
                new Page(Role.AUDITOR, "/audit" + journey + "/as-of"),
                new Page(Role.ADMINISTRATOR, "/admin"),
                new Page(Role.ADMINISTRATOR, "/admin/accounts"),
                new Page(Role.ADMINISTRATOR, "/admin/programs"),
                new Page(Role.ADMINISTRATOR, "/admin/projections"));
    }

    /**
     * The case manager whose pages this story reads: its own account, so the journeys it opens stay out of the
     * caseload other stories count.
     */
    String PSEUDO_CASE_MANAGER = "web-pseudo-case-manager";

    /** The values this story seeds, which pages show as they were written. */
    String PSEUDO_NOTE = "synthetic pseudo-locale note";
    String PSEUDO_DETAIL = "synthetic pseudo-locale detail";

    Pattern PSEUDO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(T[0-9:.]+Z?)?");
    Pattern PSEUDO_NUMBER = Pattern.compile("[-+]?\\d+([.,]\\d+)?%?");
    Pattern PSEUDO_ID = Pattern.compile("[a-z0-9._:@-]*[0-9][a-z0-9._:@-]*");
    Pattern PSEUDO_BRACKETED = Pattern.compile("⟦[^⟦⟧]*⟧");
    Pattern PSEUDO_LETTER = Pattern.compile("\\p{L}");

    @Test
    default void everyTextOfEveryPageComesFromABundle() {
        String journeyId = seededJourney();
        List<String> hardCoded = new ArrayList<>();
        eachPage(journeyId, "en-XA", page -> true, (browser, page) -> {
            String where = (page.role() == null ? "anyone" : page.role().name()) + " " + page.path();
            hardCoded.addAll(hardCodedTexts(browser, where, seeded(journeyId)));
            if (page.sendEmpty()) {
                browser.driver().findElement(By.cssSelector("main form button[type=submit]")).click();
                // the answer is a new page: wait for it before reading its texts
                browser.waitUntil(b -> !b.all("main .problem").isEmpty(), java.time.Duration.ofSeconds(15));
                hardCoded.addAll(hardCodedTexts(browser, where + " sent empty", seeded(journeyId)));
            }
        });
        assertThat(hardCoded).as("texts not from a bundle (shown outside ⟦…⟧ in en-XA)").isEmpty();
    }

    /**
     * French runs longer than English: each role's first page and the longest form are read at a phone's width.
     * That every text has its French is MessageBundlesTest's to check, for every page at once.
     */
    @Test
    default void theFrenchPagesHaveEveryText() {
        String journeyId = seededJourney();
        List<String> missing = new ArrayList<>();
        java.util.Set<Role> seen = new java.util.HashSet<>();
        eachPage(journeyId, "fr", page -> page.role() == null || page.sendEmpty() || seen.add(page.role()),
                 (browser, page) -> {
            browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(360, 900));
            Number width = (Number) ((JavascriptExecutor) browser.driver())
                    .executeScript("return document.documentElement.scrollWidth");
            if (width.intValue() > 360) {
                missing.add(page.path() + " is " + width + " px wide at 360 px");
            }
            String lang = browser.driver().findElement(By.tagName("html")).getAttribute("lang");
            if (!lang.startsWith("fr") || browser.text().contains("??")) {
                missing.add(page.path() + " (lang " + lang + "): " + browser.text());
            }
        });
        assertThat(missing).as("French pages with a missing text").isEmpty();
    }

    /** Opens every page in a browser of that language, signed in as the page's role, and hands it over. */
    private void eachPage(String journeyId, String language, java.util.function.Predicate<Page> which,
                          java.util.function.BiConsumer<Browser, Page> check) {
        // one browser for every role, signed out between them by forgetting its cookies: Chromium starts once
        try (Browser browser = Browser.start(appPort(), true, language)) {
            Role signedIn = null;
            boolean first = true;
            for (Page page : pages(journeyId).stream().filter(which).toList()) {
                if (first || page.role() != signedIn) {
                    browser.driver().manage().deleteAllCookies();
                    if (page.role() == null) {
                        browser.open("/sign-in");
                    } else {
                        signInByIds(browser, page.role());
                    }
                    signedIn = page.role();
                    first = false;
                }
                browser.open(page.path());
                check.accept(browser, page);
            }
        }
    }

    /** The texts of the page as it stands that are neither in brackets nor data. */
    private static List<String> hardCodedTexts(Browser browser, String where, Set<String> seeded) {
        assertThat(browser.text()).as("a missing message key on " + where).doesNotContain("??");
        List<String> texts = visibleTexts(browser);
        // no text in brackets: the page was not drawn in the pseudo-locale, and this test would prove nothing
        assertThat(texts).as("texts of " + where).anyMatch(text -> text.contains("⟦"));
        List<String> hardCoded = new ArrayList<>();
        for (String text : texts) {
            if (!isBracketedOrData(text, seeded)) {
                hardCoded.add(where + ": \"" + text + "\"");
            }
        }
        return hardCoded;
    }

    /** A journey with something in every section the timeline shows. */
    private String seededJourney() {
        accounts().create(PSEUDO_CASE_MANAGER, Role.CASE_MANAGER, ORGANISATION, PASSWORD, "test");
        String journeyId = openJourneyHere(SyntheticJourneys.intake(ORGANISATION, PSEUDO_CASE_MANAGER));
        Api api = apiAs(Role.CASE_MANAGER, PSEUDO_CASE_MANAGER, ORGANISATION);
        String journey = "/api/v1/journeys/" + journeyId;
        LocalDate day = SyntheticJourneys.INTAKE.plusDays(1);
        List<Api.Reply> replies = List.of(
                api.post(journey + "/milestones",
                         SyntheticJourneys.milestone("SHELTER_ENTERED", day, PSEUDO_NOTE)),
                api.post(journey + "/follow-ups", Map.of("dueOn", day.plusDays(7).toString(),
                                                         "purpose", "HOME_VISIT")),
                api.post(journey + "/risk-flags", Map.of("kind", "SAFETY_RISK", "flaggedOn", day.toString(),
                                                         "reviewOn", day.plusDays(3).toString(),
                                                         "detail", PSEUDO_DETAIL)),
                api.post(journey + "/assessments", Map.of("assessedOn", day.toString(),
                                                          "assessorId", PSEUDO_CASE_MANAGER,
                                                          "scores", Map.of("economic", 2, "social", 3,
                                                                           "psychosocial", 4))));
        for (Api.Reply reply : replies) {
            assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        }
        return journeyId;
    }

    private Set<String> seeded(String journeyId) {
        Set<String> values = new LinkedHashSet<>(List.of(PSEUDO_NOTE, PSEUDO_DETAIL, PSEUDO_CASE_MANAGER,
                                                           ORGANISATION, "MD",
                                                           journeyId, journeyId.substring(0, 8)));
        for (Role role : Role.values()) {
            values.add(WebApp.user(role));
        }
        return values;
    }

    /** Signs in without reading a label (the labels are in brackets here); a case manager as this story's own. */
    private static void signInByIds(Browser browser, Role role) {
        browser.open("/sign-in");
        String user = role == Role.CASE_MANAGER ? PSEUDO_CASE_MANAGER : WebApp.user(role);
        browser.driver().findElement(By.id("user")).sendKeys(user);
        browser.driver().findElement(By.id("password")).sendKeys(PASSWORD);
        browser.driver().findElement(By.cssSelector("main form button[type=submit]")).click();
        browser.waitUntil(signedIn -> !signedIn.path().startsWith("/sign-in"), java.time.Duration.ofSeconds(10));
    }

    /**
     * The trimmed text of every text node a person can read (not in script, style or template, not hidden) that
     * the API did not write and that is not marked as data not to translate ({@code translate="no"}: program
     * names, figure identifiers), and the labels given by aria-label and title attributes.
     */
    @SuppressWarnings("unchecked")
    private static List<String> visibleTexts(Browser browser) {
        return (List<String>) ((JavascriptExecutor) browser.driver()).executeScript(
                "var texts = [document.title];"
                + "var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);"
                + "for (var node = walker.nextNode(); node; node = walker.nextNode()) {"
                + "  var text = node.nodeValue.trim(); var parent = node.parentElement;"
                + "  if (!text || parent.closest('script, style, template, .api-text, [lang=\"en\"],"
                + " [translate=\"no\"]')) continue;"
                + "  texts.push(text.replace(/\\s+/g, ' '));"
                + "}"
                + "document.querySelectorAll('[aria-label], [title], [placeholder]').forEach(function (e) {"
                + "  if (e.closest('.api-text, [lang=\"en\"]')) return;"
                + "  ['aria-label', 'title', 'placeholder'].forEach(function (a) {"
                + "    if (e.getAttribute(a)) texts.push(e.getAttribute(a)); });"
                + "});"
                + "return texts;");
    }

    /**
     * True when nothing of the text is left to translate once the bundle texts (in brackets), the values this
     * story seeded, and data (dates, numbers, ids) are taken out: what remains has no letter.
     */
    static boolean isBracketedOrData(String text, Set<String> seeded) {
        // innermost first: a text from a bundle may hold another (a role's name in "who did it")
        String rest = text;
        for (String shorter = PSEUDO_BRACKETED.matcher(rest).replaceAll(" "); !shorter.equals(rest);
             shorter = PSEUDO_BRACKETED.matcher(rest).replaceAll(" ")) {
            rest = shorter;
        }
        for (String value : seeded) {
            rest = rest.replace(value, " ");
        }
        StringBuilder left = new StringBuilder();
        for (String word : rest.split("[\\s()\\[\\],;·—–:/|]+")) {
            if (word.isEmpty() || PSEUDO_DATE.matcher(word).matches() || PSEUDO_NUMBER.matcher(word).matches()
                || PSEUDO_ID.matcher(word).matches()) {
                continue;
            }
            left.append(word).append(' ');
        }
        return !PSEUDO_LETTER.matcher(left).find();
    }
}
