package org.bluehelm.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class RollupArraysTests {

    @Test
    void laysElementsOutAtTheirSlotsWithZerosElsewhere() {
        assertThat(RollupArrays.layNumeric(
                        4, new Integer[] {3, 1}, new BigDecimal[] {new BigDecimal("2.5"), BigDecimal.TEN}))
                .containsExactly(BigDecimal.TEN, BigDecimal.ZERO, new BigDecimal("2.5"), BigDecimal.ZERO);
        assertThat(RollupArrays.layCount(3, new Integer[] {2}, new Long[] {7L})).containsExactly(0L, 7L, 0L);
    }

    @Test
    void addsElementByElementCountingMissingOnesAsZero() {
        assertThat(RollupArrays.addNumeric(
                        new BigDecimal[] {BigDecimal.ONE, null},
                        new BigDecimal[] {BigDecimal.ONE, BigDecimal.TEN, BigDecimal.ONE}))
                .containsExactly(new BigDecimal("2"), BigDecimal.TEN, BigDecimal.ONE);
        assertThat(RollupArrays.addCount(new Long[] {1L, 2L}, new Long[] {-1L, 3L}))
                .containsExactly(0L, 5L);
        assertThat(RollupArrays.addCount(null, new Long[] {4L})).containsExactly(4L);
    }
}
