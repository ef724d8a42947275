package org.bluehelm.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReadinessTests {

    @Test
    void theWeightsAreRenormalisedOverTheComponentsWithData() {
        Map<String, BigDecimal> all = new LinkedHashMap<>();
        all.put("capacity", new BigDecimal("60"));
        all.put("ownership", new BigDecimal("80"));
        all.put("accountability", new BigDecimal("40"));
        all.put("context", new BigDecimal("75"));
        // 0.30 × 60 + 0.30 × 80 + 0.25 × 40 + 0.15 × 75 = 63.25
        assertThat(ReadinessService.weighted(all)).isEqualByComparingTo("63.3");
        all.remove("accountability");
        assertThat(ReadinessService.weighted(all)).isEqualByComparingTo("71.0");
    }

    @Test
    void aComparisonIsStrict() {
        assertThat(Comparison.ABOVE.crossed(new BigDecimal("50"), new BigDecimal("50")))
                .isFalse();
        assertThat(Comparison.ABOVE.crossed(new BigDecimal("50.1"), new BigDecimal("50")))
                .isTrue();
        assertThat(Comparison.BELOW.crossed(new BigDecimal("49"), new BigDecimal("50")))
                .isTrue();
    }
}
