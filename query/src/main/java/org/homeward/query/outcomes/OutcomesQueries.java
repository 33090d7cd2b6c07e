package org.homeward.query.outcomes;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.axonframework.queryhandling.QueryHandler;
import org.homeward.journey.Profile;
import org.homeward.outcome.Breakdown;
import org.homeward.outcome.FindOutcomes;
import org.homeward.outcome.Outcomes;
import org.homeward.query.QuerySettings;
import org.homeward.query.outcomes.OutcomeFigures.Figure;
import org.homeward.query.outcomes.OutcomeFigures.Line;
import org.homeward.query.outcomes.Suppression.Cell;
import org.homeward.query.outcomes.Suppression.Sum;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Answers outcome queries with one aggregate statement over the journeys' facts (a cohort's total and its groups
 * in one pass, through grouping sets), then withholds what could single out fewer than k journeys, one cohort's
 * table at a time.
 */
@Component
class OutcomesQueries {

    /** Who counts: a journey whose consent for program evaluation is in force now (the export adds research). */
    static final String COUNTED = "j.evaluation_consent";

    private static final String SELECT_FIGURES = OutcomeFigures.ALL.stream()
            .map(figure -> figure.sql() + " as \"" + figure.name() + "\"")
            .collect(Collectors.joining(",\n       "));

    private final JdbcTemplate jdbc;
    private final JdbcClient sql;
    private final Clock clock;
    private final int threshold;

    OutcomesQueries(JdbcTemplate primary, Optional<OutcomesReplica> replica, Clock clock, QuerySettings settings) {
        this.jdbc = replica.map(OutcomesReplica::jdbc).orElse(primary);
        this.sql = JdbcClient.create(jdbc);
        this.clock = clock;
        this.threshold = settings.outcomes().suppressionThreshold();
    }

    /** One cohort's total (group null) or one of its groups, as the statement answered it. */
    private record Tally(LocalDate cohortStart, String group, Map<String, Number> values) {
    }

    /** @throws UnknownProgramException when a program is asked that was never defined */
    @QueryHandler
    Outcomes handle(FindOutcomes query) {
        if (query.programId() != null
            && jdbc.queryForList("select 1 from outcomes_program where program_id = ?", query.programId()).isEmpty()) {
            throw new UnknownProgramException();
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate from = query.from() == null ? null : Cohorts.start(query.cohort(), query.from());
        LocalDate to = query.to() == null ? null : Cohorts.end(query.cohort(), query.to());

        // a null from, to or organisation is "no bound"; the program is named in the statement only when asked
        List<Tally> tallies = sql.sql(statement(query))
                                 .param("today", today)
                                 .param("program", query.programId())
                                 .param("from", from)
                                 .param("to", to)
                                 .param("organisation", query.organisationId())
                                 .query((rs, row) -> tally(rs))
                                 .list();

        Map<LocalDate, List<Tally>> byCohort = tallies.stream().collect(
                Collectors.groupingBy(Tally::cohortStart, TreeMap::new, Collectors.toList()));
        List<Outcomes.Row> rows = new ArrayList<>();
        byCohort.forEach((start, cohort) -> rows.addAll(publish(query, start, ordered(query.groupBy(), cohort))));
        return new Outcomes(query.programId(), query.organisationId(), query.cohort().parameter(), from, to,
                            query.groupBy() == null ? null : query.groupBy().parameter(), threshold, today, rows);
    }

    /**
     * The journeys counted ({@code population}) with what the figures read, then every figure per cohort, and
     * per cohort and group when a breakdown is asked. Only names from fixed lists are written into the SQL.
     */
    private static String statement(FindOutcomes query) {
        boolean program = query.programId() != null;
        String group = query.groupBy() == null ? "null" : "j." + column(query.groupBy());
        return """
               with population as (
                   select j.*,
                          date_trunc('%s', j.intake_date)::date as cohort_start,
                          %s as grp,
                          j.six_months_on <= :today as reached_6_months,
                          j.twelve_months_on <= :today as reached_12_months,
                          j.follow_ups_resolved + coalesce(overdue.follow_ups, 0) as follow_ups_due,
                          %s as outcome,
                          %s as days_to_training
                   from outcomes_journey j
                   left join (select journey_id, count(*) as follow_ups from outcomes_follow_up
                              where due_on < :today group by journey_id) overdue on overdue.journey_id = j.journey_id
                   %s
                   where %s
                     and (cast(:from as date) is null or j.intake_date >= :from)
                     and (cast(:to as date) is null or j.intake_date <= :to)
                     and (cast(:organisation as text) is null or j.organisation_id = :organisation)
               )
               select cohort_start, %s as grp,
                      %s
               from population
               group by %s
               """.formatted(Cohorts.truncation(query.cohort()), group,
                             program ? "p.outcome" : "j.program_outcome",
                             program ? "p.days_to_training_completed" : "j.days_to_training_completed",
                             program ? "join outcomes_journey_program p on p.journey_id = j.journey_id"
                                       + " and p.program_id = :program" : "",
                             COUNTED,
                             query.groupBy() == null ? "null" : "grp",
                             SELECT_FIGURES,
                             query.groupBy() == null ? "cohort_start"
                                                     : "grouping sets ((cohort_start), (cohort_start, grp))");
    }

    private static String column(Breakdown breakdown) {
        return switch (breakdown) {
            case AGE_BAND -> "age_band";
            case GENDER -> "gender";
            case FORM_OF_EXPLOITATION -> "form_of_exploitation";
        };
    }

    private static Tally tally(ResultSet rs) throws SQLException {
        Map<String, Number> values = new HashMap<>();
        for (Figure figure : OutcomeFigures.ALL) {
            values.put(figure.name(), number(rs.getObject(figure.name())));
        }
        return new Tally(rs.getObject("cohort_start", LocalDate.class), rs.getString("grp"), values);
    }

    /** Whole numbers as Long, the rest (already rounded in SQL) as Double, so JSON and CSV print them plainly. */
    private static Number number(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.doubleValue();
        }
        return ((Number) value).longValue();
    }

