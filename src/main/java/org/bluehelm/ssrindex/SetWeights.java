package org.bluehelm.ssrindex;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Weights to set, each with the version read ({@code 0} for an indicator still at the default);
 * indicators not listed keep theirs. The same shape as {@link WeightList}, so a client can read the
 * weights, change some and send the list back.
 */
public record SetWeights(@Nullable List<@Nullable Weight> weights) {

    public record Weight(
            @Nullable Long indicatorId,
            @Nullable BigDecimal weight,
            @Nullable Integer version) {}
}
