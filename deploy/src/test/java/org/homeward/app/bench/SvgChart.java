package org.homeward.app.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A small line chart as a self-contained SVG file: one line per series over the same steps along the x axis, the
 * y axis from zero, a legend below. Enough to see whether a cost stays flat as the store grows.
 */
final class SvgChart {

    private static final int WIDTH = 640;
    private static final int PLOT_LEFT = 70;
    private static final int PLOT_RIGHT = 620;
    private static final int PLOT_TOP = 40;
    private static final int PLOT_BOTTOM = 260;
    private static final int LEGEND_LINE = 18;
    /** Distinguishable for the common forms of colour blindness (Okabe and Ito's palette). */
    private static final List<String> COLOURS = List.of("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00",
                                                        "#56B4E9");

    private SvgChart() {
    }

    /**
     * @param steps  the labels along the x axis, one per value of every series
     * @param series each line's name and its values, in the order of the steps
     */
    static String lines(String title, String unit, List<String> steps, Map<String, List<Double>> series) {
        double top = series.values().stream().flatMap(List::stream).mapToDouble(Double::doubleValue).max()
                           .orElse(1);
        top = niceAbove(top);
        int height = PLOT_BOTTOM + 50 + LEGEND_LINE * series.size();
        StringBuilder svg = new StringBuilder();
        svg.append("""
                   <svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" \
                   font-family="sans-serif" font-size="12">
                   <rect width="100%%" height="100%%" fill="white"/>
                   <text x="%d" y="22" font-size="14" font-weight="bold">%s</text>
                   """.formatted(WIDTH, height, WIDTH, height, PLOT_LEFT, escape(title)));
        for (int tick = 0; tick <= 4; tick++) {
            double value = top * tick / 4;
            double y = y(value, top);
            svg.append("<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>\n"
                               .formatted(PLOT_LEFT, PLOT_RIGHT, y, y));
            svg.append("<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n"
                               .formatted(PLOT_LEFT - 6, y + 4, label(value)));
        }
        svg.append("<text x=\"14\" y=\"%d\" transform=\"rotate(-90 14 %d)\" text-anchor=\"middle\">%s</text>\n"
                           .formatted((PLOT_TOP + PLOT_BOTTOM) / 2, (PLOT_TOP + PLOT_BOTTOM) / 2, escape(unit)));
        for (int step = 0; step < steps.size(); step++) {
            svg.append("<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n"
                               .formatted(x(step, steps.size()), PLOT_BOTTOM + 18, escape(steps.get(step))));
        }
        int line = 0;
        for (Map.Entry<String, List<Double>> one : series.entrySet()) {
            String colour = COLOURS.get(line % COLOURS.size());
            StringBuilder points = new StringBuilder();
            List<Double> values = one.getValue();
            for (int step = 0; step < values.size(); step++) {
                double x = x(step, steps.size());
                double y = y(values.get(step), top);
                points.append("%.1f,%.1f ".formatted(x, y));
                svg.append("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>\n".formatted(x, y, colour));
            }
            svg.append("<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>\n"
                               .formatted(colour, points.toString().trim()));
            int legendY = PLOT_BOTTOM + 45 + LEGEND_LINE * line;
            svg.append("<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>\n"
                               .formatted(PLOT_LEFT, legendY - 10, colour));
            svg.append("<text x=\"%d\" y=\"%d\">%s</text>\n".formatted(PLOT_LEFT + 18, legendY,
                                                                      escape(one.getKey())));
            line++;
        }
        return svg.append("</svg>\n").toString();
    }

    private static double x(int step, int steps) {
        return steps == 1 ? (PLOT_LEFT + PLOT_RIGHT) / 2.0
                          : PLOT_LEFT + 30 + (PLOT_RIGHT - PLOT_LEFT - 60) * step / (double) (steps - 1);
    }

    private static double y(double value, double top) {
        return PLOT_BOTTOM - (PLOT_BOTTOM - PLOT_TOP) * value / top;
    }

    /** The smallest 1, 2 or 5 times a power of ten at or above the value, so that the ticks are round numbers. */
    private static double niceAbove(double value) {
        if (value <= 0) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double factor : new double[] {1, 2, 5, 10}) {
            if (factor * power >= value) {
                return factor * power;
            }
        }
        return 10 * power;
    }

    private static String label(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%,.0f", value)
                                         : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
