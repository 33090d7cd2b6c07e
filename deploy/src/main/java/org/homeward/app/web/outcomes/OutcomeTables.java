package org.homeward.app.web.outcomes;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * The API's outcome rows laid out for reading: one table per intake cohort, a figure per line and a group per
 * column, as a report has them; each cell says its value, or that it is withheld, in words.
 */
final class OutcomeTables {

    /** The referral figures, in the API's order. */
    static final List<String> REFERRAL_FIGURES = List.of("made", "accepted", "completed", "medianDaysToAcceptance",
                                                         "medianDaysToCompletion");

    /**
     * @param text     the value written for the reader's language; null when withheld or undefined
     * @param withheld withheld to protect a small group
     */
    record Cell(String text, boolean withheld) {
    }

    record FigureLine(String figure, List<Cell> cells) {
    }

    /** @param groups the group of each column: {@code all}, then the breakdown's values */
    record Cohort(String cohort, String startsOn, String endsOn, List<String> groups, List<FigureLine> figures,
                  long withheld) {
    }

    /** @param group the service, the partner organisation, or {@code all} */
    record ReferralLine(String breakdown, String group, List<Cell> cells) {
    }

    private OutcomeTables() {
    }

    @SuppressWarnings("unchecked")
    static List<Cohort> of(Map<String, Object> outcomes) {
        Map<String, List<Map<String, Object>>> rowsByCohort = new LinkedHashMap<>();
        for (Object row : (List<Object>) outcomes.get("rows")) {
            Map<String, Object> fields = (Map<String, Object>) row;
            rowsByCohort.computeIfAbsent((String) fields.get("cohort"), cohort -> new ArrayList<>()).add(fields);
        }
        List<Cohort> cohorts = new ArrayList<>();
        rowsByCohort.forEach((cohort, rows) -> {
            List<String> groups = rows.stream().map(row -> (String) row.get("group")).toList();
            List<FigureLine> lines = new ArrayList<>();
            Map<String, Object> first = (Map<String, Object>) rows.get(0).get("figures");
            for (String figure : first.keySet()) {
                List<Cell> cells = new ArrayList<>();
                for (Map<String, Object> row : rows) {
                    cells.add(cell(row, figure));
                }
                lines.add(new FigureLine(figure, cells));
            }
            long withheld = rows.stream().mapToLong(row -> ((List<Object>) row.get("suppressed")).size()).sum();
            cohorts.add(new Cohort(cohort, (String) rows.get(0).get("startsOn"), (String) rows.get(0).get("endsOn"),
                                   groups, lines, withheld));
        });
        return cohorts;
    }

    @SuppressWarnings("unchecked")
    static List<ReferralLine> referrals(Map<String, Object> figures) {
        List<ReferralLine> lines = new ArrayList<>();
        for (Object row : (List<Object>) figures.get("rows")) {
            Map<String, Object> fields = (Map<String, Object>) row;
            lines.add(new ReferralLine((String) fields.get("breakdown"), (String) fields.get("group"),
                                       REFERRAL_FIGURES.stream().map(figure -> cell(fields, figure)).toList()));
        }
        return lines;
    }

    @SuppressWarnings("unchecked")
    private static Cell cell(Map<String, Object> row, String figure) {
        boolean withheld = ((List<Object>) row.get("suppressed")).contains(figure);
        Object value = ((Map<String, Object>) row.get("figures")).get(figure);
        return new Cell(value instanceof Number number ? written(number) : null, withheld);
    }

    private static String written(Number number) {
        Locale locale = LocaleContextHolder.getLocale();
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        // the API rounds rates to 4 decimals and means to 2; nothing is rounded further here
        format.setMaximumFractionDigits(4);
        return format.format(number);
    }
}
