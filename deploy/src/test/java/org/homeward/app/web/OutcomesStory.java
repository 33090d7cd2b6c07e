package org.homeward.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.stream.Collectors;
import org.homeward.access.Role;
import org.homeward.app.support.SyntheticJourneys;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/** The evaluator's story: outcome figures filtered, a small cell withheld and said so, definitions, chart and CSV. */
public interface OutcomesStory extends WebApp {

    /**
     * Eleven journeys of intake year 2021, two of them with their residence regularised: the eleven are shown,
     * the two are withheld (below k = 11). No other story opens journeys that old, so the 2021 cohort is this
     * one's; their case manager is one of their own, so no other story's caseload sees them.
     */
    @Test
    default void anEvaluatorReadsTheFiguresOfACohortWithASmallCellWithheld() throws Exception {
        for (int i = 0; i < 11; i++) {
            String journey = openJourneyHere(SyntheticJourneys.with(
                    SyntheticJourneys.intake(ORGANISATION, "web-outcomes-cm"), "intakeDate",
                    LocalDate.of(2021, 2, 1 + i).toString()));
            if (i < 2) {
                assertThat(apiAs(Role.SUPERVISOR).post("/api/v1/journeys/" + journey + "/milestones",
                        SyntheticJourneys.milestone("RESIDENCE_STATUS_REGULARISED", LocalDate.of(2021, 6, 1), null))
                        .status()).isEqualTo(201);
            }
        }
        caughtUp("outcomes");

        try (Browser browser = browser(true)) {
            browser.signIn(WebApp.user(Role.EVALUATOR), PASSWORD);
            assertThat(browser.path()).startsWith("/outcomes");
            browser.type("Organisation id", ORGANISATION).choose("Group intakes by", "year")
                   .type("Intake from", "2021-01-01").type("Intake to", "2021-12-31").press("Show figures");
            assertThat(browser.mainText()).contains("Cohort 2021 (intakes 2021-01-01 to 2021-12-31)");
            assertThat(cell(browser, "Journeys")).isEqualTo("11");
            assertThat(cell(browser, "Residence regularised")).isEqualTo("withheld");
            assertThat(browser.mainText()).contains("fewer than 11 journeys stand behind it")
                                          .contains("complementary suppression");
            WebElement chart = browser.driver().findElement(By.cssSelector("img.chart"));
            assertThat(chart.getAttribute("alt")).contains("Bar chart");
            assertThat(((JavascriptExecutor) browser.driver()).executeScript("return arguments[0].naturalWidth",
                                                                              chart)).isNotEqualTo(0L);
            browser.check("outcomes");

            // the CSV link answers a file of the same figures, with the withheld cell written as such
            String csvAddress = browser.driver().findElement(By.linkText("Download these figures as CSV"))
                                       .getAttribute("href");
            String cookies = browser.driver().manage().getCookies().stream()
                                    .map(cookie -> cookie.getName() + "=" + cookie.getValue())
                                    .collect(Collectors.joining("; "));
            HttpResponse<String> csv = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(csvAddress)).header("Cookie", cookies).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(csv.statusCode()).isEqualTo(200);
            assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
            assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
            assertThat(csv.body()).startsWith("cohort,startsOn,endsOn,group,journeys")
                                  .contains("2021,2021-01-01,2021-12-31,all,11,").contains("suppressed");

            browser.follow("What each figure means, and why some are withheld");
            assertThat(browser.path()).isEqualTo("/outcomes/definitions");
            assertThat(browser.mainText()).contains("Complementary suppression").contains("Residence regularised");
            browser.check("outcome-definitions");
        }
    }

    /** The text of a figure's cell in the first column of groups (all journeys). */
    private static String cell(Browser browser, String figure) {
        return browser.driver().findElement(By.xpath("//tr[th[normalize-space(.)='" + figure + "']]/td[1]"))
                      .getText().strip();
    }
}
