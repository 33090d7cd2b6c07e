package org.homeward.app.web.journeys;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The three dimensions of a journey's assessments over time, as lines of an SVG drawn on the server: no script
 * and no style attribute, which the Content-Security-Policy would refuse. The same figures are in a table beside it.
 *
 * @param lines   one per dimension: its name (the key of its label) and the polyline's points
 * @param dates   the x positions' labels, the assessments' dates
 */
record AssessmentChart(int width, int height, List<Line> lines, List<Tick> dates) {

    static final int WIDTH = 600;
    static final int HEIGHT = 200;
    private static final int MARGIN = 30;
    private static final String[] DIMENSIONS = {"economic", "social", "psychosocial"};

    record Line(String dimension, String points, String css) {
    }

    record Tick(int x, String label) {
    }

    /** Null where fewer than two assessments make no line. */
    @SuppressWarnings("unchecked")
    static AssessmentChart of(List<Map<String, Object>> assessments) {
        if (assessments == null || assessments.size() < 2) {
            return null;
        }
        int n = assessments.size();
        List<Line> lines = new ArrayList<>();
        String[] css = {"a", "b", "c"};
        for (int d = 0; d < DIMENSIONS.length; d++) {
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < n; i++) {
                Map<String, Object> scores = (Map<String, Object>) assessments.get(i).get("scores");
                int score = ((Number) scores.get(DIMENSIONS[d])).intValue();
                points.append(x(i, n)).append(',').append(y(score)).append(' ');
            }
            lines.add(new Line(DIMENSIONS[d], points.toString().strip(), css[d]));
        }
        List<Tick> dates = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            dates.add(new Tick(x(i, n), String.valueOf(assessments.get(i).get("assessedOn"))));
        }
        return new AssessmentChart(WIDTH, HEIGHT, lines, dates);
    }

    private static int x(int i, int n) {
        return MARGIN + i * (WIDTH - 2 * MARGIN) / (n - 1);
    }

    /** Scores 1 (bottom) to 5 (top). */
    static int y(int score) {
        return HEIGHT - MARGIN - (score - 1) * (HEIGHT - 2 * MARGIN) / 4;
    }
}
