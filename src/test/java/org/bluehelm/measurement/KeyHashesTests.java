package org.bluehelm.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyHashesTests {

    @Test
    void distinctKeysAreKnownDistinctAndARepeatIsNoticed() {
        KeyHashes hashes = new KeyHashes(100_000);
        for (long unit = 1; unit <= 5_000; unit++) {
            for (String period : new String[] {"202401", "202402", "2024Q1"}) {
                hashes.add(KeyHashes.of(7, unit, period, 0));
                hashes.add(KeyHashes.of(7, unit, period, 12));
            }
        }
        assertThat(hashes.allDistinct()).isTrue();

        hashes.add(KeyHashes.of(7, 2_500, "202402", 12));
        assertThat(hashes.allDistinct()).isFalse();
    }

    @Test
    void moreKeysThanItsCapacityLeaveTheQuestionToTheDatabase() {
        KeyHashes hashes = new KeyHashes(10);
        for (long unit = 1; unit <= 10; unit++) {
            hashes.add(KeyHashes.of(1, unit, "2024", 0));
        }
        assertThat(hashes.allDistinct()).isTrue();
        hashes.add(KeyHashes.of(1, 11, "2024", 0));
        assertThat(hashes.allDistinct()).isFalse();
    }

    @Test
    void aHashOfZeroCountsLikeAnyOther() {
        KeyHashes hashes = new KeyHashes(10);
        hashes.add(0);
        assertThat(hashes.allDistinct()).isTrue();
        hashes.add(0);
        assertThat(hashes.allDistinct()).isFalse();
    }

    @Test
    void withValuesAHashNotedAgainWithTheSameValueIsNoRepeatButWithAnotherIs() {
        KeyHashes cells = KeyHashes.withValues(100_000);
        for (long unit = 1; unit <= 5_000; unit++) {
            // a unit and period broken down by one category (two options of group 12) ...
            cells.add(KeyHashes.of(7, unit, "202401", 0), 12);
            cells.add(KeyHashes.of(7, unit, "202401", 0), 12);
            // ... another by its total only
            cells.add(KeyHashes.of(7, unit, "202402", 0), 0);
        }
        assertThat(cells.allDistinct()).isTrue();

        cells.add(KeyHashes.of(7, 2_500, "202402", 0), 12); // a breakdown beside that total
        assertThat(cells.allDistinct()).isFalse();
    }

    @Test
    void withValuesMoreHashesThanItsCapacityLeaveTheQuestionToTheDatabase() {
        KeyHashes cells = KeyHashes.withValues(11);
        for (long unit = 1; unit <= 10; unit++) {
            cells.add(KeyHashes.of(1, unit, "2024", 0), 3);
        }
        cells.add(KeyHashes.of(1, 5, "2024", 0), 3); // the same cell and group again
        assertThat(cells.allDistinct()).isTrue();
        cells.add(KeyHashes.of(1, 11, "2024", 0), 3);
        assertThat(cells.allDistinct()).isFalse();
    }

    @Test
    void withValuesMoreDistinctValuesThanTheLowBitsHoldLeaveTheQuestionToTheDatabase() {
        KeyHashes cells = KeyHashes.withValues(1_000);
        for (long group = 1; group <= 256; group++) {
            cells.add(KeyHashes.of(1, group, "2024", 0), group);
        }
        assertThat(cells.allDistinct()).isTrue();
        cells.add(KeyHashes.of(1, 257, "2024", 0), 257);
        assertThat(cells.allDistinct()).isFalse();
    }

    @Test
    void aNoteAfterTheQuestionIsCountedInTheNextAnswer() {
        KeyHashes hashes = new KeyHashes(100);
        hashes.add(KeyHashes.of(1, 1, "2024", 0));
        hashes.add(KeyHashes.of(1, 2, "2024", 0));
        assertThat(hashes.allDistinct()).isTrue();
        hashes.add(KeyHashes.of(1, 1, "2024", 0));
        assertThat(hashes.allDistinct()).isFalse();
    }
}