    /** The total first, then the groups in the order their profile field lists its values. */
    private static List<Tally> ordered(Breakdown breakdown, List<Tally> cohort) {
        if (breakdown == null) {
            return cohort;
        }
        Class<? extends Enum<?>> values = switch (breakdown) {
            case AGE_BAND -> Profile.AgeBand.class;
            case GENDER -> Profile.Gender.class;
            case FORM_OF_EXPLOITATION -> Profile.FormOfExploitation.class;
        };
        List<String> order = Arrays.stream(values.getEnumConstants()).map(Enum::name).toList();
        return cohort.stream()
                     .sorted(Comparator.comparingInt(t -> t.group() == null ? -1 : order.indexOf(t.group())))
                     .toList();
    }

    /** One cohort's rows with every figure that could single out fewer than k journeys withheld. */
    private List<Outcomes.Row> publish(FindOutcomes query, LocalDate start, List<Tally> cohort) {
        Map<Cell, Long> counts = new HashMap<>();
        List<Sum> sums = new ArrayList<>();
        for (int row = 0; row < cohort.size(); row++) {
            Map<String, Number> values = cohort.get(row).values();
            for (Figure figure : OutcomeFigures.counts()) {
                counts.put(new Cell(row, figure.name()), values.get(figure.name()).longValue());
            }
            for (Line line : OutcomeFigures.LINES) {
                if (line.rest() != null) {
                    long parts = line.parts().stream().mapToLong(part -> values.get(part).longValue()).sum();
                    counts.put(new Cell(row, line.rest()), values.get(line.total()).longValue() - parts);
                }
                int r = row;
                sums.add(new Sum(new Cell(row, line.total()),
                                 line.all().stream().map(name -> new Cell(r, name)).toList()));
            }
        }
        // the groups of a cohort add up to its total row, figure by figure, unseen counts included
        if (cohort.size() > 1) {
            Set<String> countNames = counts.keySet().stream().map(Cell::figure).collect(Collectors.toSet());
            for (String name : countNames) {
                List<Cell> groups = new ArrayList<>();
                for (int row = 1; row < cohort.size(); row++) {
                    groups.add(new Cell(row, name));
                }
                sums.add(new Sum(new Cell(0, name), groups));
            }
        }
        Set<Cell> withheld = Suppression.withheld(counts, sums, threshold);

        List<Outcomes.Row> rows = new ArrayList<>();
        for (int row = 0; row < cohort.size(); row++) {
            Tally tally = cohort.get(row);
            Map<String, Number> figures = new LinkedHashMap<>();
            List<String> suppressed = new ArrayList<>();
            for (Figure figure : OutcomeFigures.ALL) {
                int r = row;
                if (figure.basis().stream().anyMatch(basis -> withheld.contains(new Cell(r, basis)))) {
                    figures.put(figure.name(), null);
                    suppressed.add(figure.name());
                } else {
                    figures.put(figure.name(), tally.values().get(figure.name()));
                }
            }
            rows.add(new Outcomes.Row(Cohorts.label(query.cohort(), start), start, Cohorts.end(query.cohort(), start),
                                      tally.group() == null ? Outcomes.ALL : tally.group(), figures, suppressed));
        }
        return rows;
    }
}
