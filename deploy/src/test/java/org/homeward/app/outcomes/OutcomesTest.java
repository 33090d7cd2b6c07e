package org.homeward.app.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homeward.app.support.SyntheticJourneys.milestone;
import static org.homeward.app.support.SyntheticJourneys.with;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.homeward.access.Role;
import org.homeward.app.support.Api;
import org.homeward.app.support.Api.Reply;
import org.homeward.app.support.HttpTest;
import org.homeward.app.support.SyntheticJourneys;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;

/**
 * Outcome figures as an evaluator reads them (JSON, CSV, chart, suppression, parameters), over synthetic cohorts
 * built through the API; every figure's value, and how each event moves it, is tested on the read side, given
 * events (query's {@code OutcomesProjectionTest}). Each test keeps to its own organisation, so the tests cannot see
 * each other's journeys. The application's clock stands on {@link #TODAY}, so figures "at 12 months" do not change
 * with the day the suite runs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Import(OutcomesTest.FixedClock.class)
class OutcomesTest extends HttpTest {

    static final LocalDate TODAY = LocalDate.of(2027, 6, 30);
    private static final LocalDate FIRST_INTAKE = LocalDate.of(2026, 1, 5);
    private static final String KNOWN = "org-known";

    @TestConfiguration
    static class FixedClock {

        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(TODAY.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        }
    }

    private final List<String> knownJourneys = new ArrayList<>();
    private String bakery;

    /**
     * 48 journeys of intake quarter 2026-Q1 in the bakery program: 25 complete it, 12 drop out, 11 are still in
     * it. Journey i completes on day 30 + 4i, so the 25 days to completion are 30, 34, ... 126. Journeys 0-11
     * start work on day 60 + 5i, 12-14 on day 250, and journey 0 stops on day 300. Journeys 0-19 find housing on
     * day 150, 0-10 get their residence regularised, every journey starts counselling on day i. Journeys 0-21 are
     * assessed twice; journeys 0-11 have one follow-up each: 9 done on the day, 2 late and 1 missed.
     */
    @BeforeAll
    void buildKnownCohort() {
        Api manager = as(Role.SUPERVISOR, "sv-known", KNOWN);
        bakery = program(KNOWN, "Bakery apprenticeship");
        for (int i = 0; i < 48; i++) {
            LocalDate intake = FIRST_INTAKE.plusDays(i);
            String journey = open(manager, KNOWN, intake, "FEMALE");
            knownJourneys.add(journey);
            record(manager, journey, "COUNSELLING_STARTED", intake.plusDays(i), Map.of());
            record(manager, journey, "TRAINING_ENROLLED", intake.plusDays(10), Map.of("programId", bakery));
            if (i < 25) {
                record(manager, journey, "TRAINING_COMPLETED", intake.plusDays(30 + 4 * i),
                       Map.of("programId", bakery));
            } else if (i < 37) {
                record(manager, journey, "TRAINING_DROPPED_OUT", intake.plusDays(40),
                       Map.of("programId", bakery, "outcome", Map.of("dropOutReason", "moved town")));
            }
            if (i < 12) {
                employ(manager, journey, intake.plusDays(60 + 5 * i));
            } else if (i < 15) {
                employ(manager, journey, intake.plusDays(250));
            }
            if (i == 0) {
                record(manager, journey, "EMPLOYMENT_ENDED", intake.plusDays(300), Map.of());
            }
            if (i < 20) {
                record(manager, journey, "HOUSING_SECURED", intake.plusDays(150), Map.of());
            }
            if (i < 11) {
                record(manager, journey, "RESIDENCE_STATUS_REGULARISED", intake.plusDays(120), Map.of());
            }
            if (i < 22) {
                assess(manager, journey, intake.plusDays(5), 2, 3, 1);
                assess(manager, journey, intake.plusDays(200), i < 11 ? 4 : 3, 3, 2);
            }
            if (i < 12) {
                LocalDate due = intake.plusDays(90);
                String followUp = post(manager, "/api/v1/journeys/" + journey + "/follow-ups",
                                       Map.of("dueOn", due.toString(), "purpose", "HOME_VISIT")).text("followUpId");
                String path = "/api/v1/journeys/" + journey + "/follow-ups/" + followUp;
                if (i < 9) {
                    post(manager, path + "/completion", Map.of("completedOn", due.toString()));
                } else if (i < 11) {
                    post(manager, path + "/completion", Map.of("completedOn", due.plusDays(3).toString()));
                } else {
                    post(manager, path + "/missed", Map.of("reason", "not at home"));
                }
            }
        }
        awaitCaughtUp("outcomes");
    }

    @Test
    void theKnownCohortsFiguresReachTheEvaluatorAsJson() {
        JsonNode outcomes = evaluator().get("/api/v1/outcomes?organisation=" + KNOWN).json();

        assertThat(outcomes.path("rows")).hasSize(1);
        JsonNode row = outcomes.path("rows").get(0);
        assertThat(row.path("cohort").asString()).isEqualTo("2026-Q1");
        assertThat(row.path("startsOn").asString()).isEqualTo("2026-01-01");
        assertThat(row.path("endsOn").asString()).isEqualTo("2026-03-31");
        assertThat(row.path("group").asString()).isEqualTo("all");
        assertThat(row.path("suppressed")).isEmpty();
        // every figure's value is proven on the read side, given the same cohort's events (query's
        // OutcomesProjectionTest); here: that they reach the evaluator as JSON numbers, and null where none is
        assertThat(number(row.path("figures").path("journeys"))).isEqualTo(48.0);
        assertThat(number(row.path("figures").path("completionRate"))).isEqualTo(0.5208);
        assertThat(number(row.path("figures").path("daysToTrainingCompleted.p75"))).isEqualTo(102.0);
        assertThat(number(row.path("figures").path("daysToShelterExit.median"))).isNull();
    }

    @Test
    void noAnswerNamesAJourneyOrAPerson() {
        String body = evaluator().get("/api/v1/outcomes?organisation=" + KNOWN + "&groupBy=gender").body()
                      + evaluator().get("/api/v1/outcomes?organisation=" + KNOWN,
                                        Map.of("Accept", "text/csv")).body()
                      + evaluator().get("/api/v1/outcomes/chart?organisation=" + KNOWN).body();

        knownJourneys.forEach(journey -> assertThat(body).doesNotContain(journey));
        assertThat(body).doesNotContain("cm-known", "sv-known", "moved town");
    }

    @Test
    void programFiguresCountOnlyItsJourneysAndAnUnknownProgramIsNotFound() {
        JsonNode row = evaluator().get("/api/v1/outcomes?program=" + bakery).json().path("rows").get(0);

        assertThat(row.path("figures").path("enrolled").asInt()).isEqualTo(48);
        assertThat(row.path("figures").path("completed").asInt()).isEqualTo(25);
        assertThat(evaluator().get("/api/v1/outcomes?program=" + UUID.randomUUID()).status())
                .isEqualTo(404);
    }

    @Test
    void csvHoldsTheSameFiguresAsJson() {
        Reply csv = evaluator().get("/api/v1/outcomes?organisation=" + KNOWN, Map.of("Accept", "text/csv"));
        JsonNode json = evaluator().get("/api/v1/outcomes?organisation=" + KNOWN).json();

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines).hasSize(2);
        List<String> header = Arrays.asList(lines[0].split(",", -1));
        List<String> cells = Arrays.asList(lines[1].split(",", -1));
        assertThat(cells).hasSameSizeAs(header);
        assertThat(header.subList(0, 4)).containsExactly("cohort", "startsOn", "endsOn", "group");
        assertThat(cells.subList(0, 4)).containsExactly("2026-Q1", "2026-01-01", "2026-03-31", "all");
        JsonNode figures = json.path("rows").get(0).path("figures");
        assertThat(header.subList(4, header.size())).containsExactlyElementsOf(figures.propertyNames());
        for (int column = 4; column < header.size(); column++) {
            JsonNode value = figures.path(header.get(column));
            Double fromCsv = cells.get(column).isEmpty() ? null : Double.valueOf(cells.get(column));
            assertThat(fromCsv).as(header.get(column)).isEqualTo(number(value));
        }
    }

    @Test
    void chartPlotsCompletionAndEmploymentPerCohort() throws Exception {
        Reply chart = evaluator().get("/api/v1/outcomes/chart?organisation=" + KNOWN);

        assertThat(chart.status()).isEqualTo(200);
        assertThat(chart.contentType()).startsWith("image/svg+xml");
        assertThat(chart.header("Content-Security-Policy")).startsWith("default-src 'none'");
        Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(chart.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(svg.getDocumentElement().getTagName()).isEqualTo("svg");
        Map<String, String> bars = bars(svg);
        assertThat(bars).containsEntry("completionRate 2026-Q1 all", "0.5208")
                        .containsEntry("at6Months.employedRate 2026-Q1 all", "0.25");
        assertThat(chart.body()).contains("52.1%", "25%");
    }

    /** A cell of 10 journeys is withheld and one of 11 is shown; zero describes no one and is shown. */
    @Test
    void countsBelowTheThresholdAreWithheld() {
        String organisation = "org-threshold";
        Api manager = as(Role.SUPERVISOR, "sv-threshold", organisation);
        for (int i = 0; i < 21; i++) {
            open(manager, organisation, LocalDate.of(2026, i < 10 ? 4 : 5, 1 + i), "FEMALE");
        }
        awaitCaughtUp("outcomes");

        JsonNode rows = evaluator().get("/api/v1/outcomes?cohort=month&organisation=" + organisation).json()
                                   .path("rows");

        assertThat(rows).hasSize(2);
        JsonNode april = rows.get(0);
        assertThat(april.path("cohort").asString()).isEqualTo("2026-04");
        assertThat(april.path("figures").path("journeys").isNull()).isTrue();
        assertThat(april.path("figures").path("at6Months.journeys").isNull()).isTrue();
        assertThat(texts(april.path("suppressed"))).contains("journeys", "at6Months.journeys")
                                                  .doesNotContain("completionRate");
        assertThat(april.path("figures").path("enrolled").asInt(-1)).isZero();
        JsonNode may = rows.get(1);
        assertThat(may.path("figures").path("journeys").asInt()).isEqualTo(11);
        assertThat(may.path("suppressed")).isEmpty();
        assertThat(evaluator().get("/api/v1/outcomes?cohort=month&organisation=" + organisation,
                                   Map.of("Accept", "text/csv")).body())
                .contains("2026-04,2026-04-01,2026-04-30,all,suppressed,0,");
    }

    /** With 20 women and 5 men, the men's cell is withheld, and so is the women's, or total minus it would tell. */
    @Test
    void aSmallGroupCannotBeRecoveredFromTheTotal() {
        String organisation = "org-groups";
        Api manager = as(Role.SUPERVISOR, "sv-groups", organisation);
        for (int i = 0; i < 25; i++) {
            open(manager, organisation, LocalDate.of(2026, 7, 1 + i), i < 20 ? "FEMALE" : "MALE");
        }
        awaitCaughtUp("outcomes");

        JsonNode rows = evaluator().get("/api/v1/outcomes?groupBy=gender&organisation=" + organisation).json()
                                   .path("rows");

        assertThat(rows.valueStream().map(row -> row.path("group").asString())).containsExactly("all", "FEMALE",
                                                                                                   "MALE");
        assertThat(rows.get(0).path("figures").path("journeys").asInt()).isEqualTo(25);
        assertThat(rows.get(1).path("figures").path("journeys").isNull()).isTrue();
        assertThat(rows.get(2).path("figures").path("journeys").isNull()).isTrue();
        assertThat(texts(rows.get(1).path("suppressed"))).contains("journeys");
        assertThat(texts(rows.get(2).path("suppressed"))).contains("journeys");
    }

    @Test
    void erasingAPersonLeavesTheFiguresAsTheyWere() {
        String before = evaluator().get("/api/v1/outcomes?organisation=" + KNOWN).body();

        post(as(Role.SUPERVISOR, "sv-known", KNOWN), "/api/v1/journeys/" + knownJourneys.get(3) + "/erasure",
             Map.of("requestedOn", TODAY.toString()));
        awaitCaughtUp("outcomes");

        assertThat(evaluator().get("/api/v1/outcomes?organisation=" + KNOWN).body()).isEqualTo(before);
    }

    /**
     * Eleven alike journeys whose people consented to research are exported as recorded; a man alone in their
     * month is withheld whole, and a journey without research consent is not exported. The exact generalisation
     * of every cell is tested on the read side, given events (query's {@code JourneyExportTest}).
     */
    @Test
    void theExportHoldsResearchConsentingJourneysInGroupsOfAtLeastK() {
        String organisation = "org-export";
        Api manager = as(Role.SUPERVISOR, "sv-export", organisation);
        List<String> journeys = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Map<String, Object> body = with(SyntheticJourneys.intake(organisation, "cm-export"),
                                            "intakeDate", LocalDate.of(2026, 10, 1 + i).toString());
            body = with(body, "profile", Map.of("ageBand", "FROM_18_TO_24", "gender", i < 11 ? "FEMALE" : "MALE",
                                                "nationality", "MD", "formOfExploitation", "FORCED_LABOUR"));
            body = with(body, "consentGiven", List.of("CASE_MANAGEMENT", "PROGRAM_EVALUATION", "RESEARCH"));
            journeys.add(post(manager, "/api/v1/journeys", body).text("journeyId"));
        }
        journeys.add(open(manager, organisation, LocalDate.of(2026, 10, 20), "FEMALE"));
        post(manager, "/api/v1/journeys/" + journeys.get(0) + "/milestones",
             milestone("HOUSING_SECURED", LocalDate.of(2026, 12, 2), "a flat above the bakery"));
        awaitCaughtUp("outcomes");

        Reply json = evaluator().get("/api/v1/outcomes/export?organisation=" + organisation);
        Reply csv = evaluator().get("/api/v1/outcomes/export?organisation=" + organisation,
                                    Map.of("Accept", "text/csv"));

        assertThat(json.status()).isEqualTo(200);
        JsonNode export = json.json();
        assertThat(export.path("suppressionThreshold").asInt()).isEqualTo(11);
        assertThat(export.path("journeys")).hasSize(11);
        export.path("journeys").forEach(journey -> {
            assertThat(journey.path("prs_Gender").asString()).isEqualTo("FEMALE");
            assertThat(journey.path("prs_Citizenship").asString()).isEqualTo("MD");
            assertThat(journey.path("intakeMonth").asString()).isEqualTo("2026-10");
            assertThat(journey.path("generalised")).isEmpty();
        });
        assertThat(export.path("journeys").valueStream().mapToInt(journey -> journey.path("milestones").size()))
                .containsExactlyInAnyOrder(1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        assertThat(csv.contentType()).startsWith("text/csv");
        // each export draws its own case references, so the CSV's are not the JSON's
        assertThat(csv.body().split("\r\n")).hasSize(1 + 11)
                .filteredOn(line -> line.contains("HOUSING_SECURED")).singleElement().asString()
                .matches("[0-9a-f]{16},FROM_18_TO_24,FEMALE,MD,FORCED_LABOUR,2026-10,,HOUSING_SECURED,2,,");
        journeys.forEach(journey -> assertThat(json.body() + csv.body()).doesNotContain(journey));
        assertThat(json.body() + csv.body()).doesNotContain("cm-export", "sv-export", "bakery", ",MALE,",
                                                                  "\"MALE\"");
        Reply refused = evaluator().get("/api/v1/outcomes/export?cohort=month");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo("query");
    }

    @Test
    void definitionsExplainEveryFigure() {
        JsonNode definitions = evaluator().get("/api/v1/outcomes/definitions").json();
        JsonNode row = evaluator().get("/api/v1/outcomes?organisation=" + KNOWN).json().path("rows").get(0);

        assertThat(definitions.path("suppressionThreshold").asInt()).isEqualTo(11);
        assertThat(definitions.path("suppression").asString()).contains("Complementary suppression");
        assertThat(definitions.path("figures").valueStream().map(f -> f.path("name").asString()))
                .containsExactlyElementsOf(row.path("figures").propertyNames());
        definitions.path("figures").forEach(f -> assertThat(f.path("definition").asString()).isNotBlank());
    }

    @Test
    void badParametersAreNamed() {
        Reply reply = evaluator().get("/api/v1/outcomes?cohort=week&from=2026-13-01&groupBy=nationality"
                                      + "&colour=crimson");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().path("errors").valueStream().map(e -> e.path("field").asString()))
                .containsExactlyInAnyOrder("query", "cohort", "groupBy", "from");
        assertThat(reply.body()).doesNotContain("week", "2026-13-01", "nationality\"", "crimson", "colour");
    }

    private Api evaluator() {
        return as(Role.EVALUATOR, "ev-test", "org-funder");
    }

    private String program(String organisationId, String name) {
        return post(as(Role.ADMINISTRATOR, "admin-" + organisationId, organisationId), "/api/v1/programs",
                    Map.of("organisationId", organisationId, "name", name, "kind", "VOCATIONAL_TRAINING"))
                .text("programId");
    }

    private String open(Api manager, String organisationId, LocalDate intake, String gender) {
        Map<String, Object> body = with(SyntheticJourneys.intake(organisationId, "cm-" + organisationId.substring(4)),
                                        "intakeDate", intake.toString());
        body = with(body, "profile", Map.of("ageBand", "FROM_18_TO_24", "gender", gender, "nationality", "MD",
                                            "formOfExploitation", "FORCED_LABOUR"));
        return post(manager, "/api/v1/journeys", body).text("journeyId");
    }

    private String record(Api manager, String journey, String type, LocalDate on, Map<String, Object> extra) {
        Map<String, Object> body = milestone(type, on, null);
        for (Map.Entry<String, Object> field : extra.entrySet()) {
            body = with(body, field.getKey(), field.getValue());
        }
        return post(manager, "/api/v1/journeys/" + journey + "/milestones", body).text("milestoneId");
    }

    private String employ(Api manager, String journey, LocalDate on) {
        return record(manager, journey, "EMPLOYMENT_STARTED", on,
                      Map.of("outcome", Map.of("employmentSector", "MANUFACTURING", "regularIncome", true)));
    }

    private void assess(Api manager, String journey, LocalDate on, int economic, int social, int psychosocial) {
        post(manager, "/api/v1/journeys/" + journey + "/assessments",
             Map.of("assessedOn", on.toString(), "assessorId", "cm-known",
                    "scores", Map.of("economic", economic, "social", social, "psychosocial", psychosocial)));
    }

    private static Reply post(Api api, String path, Object body) {
        Reply reply = api.post(path, body);
        assertThat(reply.status()).as(path + " answered " + reply.body()).isIn(200, 201);
        return reply;
    }


    /** The named figures of the one cohort of an organisation's journeys. */
    private static Double number(JsonNode value) {
        return value.isNull() || value.isMissingNode() ? null : value.asDouble();
    }

    private static List<String> texts(JsonNode list) {
        return list.valueStream().map(JsonNode::asString).toList();
    }

    /** Each plotted bar's value, by series, cohort and group. */
    private static Map<String, String> bars(Document svg) {
        Map<String, String> bars = new LinkedHashMap<>();
        NodeList rects = svg.getElementsByTagName("rect");
        for (int i = 0; i < rects.getLength(); i++) {
            Element rect = (Element) rects.item(i);
            if (rect.hasAttribute("data-series")) {
                bars.put(rect.getAttribute("data-series") + " " + rect.getAttribute("data-cohort") + " "
                         + rect.getAttribute("data-group"),
                         rect.hasAttribute("data-value") ? rect.getAttribute("data-value") : "suppressed");
            }
        }
        return bars;
    }
}
