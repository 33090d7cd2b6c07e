package org.homeward.query.outcomes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.queryhandling.QueryHandler;
import org.homeward.journey.ReferralService;
import org.homeward.outcome.FindReferralFigures;
import org.homeward.outcome.ReferralFigures;
import org.homeward.query.QuerySettings;
import org.homeward.query.outcomes.Suppression.Cell;
import org.homeward.query.outcomes.Suppression.Sum;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Answers referral figures with one aggregate statement (the total, per service and per partner, through grouping
 * sets) over the referrals of the journeys counted in outcome figures ({@link OutcomesQueries#COUNTED}), then
 * withholds small cells as the outcome figures do ({@link Suppression}). A count of referrals is withheld also when
 * fewer than k journeys stand behind it: eleven referrals of one person to a rare partner would single her out.
 */
@Component
class ReferralQueries {

    static final String MADE = "made";
    static final String ACCEPTED = "accepted";
    static final String COMPLETED = "completed";
    static final String MEDIAN_TO_ACCEPTANCE = "medianDaysToAcceptance";
    static final String MEDIAN_TO_COMPLETION = "medianDaysToCompletion";
    // the rest of each line, never shown but worked out from the others: made = accepted + not accepted, ...
    private static final String NOT_ACCEPTED = "notAccepted";
    private static final String NOT_COMPLETED = "notCompleted";

    private final JdbcClient sql;
    private final int threshold;

    ReferralQueries(JdbcTemplate primary, Optional<OutcomesReplica> replica, QuerySettings settings) {
        this.sql = JdbcClient.create(replica.map(OutcomesReplica::jdbc).orElse(primary));
        this.threshold = settings.outcomes().suppressionThreshold();
    }

    /** One row as the statement answered it, before anything is withheld. */
    private record Tally(String breakdown, String group, Map<String, Long> counts, Map<String, Long> journeys,
                         Integer medianToAcceptance, Integer medianToCompletion) {
    }

    @QueryHandler
    ReferralFigures handle(FindReferralFigures query) {
        // medians are nearest-rank (percentile_disc), as in the outcome figures: every value reported was observed
        List<Tally> tallies = sql.sql("""
                with population as (
                    select r.*, r.accepted_on - r.made_on as to_acceptance, r.completed_on - r.made_on as to_completion
                    from outcomes_referral r
                    join outcomes_journey j on j.journey_id = r.journey_id
                    where %s
                      and (cast(:from as date) is null or r.made_on >= :from)
                      and (cast(:to as date) is null or r.made_on <= :to)
                      and (cast(:organisation as text) is null or j.organisation_id = :organisation)
                )
                select grouping(service) = 0 as by_service, grouping(partner_organisation_id) = 0 as by_partner,
                       service, partner_organisation_id,
                       count(*) as made, count(accepted_on) as accepted, count(completed_on) as completed,
                       count(distinct journey_id) as made_journeys,
                       count(distinct journey_id) filter (where accepted_on is not null) as accepted_journeys,
                       count(distinct journey_id) filter (where completed_on is not null) as completed_journeys,
                       percentile_disc(0.5) within group (order by to_acceptance) as to_acceptance,
                       percentile_disc(0.5) within group (order by to_completion) as to_completion
                from population
                group by grouping sets ((), (service), (partner_organisation_id))
                """.formatted(OutcomesQueries.COUNTED))
                .param("from", query.from())
                .param("to", query.to())
                .param("organisation", query.organisationId())
                .query((rs, n) -> {
                    String breakdown = rs.getBoolean("by_service") ? "service"
                                       : rs.getBoolean("by_partner") ? "partner" : ReferralFigures.ALL;
                    String group = switch (breakdown) {
                        case "service" -> rs.getString("service");
                        case "partner" -> rs.getString("partner_organisation_id");
                        default -> ReferralFigures.ALL;
                    };
                    return new Tally(breakdown, group,
                                     Map.of(MADE, rs.getLong("made"), ACCEPTED, rs.getLong("accepted"),
                                            COMPLETED, rs.getLong("completed")),
                                     Map.of(MADE, rs.getLong("made_journeys"),
                                            ACCEPTED, rs.getLong("accepted_journeys"),
                                            COMPLETED, rs.getLong("completed_journeys")),
                                     rs.getObject("to_acceptance", Integer.class),
                                     rs.getObject("to_completion", Integer.class));
                })
                .list();
        return new ReferralFigures(query.organisationId(), query.from(), query.to(), threshold,
                                   publish(ordered(tallies)));
    }

    /** The total first, then services in the order they are listed, then partners by id. */
    private static List<Tally> ordered(List<Tally> tallies) {
        List<String> services = Arrays.stream(ReferralService.values()).map(Enum::name).toList();
        Comparator<Tally> order = Comparator
                .comparingInt((Tally t) -> List.of(ReferralFigures.ALL, "service", "partner").indexOf(t.breakdown()))
                .thenComparingInt(t -> services.indexOf(t.group()))
                .thenComparing(Tally::group);
        return tallies.stream().sorted(order).toList();
    }

    /** The rows with every figure that could single out fewer than k journeys withheld. */
    private List<ReferralFigures.ReferralGroup> publish(List<Tally> tallies) {
        Map<Cell, Long> counts = new HashMap<>();
        Set<Cell> fewJourneys = new HashSet<>();
        List<Sum> sums = new ArrayList<>();
        for (int row = 0; row < tallies.size(); row++) {
            Tally tally = tallies.get(row);
            for (String figure : List.of(MADE, ACCEPTED, COMPLETED)) {
                counts.put(new Cell(row, figure), tally.counts().get(figure));
                long journeys = tally.journeys().get(figure);
                if (journeys > 0 && journeys < threshold) {
                    fewJourneys.add(new Cell(row, figure));
                }
            }
            counts.put(new Cell(row, NOT_ACCEPTED), tally.counts().get(MADE) - tally.counts().get(ACCEPTED));
            counts.put(new Cell(row, NOT_COMPLETED), tally.counts().get(ACCEPTED) - tally.counts().get(COMPLETED));
            sums.add(new Sum(new Cell(row, MADE), List.of(new Cell(row, ACCEPTED), new Cell(row, NOT_ACCEPTED))));
            sums.add(new Sum(new Cell(row, ACCEPTED),
                             List.of(new Cell(row, COMPLETED), new Cell(row, NOT_COMPLETED))));
        }
        // each breakdown's groups add up to the total row, figure by figure, unseen counts included
        for (String breakdown : List.of("service", "partner")) {
            List<Integer> groups = new ArrayList<>();
            for (int row = 0; row < tallies.size(); row++) {
                if (tallies.get(row).breakdown().equals(breakdown)) {
                    groups.add(row);
                }
            }
            if (!groups.isEmpty()) {
                for (String figure : List.of(MADE, ACCEPTED, COMPLETED, NOT_ACCEPTED, NOT_COMPLETED)) {
                    sums.add(new Sum(new Cell(0, figure), groups.stream().map(row -> new Cell(row, figure)).toList()));
                }
            }
        }
        Set<Cell> withheld = Suppression.withheld(counts, sums, threshold, fewJourneys);

        List<ReferralFigures.ReferralGroup> rows = new ArrayList<>();
        for (int row = 0; row < tallies.size(); row++) {
            Tally tally = tallies.get(row);
            Map<String, Number> figures = new LinkedHashMap<>();
            List<String> suppressed = new ArrayList<>();
            // a median rests on the count of the referrals it is the median of
            Map<String, String> basis = new LinkedHashMap<>();
            basis.put(MADE, MADE);
            basis.put(ACCEPTED, ACCEPTED);
            basis.put(COMPLETED, COMPLETED);
            basis.put(MEDIAN_TO_ACCEPTANCE, ACCEPTED);
            basis.put(MEDIAN_TO_COMPLETION, COMPLETED);
            for (Map.Entry<String, String> figure : basis.entrySet()) {
                if (withheld.contains(new Cell(row, figure.getValue()))) {
                    figures.put(figure.getKey(), null);
                    suppressed.add(figure.getKey());
                } else {
                    figures.put(figure.getKey(), switch (figure.getKey()) {
                        case MEDIAN_TO_ACCEPTANCE -> tally.medianToAcceptance();
                        case MEDIAN_TO_COMPLETION -> tally.medianToCompletion();
                        default -> tally.counts().get(figure.getKey());
                    });
                }
            }
            rows.add(new ReferralFigures.ReferralGroup(tally.breakdown(), tally.group(), figures, suppressed));
        }
        return rows;
    }
}
