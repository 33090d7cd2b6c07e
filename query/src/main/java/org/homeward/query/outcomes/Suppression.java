package org.homeward.query.outcomes;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Small-cell suppression with complementary suppression, over the counts of one table of figures.
 *
 * <p>Primary: a count from 1 to k-1 is withheld (0 describes no one). Complementary: a sum whose total and parts
 * are all counts of the table must never have exactly one withheld member, or subtracting would recover it; so
 * the smallest other non-zero part is withheld too (the total, when no such part is left), and this repeats until
 * no sum has exactly one. It only ever adds to what is withheld, so it ends. This is the usual heuristic, not an
 * optimal pattern: it withholds a little more than strictly needed and, like every per-table method, cannot
 * protect against differencing two different tables.
 */
final class Suppression {

    /** One count of the table: a figure of one row. */
    record Cell(int row, String figure) {
    }

    /** {@code total = parts}, as counts of the table. */
    record Sum(Cell total, List<Cell> parts) {
    }

    private Suppression() {
    }

    static Set<Cell> withheld(Map<Cell, Long> counts, List<Sum> sums, int threshold) {
        return withheld(counts, sums, threshold, Set.of());
    }

    /** @param also cells withheld from the start for a reason of their own (as referrals of too few journeys) */
    static Set<Cell> withheld(Map<Cell, Long> counts, List<Sum> sums, int threshold, Set<Cell> also) {
        Set<Cell> withheld = new HashSet<>(also);
        counts.forEach((cell, count) -> {
            if (count > 0 && count < threshold) {
                withheld.add(cell);
            }
        });
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Sum sum : sums) {
                long unknown = Stream.concat(Stream.of(sum.total()), sum.parts().stream())
                                     .filter(withheld::contains).count();
                if (unknown == 1) {
                    Cell next = smallestShownPart(sum, counts, withheld).orElse(sum.total());
                    changed |= withheld.add(next);
                }
            }
        }
        return withheld;
    }

    /** The part to withhold next: the smallest non-zero one still shown, the first of equals. */
    private static Optional<Cell> smallestShownPart(Sum sum, Map<Cell, Long> counts, Set<Cell> withheld) {
        return sum.parts().stream()
                  .filter(part -> !withheld.contains(part) && counts.get(part) > 0)
                  .min(Comparator.comparingLong(counts::get));
    }
}
