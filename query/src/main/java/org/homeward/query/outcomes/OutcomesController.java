package org.homeward.query.outcomes;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Parameters;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.homeward.access.Ids;
import org.homeward.outcome.Breakdown;
import org.homeward.outcome.CohortPeriod;
import org.homeward.outcome.FindJourneyExport;
import org.homeward.outcome.FindOutcomes;
import org.homeward.outcome.FindReferralFigures;
import org.homeward.outcome.JourneyExport;
import org.homeward.outcome.Outcomes;
import org.homeward.outcome.ReferralFigures;
import org.homeward.query.Answers;
import org.homeward.query.QuerySettings;
import org.homeward.refusal.InvalidRequestException;
import org.homeward.refusal.Refusal.Field;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Outcome figures for evaluators: JSON, the same as CSV ({@code Accept: text/csv}), a chart (SVG) and the
 * definition of every figure. No answer carries a journey id, a person's field or a count below the threshold.
 *
 * <p>Parameters: {@code program} (a program id), {@code organisation}, {@code cohort} ({@code month},
 * {@code quarter} (the default) or {@code year}), {@code from} and {@code to} (dates; whole cohorts from the one
 * holding {@code from} to the one holding {@code to}), {@code groupBy} ({@code ageBand}, {@code gender} or
 * {@code formOfExploitation}). An unknown parameter is refused rather than ignored, so a mistyped one is never
 * mistaken for an answer to the question meant.
 *
 * <p>The export ({@code /export}) takes {@code program}, {@code organisation}, {@code from} and {@code to} (whole
 * intake months); it is journey-level, so it holds only journeys whose person also consented to research
 * (docs/export.md).
 */
