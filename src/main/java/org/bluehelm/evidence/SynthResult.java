package org.bluehelm.evidence;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A synthetic control: donor {@code weights} by unit (non-negative, summing to one), the
 * {@code predictorWeights} V by predictor label (summing to one, for standardised predictors),
 * the predictors of the treated unit and of its synthetic, root mean squared prediction errors
 * before and after the start, the {@code series} and, when asked, the in-space {@code placebo}.
 */
public record SynthResult(
        String treated,
        String treatmentStart,
        Map<String, Double> weights,
        Map<String, Double> predictorWeights,
        Map<String, double[]> predictorBalance,
        double preRmspe,
        double postRmspe,
        double fitMspe,
        List<String> fitWindow,
        List<Point> series,
        @Nullable Placebo placebo) {

    /** One period: the treated unit's outcome, its synthetic's and the gap between them. */
    public record Point(String time, double treated, double synthetic, double gap) {}

    /**
     * In-space placebos: each donor in turn as if treated, the other donors as its pool.
     * {@code ratios} is post/pre RMSPE by unit (treated included); {@code pValue} the share of
     * units whose ratio is at least the treated unit's.
     */
    public record Placebo(
            double pValue, int rank, int units, Map<String, Double> ratios, Map<String, Double> preRmspe) {}
}
