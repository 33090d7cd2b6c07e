package org.homeward.command.duplicates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** One test per rule of the blind index: what counts as the same name, when there is nothing to match on. */
class BlindIndexTest {

    private final BlindIndex index = new BlindIndex(new SecretKeySpec(new byte[32], "HmacSHA256"));

    @Test
    void accentsCaseAndCompatibilityFormsDoNotMatter() {
        assertThat(BlindIndex.normalisedName("María José GARCÍA"))
                .isEqualTo(BlindIndex.normalisedName("maria jose garcia"));
        assertThat(BlindIndex.normalisedName("Ｆｕｌｌｗｉｄｔｈ Ｎａｍｅ")).isEqualTo("fullwidth name");
    }

    @Test
    void theOrderOfTheNamesDoesNotMatter() {
        assertThat(BlindIndex.normalisedName("Popescu Ana")).isEqualTo(BlindIndex.normalisedName("Ana Popescu"));
    }

    @Test
    void apostrophesAreRemovedOtherPunctuationAndSpacesSeparate() {
        assertThat(BlindIndex.normalisedName("O'Brien")).isEqualTo("obrien");
        assertThat(BlindIndex.normalisedName("O’Brien")).isEqualTo("obrien");
        assertThat(BlindIndex.normalisedName("Anne-Marie  Dupont."))
                .isEqualTo(BlindIndex.normalisedName("Dupont, Anne Marie"));
        assertThat(BlindIndex.normalisedName("  \t ")).isEmpty();
    }

    @Test
    void theSamePersonGivesTheSameValueAnotherBirthdayAnother() {
        assertThat(index.of("Ion Rusu", "2001-09-12")).get().isEqualTo(index.of("RUSU, ion", "2001-09-12").get());
        assertThat(index.of("Ion Rusu", "2001-09-12").get()).isNotEqualTo(index.of("Ion Rusu", "2001-09-13").get());
    }

    @Test
    void noIndexWithoutANameOrABirthday() {
        assertThat(index.of(null, "2001-09-12")).isEmpty();
        assertThat(index.of("...", "2001-09-12")).isEmpty();
        assertThat(index.of("Ion Rusu", null)).isEmpty();
        assertThat(index.of("Ion Rusu", " ")).isEmpty();
    }

    @Test
    void anotherKeyGivesAnotherValue() {
        byte[] other = new byte[32];
        other[0] = 1;
        BlindIndex underAnotherKey = new BlindIndex(new SecretKeySpec(other, "HmacSHA256"));
        assertThat(underAnotherKey.of("Ion Rusu", "2001-09-12").get())
                .isNotEqualTo(index.of("Ion Rusu", "2001-09-12").get());
        assertThat(underAnotherKey.keyCheck()).isNotEqualTo(index.keyCheck());
    }

    @Test
    void aPairHasOneIdWhicheverJourneyComesFirst() {
        UUID one = UUID.randomUUID();
        UUID two = UUID.randomUUID();
        assertThat(PossibleDuplicates.pair(one, two).possibleDuplicateId())
                .isEqualTo(PossibleDuplicates.pair(two, one).possibleDuplicateId());
    }
}
