package org.bluehelm.evidence;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A fixed-effects regression: one estimate per regressor (in {@code regressors} order) with its
 * conventional standard error and, when clustered, its cluster-robust one. {@code n} observations
 * of {@code units} units and {@code periods} periods; {@code dfResidual} the residual degrees of
 * freedom of the equivalent dummy-variable regression; {@code seType} names the conventions.
 */
public record RegressionResult(
        Effects effects,
        List<String> regressors,
        double[] estimates,
        double[] stdErrors,
        double @Nullable [] clusterStdErrors,
        int n,
        int units,
        int periods,
        int dfResidual,
        double residualVariance,
        @Nullable String clusterColumn,
        @Nullable Integer clusters,
        String seType) {

    public int indexOf(String regressor) {
        int i = regressors.indexOf(regressor);
        if (i < 0) {
            throw new IllegalArgumentException("no regressor " + regressor);
        }
        return i;
    }

    public double estimate(String regressor) {
        return estimates[indexOf(regressor)];
    }

    public double stdError(String regressor) {
        return stdErrors[indexOf(regressor)];
    }

    public double clusterStdError(String regressor) {
        if (clusterStdErrors == null) {
            throw new IllegalStateException("not clustered");
        }
        return clusterStdErrors[indexOf(regressor)];
    }
}
