package org.homeward.query.outcomes;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import org.homeward.outcome.Outcomes;

/**
 * A bar chart (SVG) of the completion rate and the 6-month employment rate per cohort (and group), drawn by hand
 * so that it needs no library. A withheld figure is a hatched stub labelled "suppressed", never a bar of any
 * height; a figure with nothing to compute is labelled "no data". Every bar carries its series and value in
 * data attributes for whoever post-processes the drawing.
 */
final class OutcomesChart {

    private record Series(String figure, String label, String colour) {
    }

    private static final List<Series> SERIES = List.of(
            new Series("completionRate", "Completion rate", "#2b6cb0"),
            new Series("at6Months.employedRate", "Employed at 6 months", "#dd6b20"));

    private static final int LEFT = 64;
    private static final int RIGHT = 24;
    private static final int TOP = 96;
    private static final int PLOT_HEIGHT = 240;
    private static final int BOTTOM = 64;
    private static final int BAR = 24;
    private static final int BAR_GAP = 4;
    private static final int SLOT = 2 * BAR + BAR_GAP + 28;
    private static final int STUB = 28;

    private OutcomesChart() {
    }

    static String draw(Outcomes outcomes) {
        int width = Math.max(560, LEFT + outcomes.rows().size() * SLOT + RIGHT);
        int height = TOP + PLOT_HEIGHT + BOTTOM;
        String title = "Completion and 6-month employment rate by intake cohort";
        String subtitle = subtitle(outcomes);
        StringBuilder svg = new StringBuilder();
        svg.append("""
                   <svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" \
                   role="img" aria-labelledby="chart-title chart-desc" font-family="sans-serif" font-size="12">
                   <title id="chart-title">%s</title>
                   <desc id="chart-desc">%s</desc>
                   <defs>
                   <pattern id="suppressed-hatch" width="6" height="6" patternUnits="userSpaceOnUse" \
                   patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/>\
                   <line x1="0" y1="0" x2="0" y2="6" stroke="#4a5568" stroke-width="2"/></pattern>
                   </defs>
                   <rect width="100%%" height="100%%" fill="#ffffff"/>
                   <text x="%d" y="24" font-size="16" font-weight="bold">%s</text>
                   <text x="%d" y="44" fill="#4a5568">%s</text>
                   """.formatted(width, height, width, height, escape(title), escape(subtitle), LEFT,
                                 escape(title), LEFT, escape(subtitle)));
        legend(svg);
        axis(svg, width);
        for (int i = 0; i < outcomes.rows().size(); i++) {
            Outcomes.Row row = outcomes.rows().get(i);
            int x = LEFT + i * SLOT + 14;
            for (int s = 0; s < SERIES.size(); s++) {
                bar(svg, row, SERIES.get(s), x + s * (BAR + BAR_GAP));
            }
            int middle = x + BAR + BAR_GAP / 2;
            svg.append(text(middle, TOP + PLOT_HEIGHT + 18, "middle", row.cohort(), ""));
            if (!row.group().equals(Outcomes.ALL)) {
                svg.append(text(middle, TOP + PLOT_HEIGHT + 34, "middle", row.group(), " font-size=\"10\""));
            }
        }
        if (outcomes.rows().isEmpty()) {
            svg.append(text(LEFT + 12, TOP + PLOT_HEIGHT / 2, "start", "No journeys counted for this question", ""));
        }
        return svg.append("</svg>\n").toString();
    }

    private static String subtitle(Outcomes outcomes) {
        StringBuilder subtitle = new StringBuilder();
        if (outcomes.programId() != null) {
            subtitle.append("Program ").append(outcomes.programId()).append(" · ");
        }
        if (outcomes.organisationId() != null) {
            subtitle.append("Organisation ").append(outcomes.organisationId()).append(" · ");
        }
        if (outcomes.groupBy() != null) {
            subtitle.append("By ").append(outcomes.groupBy()).append(" · ");
        }
        return subtitle.append("As of ").append(outcomes.asOf())
                       .append(" · hatched: withheld, fewer than ").append(outcomes.suppressionThreshold())
                       .append(" journeys").toString();
    }

    private static void legend(StringBuilder svg) {
        int x = LEFT;
        for (Series series : SERIES) {
            svg.append("<rect x=\"%d\" y=\"58\" width=\"14\" height=\"14\" fill=\"%s\"/>\n"
                               .formatted(x, series.colour()));
            svg.append(text(x + 20, 70, "start", series.label(), ""));
            x += 180;
        }
        svg.append("<rect x=\"%d\" y=\"58\" width=\"14\" height=\"14\" fill=\"url(#suppressed-hatch)\" stroke=\"#4a5568\"/>\n"
                           .formatted(x));
        svg.append(text(x + 20, 70, "start", "suppressed", ""));
    }

    private static void axis(StringBuilder svg, int width) {
        for (int percent = 0; percent <= 100; percent += 25) {
            double y = y(percent / 100.0);
            svg.append("<line x1=\"%d\" y1=\"%s\" x2=\"%d\" y2=\"%s\" stroke=\"%s\"/>\n"
                               .formatted(LEFT, number(y), width - RIGHT, number(y),
                                          percent == 0 ? "#2d3748" : "#e2e8f0"));
            svg.append(text(LEFT - 8, y + 4, "end", percent + "%", ""));
        }
    }

    private static void bar(StringBuilder svg, Outcomes.Row row, Series series, int x) {
        String data = " data-series=\"%s\" data-cohort=\"%s\" data-group=\"%s\""
                .formatted(series.figure(), escape(row.cohort()), escape(row.group()));
        int centre = x + BAR / 2;
        int base = TOP + PLOT_HEIGHT;
        if (row.suppressed().contains(series.figure())) {
            svg.append("<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"url(#suppressed-hatch)\" stroke=\"#4a5568\"%s data-suppressed=\"true\"/>\n"
                               .formatted(x, base - STUB, BAR, STUB, data));
            svg.append(vertical(centre, base - STUB - 6, "suppressed"));
            return;
        }
        Number value = row.figures().get(series.figure());
        if (value == null) {
            svg.append(vertical(centre, base - 6, "no data"));
            return;
        }
        double share = value.doubleValue();
        double top = y(share);
        svg.append("<rect x=\"%d\" y=\"%s\" width=\"%d\" height=\"%s\" fill=\"%s\"%s data-value=\"%s\"><title>%s %s: %s</title></rect>\n"
                           .formatted(x, number(top), BAR, number(base - top), series.colour(), data,
                                      value, escape(series.label()), escape(row.cohort() + " " + row.group()),
                                      percent(share)));
        svg.append(text(centre, top - 4, "middle", percent(share), " font-size=\"10\""));
    }

    private static double y(double share) {
        return TOP + PLOT_HEIGHT * (1 - share);
    }

    /** 0.625 reads 62.5%, 0.3 reads 30%. */
    static String percent(double share) {
        return BigDecimal.valueOf(share * 100).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros()
                         .toPlainString() + "%";
    }

    private static String vertical(int x, int y, String label) {
        return "<text x=\"%d\" y=\"%d\" text-anchor=\"start\" font-size=\"10\" fill=\"#4a5568\" transform=\"rotate(-90 %d %d)\">%s</text>\n"
                .formatted(x + 4, y, x + 4, y, escape(label));
    }

    private static String text(double x, double y, String anchor, String content, String attributes) {
        return "<text x=\"%s\" y=\"%s\" text-anchor=\"%s\"%s>%s</text>\n"
                .formatted(number(x), number(y), anchor, attributes, escape(content));
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
