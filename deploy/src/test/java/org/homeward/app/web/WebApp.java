package org.homeward.app.web;

import java.util.Locale;
import java.util.Map;
import org.homeward.access.Role;
import org.homeward.app.support.Api;
import org.homeward.app.web.signin.PersonAccounts;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The running application as a browser story sees it. Each user's story is an interface of {@code @Test} default
 * methods extending this one, which {@link WebAppTest} implements: every story then runs against one application
 * start (and its own database), each in its own organisation's journeys and its own browser profile.
 */
public interface WebApp {

    String PASSWORD = "synthetic password for tests";
    String ORGANISATION = "org-web";

    /** The synthetic account of each role in {@link #ORGANISATION}: {@code web-case_manager} and so on. */
    static String user(Role role) {
        return "web-" + role.name().toLowerCase(Locale.ROOT);
    }

    int appPort();

    /** The API as the synthetic person of that role sees it, to set up what a story starts from. */
    Api apiAs(Role role);

    /** The API as any synthetic member of staff sees it. */
    Api apiAs(Role role, String userId, String organisationId);

    /** Opens a synthetic journey of {@link #ORGANISATION}, for its case manager, as its supervisor; its id. */
    String openJourney();

    String openJourneyHere(Map<String, Object> intake);

    long storedEvents();

    JdbcTemplate jdbc();

    PersonAccounts accounts();

    /** Waits until the named projections are not rebuilding and have applied every stored event. */
    void caughtUp(String... projections);

    /** A fresh browser, with or without JavaScript, for this application. */
    default Browser browser(boolean javascript) {
        return Browser.start(appPort(), javascript);
    }
}
