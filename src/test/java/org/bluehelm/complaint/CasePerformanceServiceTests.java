package org.bluehelm.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class CasePerformanceServiceTests {

    @Test
    void theMedianIsTheMiddleValueOrTheMeanOfTheTwoMiddleOnes() {
        assertThat(CasePerformanceService.median(List.of())).isNull();
        assertThat(CasePerformanceService.median(List.of(7L))).isEqualByComparingTo("7");
        assertThat(CasePerformanceService.median(List.of(45L, 10L, 30L))).isEqualByComparingTo("30");
        assertThat(CasePerformanceService.median(List.of(45L, 10L, 30L, 31L))).isEqualByComparingTo("30.5");
        assertThat(CasePerformanceService.median(List.of(1L, 2L))).isEqualTo(new BigDecimal("1.5"));
    }
}
