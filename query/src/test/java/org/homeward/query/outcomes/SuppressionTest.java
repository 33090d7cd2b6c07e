package org.homeward.query.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.homeward.query.outcomes.Suppression.Cell;
import org.homeward.query.outcomes.Suppression.Sum;
import org.junit.jupiter.api.Test;

class SuppressionTest {

    private static final int K = 11;

    @Test
    void countOfTenIsWithheldAndElevenIsShown() {
        Map<Cell, Long> counts = Map.of(cell(0, "ten"), 10L, cell(1, "eleven"), 11L);

        assertThat(Suppression.withheld(counts, List.of(), K)).containsExactly(cell(0, "ten"));
    }

    @Test
    void zeroDescribesNoOneAndIsShown() {
        assertThat(Suppression.withheld(Map.of(cell(0, "none"), 0L), List.of(), K)).isEmpty();
    }

    @Test
    void oneSmallGroupTakesTheNextSmallestWithIt() {
        // 30 = 15 + 11 + 4: with only the 4 withheld, 30 - 15 - 11 would give it away
        Table table = new Table().total(30).groups(15, 11, 4);

        assertThat(table.withheld()).containsExactlyInAnyOrder(table.group(2), table.group(3));
    }

    @Test
    void twoSmallGroupsProtectEachOther() {
        Table table = new Table().total(30).groups(20, 5, 5);

        assertThat(table.withheld()).containsExactlyInAnyOrder(table.group(2), table.group(3));
    }

    @Test
    void zeroGroupIsNeverTakenAsTheComplement() {
        // withholding the 0 would leave "the 4 is 4 or 0" and give nothing away about a person
        Table table = new Table().total(30).groups(0, 26, 4);

        assertThat(table.withheld()).containsExactlyInAnyOrder(table.group(2), table.group(3));
    }

    @Test
    void totalIsWithheldWhenNoOtherPartCanBe() {
        // 12 = 12 + 0: once the 12 is withheld (say, as another sum's complement), the total shows it
        Map<Cell, Long> counts = new LinkedHashMap<>(Map.of(cell(0, "total"), 12L, cell(0, "part"), 12L,
                                                            cell(0, "other"), 0L, cell(1, "small"), 3L));
        List<Sum> sums = List.of(new Sum(cell(0, "total"), List.of(cell(0, "part"), cell(0, "other"))),
                                 new Sum(cell(9, "sum"), List.of(cell(0, "part"), cell(1, "small"))));
        counts.put(cell(9, "sum"), 15L);

        assertThat(Suppression.withheld(counts, sums, K))
                .containsExactlyInAnyOrder(cell(1, "small"), cell(0, "part"), cell(0, "total"));
    }

    @Test
    void withholdingSpreadsUntilNoSumHasASingleUnknown() {
        // rows: two groups; columns: employed and not employed (never shown, but total minus employed)
        Map<Cell, Long> counts = new LinkedHashMap<>();
        counts.put(cell(0, "journeys"), 40L);
        counts.put(cell(0, "employed"), 26L);
        counts.put(cell(0, "notEmployed"), 14L);
        counts.put(cell(1, "journeys"), 20L);
        counts.put(cell(1, "employed"), 16L);
        counts.put(cell(1, "notEmployed"), 4L);
        counts.put(cell(2, "journeys"), 20L);
        counts.put(cell(2, "employed"), 10L);
        counts.put(cell(2, "notEmployed"), 10L);
        List<Sum> sums = new ArrayList<>();
        for (int row = 0; row < 3; row++) {
            sums.add(new Sum(cell(row, "journeys"), List.of(cell(row, "employed"), cell(row, "notEmployed"))));
        }
        for (String column : List.of("journeys", "employed", "notEmployed")) {
            sums.add(new Sum(cell(0, column), List.of(cell(1, column), cell(2, column))));
        }

        Set<Cell> withheld = Suppression.withheld(counts, sums, K);

        // the 4 not employed makes group 1's 16 employed readable, so that goes too, and with it group 2's
        assertThat(withheld).contains(cell(1, "notEmployed"), cell(1, "employed"), cell(2, "employed"),
                                      cell(2, "notEmployed"));
        assertThat(withheld).doesNotContain(cell(0, "journeys"), cell(0, "employed"), cell(1, "journeys"));
        for (Sum sum : sums) {
            long unknown = sum.parts().stream().filter(withheld::contains).count()
                           + (withheld.contains(sum.total()) ? 1 : 0);
            assertThat(unknown).as(sum.toString()).isNotEqualTo(1);
        }
    }

    private static Cell cell(int row, String figure) {
        return new Cell(row, figure);
    }

    /** One figure of a cohort: its total row 0 and its groups 1..n. */
    private static final class Table {

        private final Map<Cell, Long> counts = new LinkedHashMap<>();
        private int groups;

        Table total(long total) {
            counts.put(cell(0, "journeys"), total);
            return this;
        }

        Table groups(long... values) {
            for (long value : values) {
                counts.put(cell(++groups, "journeys"), value);
            }
            return this;
        }

        Cell group(int row) {
            return cell(row, "journeys");
        }

        Set<Cell> withheld() {
            List<Cell> parts = new ArrayList<>();
            for (int row = 1; row <= groups; row++) {
                parts.add(group(row));
            }
            return Suppression.withheld(counts, List.of(new Sum(cell(0, "journeys"), parts)), K);
        }
    }
}