@RestController
@Tag(name = "outcomes")
@RequestMapping("/api/v1/outcomes")
class OutcomesController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    static final String SVG = "image/svg+xml";

    private static final Set<String> PARAMETERS = Set.of("program", "organisation", "cohort", "from", "to", "groupBy");
    private static final Set<String> EXPORT_PARAMETERS = Set.of("program", "organisation", "from", "to");
    private static final Set<String> REFERRAL_PARAMETERS = Set.of("organisation", "from", "to");

    @Schema(name = "OutcomeDefinition")
    record Definition(String name, String unit, String definition) {
    }

    /** @param suppressionThreshold the k in force */
    @Schema(name = "OutcomeDefinitions")
    record Definitions(String population, String percentiles, String suppression, int suppressionThreshold,
                       List<Definition> figures) {
    }

    private final QueryGateway queries;
    private final Definitions definitions;

    OutcomesController(QueryGateway queries, QuerySettings settings) {
        this.queries = queries;
        this.definitions = new Definitions(OutcomeFigures.POPULATION, OutcomeFigures.PERCENTILES,
                                           OutcomeFigures.SUPPRESSION,
                                           settings.outcomes().suppressionThreshold(),
                                           OutcomeFigures.ALL.stream()
                                                   .map(f -> new Definition(f.name(), f.unit(), f.definition()))
                                                   .toList());
    }

    @Operation(operationId = "outcomes",
               summary = "Outcome figures per intake cohort, as JSON rows or (Accept: text/csv) a CSV table")
    @OutcomeParameters
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    Outcomes outcomes(@Parameter(hidden = true) @RequestParam Map<String, String> parameters) {
        return ask(parameters);
    }

    @Operation(operationId = "outcomes",
               summary = "Outcome figures per intake cohort, as JSON rows or (Accept: text/csv) a CSV table")
    @OutcomeParameters
    @GetMapping(produces = "text/csv")
    ResponseEntity<String> outcomesAsCsv(@Parameter(hidden = true) @RequestParam Map<String, String> parameters) {
        return ResponseEntity.ok()
                             .contentType(CSV)
                             .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"outcomes.csv\"")
                             .body(OutcomesCsv.write(ask(parameters)));
    }

    /**
     * Completion and 6-month employment rates per cohort (and group), ready to paste into a report. Opened on its
     * own in a browser an SVG is a document that could run script: the policy allows it nothing but its own
     * inline styles.
     */
    @Operation(summary = "Completion and 6-month employment rates per cohort as an SVG bar chart")
    @OutcomeParameters
    @GetMapping(value = "/chart", produces = SVG)
    ResponseEntity<String> chart(@Parameter(hidden = true) @RequestParam Map<String, String> parameters) {
        return ResponseEntity.ok()
                             .contentType(MediaType.parseMediaType(SVG))
                             .header("Content-Security-Policy",
                                     "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'")
                             .body(OutcomesChart.draw(ask(parameters)));
    }

    @Operation(operationId = "journeyExport",
               summary = "De-identified journeys and milestones, field names after HTCDS, as JSON or (Accept: "
                         + "text/csv) one CSV line per milestone")
    @ExportParameters
    @GetMapping(value = "/export", produces = MediaType.APPLICATION_JSON_VALUE)
    JourneyExport export(@Parameter(hidden = true) @RequestParam Map<String, String> parameters) {
        return Answers.ask(queries, findExport(parameters), ResponseTypes.instanceOf(JourneyExport.class));
    }

    @Operation(operationId = "journeyExport",
               summary = "De-identified journeys and milestones, field names after HTCDS, as JSON or (Accept: "
                         + "text/csv) one CSV line per milestone")
    @ExportParameters
    @GetMapping(value = "/export", produces = "text/csv")
    ResponseEntity<String> exportAsCsv(@Parameter(hidden = true) @RequestParam Map<String, String> parameters) {
        return ResponseEntity.ok()
                             .contentType(CSV)
                             .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"journeys.csv\"")
                             .body(OutcomesCsv.write(export(parameters)));
    }

    @Operation(operationId = "referralFigures",
               summary = "Referrals made, accepted and completed, and median days to acceptance and completion:"
                         + " in all, per service and per partner organisation")
    @Parameters({
            @Parameter(name = "organisation", in = ParameterIn.QUERY,
                       description = "Only referrals of journeys this organisation holds now",
                       schema = @Schema(type = "string", pattern = "^[A-Za-z0-9][A-Za-z0-9._:@-]{0,63}$")),
            @Parameter(name = "from", in = ParameterIn.QUERY, description = "Referrals made on or after this date",
                       schema = @Schema(type = "string", format = "date")),
            @Parameter(name = "to", in = ParameterIn.QUERY, description = "Referrals made on or before this date",
                       schema = @Schema(type = "string", format = "date"))
    })
    @GetMapping(value = "/referrals", produces = MediaType.APPLICATION_JSON_VALUE)
    ReferralFigures referrals(@Parameter(hidden = true) @RequestParam Map<String, String> parameters) {
        return Answers.ask(queries, findReferrals(parameters), ResponseTypes.instanceOf(ReferralFigures.class));
    }

    @Operation(summary = "Every outcome figure: its unit and how it is computed")
    @GetMapping("/definitions")
    Definitions definitions() {
        return definitions;
    }

    private Outcomes ask(Map<String, String> parameters) {
        return Answers.ask(queries, find(parameters), ResponseTypes.instanceOf(Outcomes.class));
    }

    /** @throws InvalidRequestException naming every bad parameter at once */
    static FindOutcomes find(Map<String, String> parameters) {
        List<Field> errors = new ArrayList<>();
        Filters filters = filters(parameters, PARAMETERS, errors);
        CohortPeriod cohort = word(parameters, "cohort", CohortPeriod.values(), CohortPeriod::parameter, errors);
        Breakdown groupBy = word(parameters, "groupBy", Breakdown.values(), Breakdown::parameter, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new FindOutcomes(filters.program(), filters.organisation(),
                                cohort == null ? CohortPeriod.QUARTER : cohort, filters.from(), filters.to(), groupBy);
    }

    /** @throws InvalidRequestException naming every bad parameter at once */
    static FindJourneyExport findExport(Map<String, String> parameters) {
        List<Field> errors = new ArrayList<>();
        Filters filters = filters(parameters, EXPORT_PARAMETERS, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new FindJourneyExport(filters.program(), filters.organisation(), filters.from(), filters.to());
    }

    /** @throws InvalidRequestException naming every bad parameter at once */
    static FindReferralFigures findReferrals(Map<String, String> parameters) {
        List<Field> errors = new ArrayList<>();
        Filters filters = filters(parameters, REFERRAL_PARAMETERS, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new FindReferralFigures(filters.organisation(), filters.from(), filters.to());
    }

    /** Which journeys a question is about; a field is null when not asked or, with an error, bad. */
    private record Filters(UUID program, String organisation, LocalDate from, LocalDate to) {
    }

    private static Filters filters(Map<String, String> parameters, Set<String> known, List<Field> errors) {
        if (!known.containsAll(parameters.keySet())) {
            // named as "query": an unknown name is the client's invention, and may be anything it typed
            errors.add(error("query", "has a parameter that is not part of this request; its parameters are "
                                      + known.stream().sorted().toList()));
        }

        UUID program = null;
        if (parameters.containsKey("program")) {
            try {
                program = UUID.fromString(parameters.get("program"));
            } catch (IllegalArgumentException e) {
                errors.add(error("program", "must be a UUID"));
            }
        }
        String organisation = parameters.get("organisation");
        if (organisation != null && !organisation.matches(Ids.ID)) {
            errors.add(error("organisation", Ids.ID_RULE));
        }
        LocalDate from = date(parameters, "from", errors);
        LocalDate to = date(parameters, "to", errors);
        if (from != null && to != null && from.isAfter(to)) {
            errors.add(error("from", "must not be after to"));
        }
        return new Filters(program, organisation, from, to);
    }

    /** The value whose word the parameter names, ignoring case; null when absent or, with an error, unknown. */
    private static <T> T word(Map<String, String> parameters, String name, T[] values, Function<T, String> word,
                              List<Field> errors) {
        if (!parameters.containsKey(name)) {
            return null;
        }
        for (T value : values) {
            if (word.apply(value).equalsIgnoreCase(parameters.get(name))) {
                return value;
            }
        }
        errors.add(error(name, "must be one of " + Arrays.stream(values).map(word).toList()));
        return null;
    }

    private static LocalDate date(Map<String, String> parameters, String name, List<Field> errors) {
        if (!parameters.containsKey(name)) {
            return null;
        }
        try {
            // four-digit years only: ISO 8601 without the expanded years that PostgreSQL cannot store
            if (!parameters.get(name).matches("\\d{4}-\\d{2}-\\d{2}")) {
                throw new DateTimeParseException("not YYYY-MM-DD", parameters.get(name), 0);
            }
            return LocalDate.parse(parameters.get(name));
        } catch (DateTimeParseException e) {
            errors.add(error(name, "must be a date written as YYYY-MM-DD"));
            return null;
        }
    }

    private static Field error(String field, String reason) {
        return new Field(field, reason);
    }
}
