package org.homeward.query.outcomes;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.homeward.outcome.JourneyExport;
import org.homeward.outcome.Outcomes;

/**
 * The outcome rows as CSV (RFC 4180): one line per cohort and group, one column per figure in the order of the
 * definitions. A withheld figure reads {@code suppressed}; a figure with nothing to compute (no journey past its
 * 6-month point yet, say) is empty.
 *
 * <p>The export as CSV: one line per milestone, its journey's fields repeated on each (a journey without milestones
 * has one line, its milestone columns empty), so that it loads as one table; {@code generalised} lists the
 * journey's generalised fields separated by spaces.
 */
final class OutcomesCsv {

    static final String SUPPRESSED = "suppressed";

    private OutcomesCsv() {
    }

    static String write(Outcomes outcomes) {
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("cohort", "startsOn", "endsOn", "group"));
        OutcomeFigures.ALL.forEach(figure -> header.add(figure.name()));
        line(csv, header);
        for (Outcomes.Row row : outcomes.rows()) {
            List<String> cells = new ArrayList<>(List.of(row.cohort(), row.startsOn().toString(),
                                                         row.endsOn().toString(), row.group()));
            row.figures().forEach((name, value) -> cells.add(row.suppressed().contains(name) ? SUPPRESSED
                                                                                              : plain(value)));
            line(csv, cells);
        }
        return csv.toString();
    }

    static String write(JourneyExport export) {
        StringBuilder csv = new StringBuilder();
        line(csv, List.of("caseRef", "ageBandAtIntake", "prs_Gender", "prs_Citizenship", "vic_TypeOfExploitation",
                          "intakeMonth", "generalised", "milestoneType", "monthsAfterIntake", "employmentSector",
                          "regularIncome"));
        for (JourneyExport.ExportedJourney journey : export.journeys()) {
            List<String> fields = List.of(journey.caseRef(), journey.ageBandAtIntake(), journey.prs_Gender(),
                                          journey.prs_Citizenship(), journey.vic_TypeOfExploitation(),
                                          journey.intakeMonth(), String.join(" ", journey.generalised()));
            if (journey.milestones().isEmpty()) {
                List<String> cells = new ArrayList<>(fields);
                cells.addAll(List.of("", "", "", ""));
                line(csv, cells);
            }
            for (JourneyExport.ExportedMilestone milestone : journey.milestones()) {
                List<String> cells = new ArrayList<>(fields);
                cells.addAll(List.of(milestone.type(), Integer.toString(milestone.monthsAfterIntake()),
                                     Objects.toString(milestone.employmentSector(), ""),
                                     Objects.toString(milestone.regularIncome(), "")));
                line(csv, cells);
            }
        }
        return csv.toString();
    }

    private static String plain(Number value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double decimal) {
            return BigDecimal.valueOf(decimal).stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }

    private static void line(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(quoted(cells.get(i)));
        }
        csv.append("\r\n");
    }

    private static String quoted(String cell) {
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
            return '"' + cell.replace("\"", "\"\"") + '"';
        }
        return cell;
    }
}
