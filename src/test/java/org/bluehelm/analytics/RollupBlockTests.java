package org.bluehelm.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.bluehelm.shared.PeriodType;
import org.junit.jupiter.api.Test;

/** The sums a block adds up in memory before it is written: exact whatever the values. */
class RollupBlockTests {

    @Test
    void addsValuesAndCountsSlotBySlot() {
        RollupStore.Block block = new RollupStore.Block(PeriodType.QUARTERLY);
        block.add(0, new BigDecimal("2.5"), 1, 7L, "LBR");
        block.add(0, new BigDecimal("0.000001"), 1, 3L, "CAF");
        block.add(2, new BigDecimal("-4"), -1, null, null);

        assertThat(block.sums())
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("2.500001"), BigDecimal.ZERO, new BigDecimal("-4"), BigDecimal.ZERO);
        assertThat(block.boxedCounts()).containsExactly(2L, 0L, -1L, 0L);
        assertThat(block.empty(1)).isTrue();
        assertThat(block.empty(2)).isFalse();
    }

    @Test
    void staysExactForSumsBeyondALongOfMillionthsAndForMoreDecimals() {
        RollupStore.Block block = new RollupStore.Block(PeriodType.YEARLY);
        // a long holds about 9.2 * 10^12 in millionths: ten of these already leave its range
        BigDecimal large = new BigDecimal("999999999999.999999");
        for (int i = 0; i < 100_000; i++) {
            block.add(0, large, 1, null, "LBR");
        }
        block.add(0, new BigDecimal("99999999999999.999999"), 1, null, "LBR"); // the largest a value can be
        block.add(0, new BigDecimal("0.1234567"), 1, null, "LBR");
        block.add(0, new BigDecimal("1E+3"), 1, null, "LBR");

        assertThat(block.sums()[0])
                .isEqualByComparingTo(large.multiply(BigDecimal.valueOf(100_000))
                        .add(new BigDecimal("99999999999999.999999"))
                        .add(new BigDecimal("0.1234567"))
                        .add(new BigDecimal("1000")));
    }

    @Test
    void spreadsOneBlockIntoAnotherWithItsLargeSums() {
        RollupStore.Block monthly = new RollupStore.Block(PeriodType.MONTHLY);
        for (int i = 0; i < 18; i++) {
            monthly.add(0, new BigDecimal("999999999999"), 1, 1L, "LBR");
        }
        monthly.add(1, new BigDecimal("1.5"), 1, 1L, "LBR");
        RollupStore.Block quarterly = new RollupStore.Block(PeriodType.QUARTERLY);

        quarterly.add(0, monthly, 0);
        quarterly.add(0, monthly, 1);

        assertThat(quarterly.sums()[0]).isEqualByComparingTo("17999999999983.5");
        assertThat(quarterly.boxedCounts()[0]).isEqualTo(19L);
    }

    @Test
    void writesItsSumsAndCountsAsTheTextOfAnArrayThatReadsBackToTheSameNumbers() {
        RollupStore.Block block = new RollupStore.Block(PeriodType.MONTHLY);
        block.add(0, new BigDecimal("2.5"), 1, 1L, "LBR");
        block.add(1, new BigDecimal("0.000001"), 1, 1L, "LBR");
        block.add(2, new BigDecimal("-4"), -1, 1L, "LBR");
        block.add(3, new BigDecimal("-0.25"), 2, 1L, "LBR");
        block.add(4, new BigDecimal("1000000.00001"), 1, 1L, "LBR");
        block.add(5, new BigDecimal("99999999999999.999999"), 1, 1L, "LBR"); // kept as a BigDecimal
        block.add(5, new BigDecimal("0.5"), 1, 1L, "LBR");
        block.add(6, new BigDecimal("-999999.9"), 1, 1L, "LBR");

        String text = block.sumsText();
        assertThat(text).isEqualTo("{2.5,0.000001,-4,-0.25,1000000.00001,100000000000000.499999,-999999.9,0,0,0,0,0}");
        String[] numbers = text.substring(1, text.length() - 1).split(",");
        BigDecimal[] sums = block.sums();
        for (int i = 0; i < sums.length; i++) {
            assertThat(new BigDecimal(numbers[i])).isEqualByComparingTo(sums[i]);
        }
        assertThat(block.countsText()).isEqualTo("{1,1,-1,2,1,2,1,0,0,0,0,0}");
    }
}
