package org.homeward.query.outcomes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.homeward.outcome.JourneyExport;

/**
 * k-anonymity for the export: every combination of the fields someone could know about a person from elsewhere
 * (age band, gender, citizenship, form of exploitation, intake month) is shared by at least k journeys of the
 * export, or the journey is not in it.
 *
 * <p>Journeys whose combination fewer than k share climb a fixed ladder, one rung per round, all such journeys at
 * once: citizenship suppressed; intake month cut to its year; age band suppressed; form of exploitation
 * suppressed; gender suppressed; intake year suppressed. A journey only climbs while its combination is small, so
 * a journey already sharing its combination with k-1 others keeps every field. Journeys left with every field
 * suppressed and still fewer than k are withheld whole. Citizenship gives way first: it has the most values and is
 * the field most likely to single someone out in a small program; gender last, as evaluators break down by it most.
 */
final class ExportGeneralisation {

    /** A journey left out of the export. */
    static final int WITHHELD = -1;

    /** The rung with every field suppressed. */
    static final int TOP = 6;

    /** What each rung generalises, in order: rung r generalises the first r entries. */
    private static final List<String> LADDER = List.of("prs_Citizenship", "intakeMonth", "ageBandAtIntake",
                                                       "vic_TypeOfExploitation", "prs_Gender", "intakeMonth");

    /** A journey's fields as recorded, or as published at some rung; intake month as 2026-03. */
    record Profile(String ageBand, String gender, String citizenship, String exploitation, String intakeMonth) {

        Profile at(int rung) {
            String suppressed = JourneyExport.SUPPRESSED;
            return new Profile(rung >= 3 ? suppressed : ageBand, rung >= 5 ? suppressed : gender,
                               rung >= 1 ? suppressed : citizenship, rung >= 4 ? suppressed : exploitation,
                               rung >= 6 ? suppressed : rung >= 2 ? intakeMonth.substring(0, 4) : intakeMonth);
        }
    }

    private ExportGeneralisation() {
    }

    /** The rung each journey is published at, by position, or {@link #WITHHELD}. */
    static int[] rungs(List<Profile> journeys, int threshold) {
        int[] rungs = new int[journeys.size()];
        boolean climbed = true;
        while (climbed) {
            climbed = false;
            Map<Profile, Integer> shared = sharing(journeys, rungs);
            for (int i = 0; i < rungs.length; i++) {
                if (shared.get(journeys.get(i).at(rungs[i])) < threshold && rungs[i] < TOP) {
                    rungs[i]++;
                    climbed = true;
                }
            }
        }
        Map<Profile, Integer> shared = sharing(journeys, rungs);
        for (int i = 0; i < rungs.length; i++) {
            if (shared.get(journeys.get(i).at(rungs[i])) < threshold) {
                rungs[i] = WITHHELD;
            }
        }
        return rungs;
    }

    /** The fields generalised at a rung, each named once, in the order they gave way. */
    static List<String> generalised(int rung) {
        List<String> fields = new ArrayList<>();
        LADDER.subList(0, rung).forEach(field -> {
            if (!fields.contains(field)) {
                fields.add(field);
            }
        });
        return fields;
    }

    private static Map<Profile, Integer> sharing(List<Profile> journeys, int[] rungs) {
        Map<Profile, Integer> shared = new HashMap<>();
        for (int i = 0; i < rungs.length; i++) {
            shared.merge(journeys.get(i).at(rungs[i]), 1, Integer::sum);
        }
        return shared;
    }
}
