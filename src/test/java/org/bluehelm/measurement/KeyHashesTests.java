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
}
