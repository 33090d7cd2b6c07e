package org.homeward.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.homeward.access.Role;
import org.homeward.app.support.Api;
import org.homeward.app.support.SyntheticJourneys;
import org.homeward.app.web.signin.PersonAccounts;
import org.junit.jupiter.api.Test;

/**
 * The administrator's story: an account created on the page and used at once, then disabled, which ends the
 * person's session; a program defined through the API's own form; and a projection rebuilt while the page shows
 * its progress.
 */
public interface AdministratorStory extends WebApp {

    String NEWCOMER = "web-newcomer";
    String NEWCOMER_PASSWORD = "synthetic newcomer password";
    String SHORT_PASSWORD = "short-pw-7";
    Duration SIGNING_IN = Duration.ofSeconds(15);

    @Test
    default void anAdministratorManagesAccountsProgramsAndProjections() {
        // journeys for the rebuild to work through, in an organisation of their own so that no other story's
        // caseload sees them
        Api supervisor = apiAs(Role.SUPERVISOR, "web-admin-supervisor", "org-web-admin");
        for (int i = 0; i < 8; i++) {
            Api.Reply opened = supervisor.post("/api/v1/journeys",
                                               SyntheticJourneys.intake("org-web-admin", "web-admin-cm"));
            assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        }
        String admin = WebApp.user(Role.ADMINISTRATOR);
        try (Browser browser = browser(true); Browser newcomer = browser(true)) {
            browser.signIn(admin, PASSWORD);
            // on a busy machine the browser may still show the sign-in page a moment after the button is pressed
            browser.waitUntil(page -> !page.path().startsWith("/sign-in"), SIGNING_IN);
            assertThat(browser.path()).isEqualTo("/admin");
            browser.check("admin");

            browser.follow("Accounts");
            assertThat(browser.mainText()).contains(WebApp.user(Role.CASE_MANAGER));
            browser.check("accounts");
            // a field problem first, beside its field; the password is not written back into the page
            browser.type("User id", NEWCOMER).choose("Role", "case manager").type("Password", SHORT_PASSWORD)
                   .type("Password again", SHORT_PASSWORD).press("Create the account");
            assertThat(browser.mainText()).contains("Some fields need attention")
                                          .contains("The password must have 12 to 128 characters.");
            assertThat(browser.field("Password").getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(browser.field("User id").getAttribute("value")).isEqualTo(NEWCOMER);
            assertThat(browser.driver().getPageSource()).doesNotContain(SHORT_PASSWORD);
            browser.check("accounts-problem");

            browser.type("Password", NEWCOMER_PASSWORD).type("Password again", NEWCOMER_PASSWORD)
                   .press("Create the account");
            assertThat(browser.mainText()).contains("Account " + NEWCOMER + " created.");
            assertThat(accounts().find(NEWCOMER)).get().extracting(PersonAccounts.Account::createdBy)
                                                 .isEqualTo(admin);

            newcomer.signIn(NEWCOMER, NEWCOMER_PASSWORD);
            newcomer.waitUntil(page -> !page.path().startsWith("/sign-in"), SIGNING_IN);
            assertThat(newcomer.path()).startsWith("/caseload");

            browser.press("Disable " + NEWCOMER);
            assertThat(browser.mainText()).contains("Account " + NEWCOMER + " disabled");
            newcomer.open("/caseload");
            assertThat(newcomer.path()).startsWith("/sign-in");

            browser.open("/admin");
            browser.follow("Programs");
            browser.check("programs");
            browser.follow("Define a program");
            browser.check("program-define");
            browser.type("Name", "Synthetic shelter program").choose("Category", "Shelter").type("Capacity", "12")
                   .press("Define a program");
            assertThat(browser.mainText()).contains("Recorded: Define a program.");
            caughtUp("programs");
            browser.open("/admin/programs");
            assertThat(browser.mainText()).contains("Synthetic shelter program");
            browser.check("programs-list");
            // a change starts from the program as it is
            browser.follow("Change Synthetic shelter program");
            assertThat(browser.field("Name").getAttribute("value")).isEqualTo("Synthetic shelter program");
            browser.type("Capacity", "15").press("Change the program");
            assertThat(browser.mainText()).contains("Recorded: Change the program.");
            caughtUp("programs");
            browser.open("/admin/programs");
            browser.follow("Retire Synthetic shelter program");
            browser.type("Reason", "synthetic reason for a browser test").press("Retire the program");
            assertThat(browser.mainText()).contains("Recorded: Retire the program.");
            caughtUp("programs");
            browser.open("/admin/programs");
            assertThat(browser.mainText()).contains("retired").contains("15");

            browser.open("/admin");
            browser.follow("Projections");
            browser.check("projections");
            browser.press("Rebuild timeline");
            assertThat(browser.mainText()).contains("Rebuilding timeline.");
            assertThat(browser.field("Progress of timeline").getTagName()).isEqualTo("progress");
            browser.check("projections-rebuilding");
            browser.waitUntil(page -> page.mainText().contains("Every projection has caught up."),
                              Duration.ofSeconds(30));
            assertThat(browser.mainText()).contains("caught up").contains("(100 %)");
            // the fragment the script polls: the table alone, saying when there is nothing left to wait for
            browser.open("/admin/projections/progress");
            assertThat(browser.driver().getPageSource()).contains("data-poll-done").doesNotContain("<h1");
        }
    }
}
