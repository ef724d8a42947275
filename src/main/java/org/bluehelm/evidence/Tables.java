package org.bluehelm.evidence;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders an estimator's result map (as printed in JSON) as a readable plain-text table. */
final class Tables {

    private Tables() {}

    @SuppressWarnings("unchecked")
    static String render(String estimator, Map<String, Object> result) {
        StringBuilder out = new StringBuilder();
        if (result.get("dropped") instanceof Map<?, ?> dropped) {
            // never silent: what listwise deletion (or leaving out donors) removed comes first
            out.append(String.format(Locale.ROOT, "Dropped (--missing drop): %s%n%n", dropped.get("reason")));
        }
        if (estimator.equals("synth")) {
            out.append(String.format(
                    Locale.ROOT,
                    "Synthetic control for %s (outcome %s, treatment from %s)%n",
                    result.get("treated"),
                    result.get("outcome"),
                    result.get("treatmentStart")));
            out.append(String.format(
                    Locale.ROOT,
                    "Pre-treatment RMSPE %s, post-treatment RMSPE %s%n%n",
                    number(result.get("preRmspe")),
                    number(result.get("postRmspe"))));
            out.append(String.format(Locale.ROOT, "%-30s %10s%n", "Donor", "Weight"));
            ((Map<String, Object>) result.get("weights"))
                    .forEach((unit, w) -> out.append(String.format(Locale.ROOT, "%-30s %10s%n", unit, number(w))));
            out.append(String.format(
                    Locale.ROOT,
                    "%n%-30s %10s %12s %12s %12s%n",
                    "Predictor",
                    "V",
                    "Treated",
                    "Synthetic",
                    "Donor mean"));
            Map<String, Object> v = (Map<String, Object>) result.get("predictorWeights");
            ((Map<String, Object>) result.get("predictors")).forEach((label, row) -> {
                Map<String, Object> r = (Map<String, Object>) row;
                out.append(String.format(
                        Locale.ROOT,
                        "%-30s %10s %12s %12s %12s%n",
                        label,
                        number(v.get(label)),
                        number(r.get("treated")),
                        number(r.get("synthetic")),
                        number(r.get("donorMean"))));
            });
            out.append(String.format(Locale.ROOT, "%n%-12s %12s %12s %12s%n", "Time", "Treated", "Synthetic", "Gap"));
            for (Object p : (List<Object>) result.get("series")) {
                Map<String, Object> point = (Map<String, Object>) p;
                out.append(String.format(
                        Locale.ROOT,
                        "%-12s %12s %12s %12s%n",
                        point.get("time"),
                        number(point.get("treated")),
                        number(point.get("synthetic")),
                        number(point.get("gap"))));
            }
            Map<String, Object> placebo = (Map<String, Object>) result.get("placebo");
            if (placebo != null) {
                out.append(String.format(
                        Locale.ROOT,
                        "%nIn-space placebos: p-value %s (rank %s of %s by post/pre RMSPE ratio)%n",
                        number(placebo.get("pValue")),
                        placebo.get("rank"),
                        placebo.get("units")));
                ((Map<String, Object>) placebo.get("ratios"))
                        .forEach((unit, ratio) ->
                                out.append(String.format(Locale.ROOT, "%-30s %12s%n", unit, number(ratio))));
            }
            return out.toString();
        }
        out.append(String.format(
                Locale.ROOT,
                "%s of %s with %s fixed effects: n = %s, units = %s, periods = %s, residual df = %s%n%n",
                estimator.equals("panel")
                        ? "Panel regression"
                        : "Event study (reference period " + result.get("reference") + ")",
                result.get("outcome"),
                result.get("effects"),
                result.get("n"),
                result.get("units"),
                result.get("periods"),
                result.get("dfResidual")));
        boolean clustered = result.containsKey("cluster");
        out.append(String.format(
                Locale.ROOT,
                "%-24s %14s %14s%s%n",
                estimator.equals("panel") ? "Regressor" : "Term",
                "Estimate",
                "Std. error",
                clustered ? String.format(Locale.ROOT, " %14s", "Cluster s.e.") : ""));
        ((Map<String, Object>) result.get("coefficients")).forEach((name, c) -> {
            Map<String, Object> coefficient = (Map<String, Object>) c;
            out.append(String.format(
                    Locale.ROOT,
                    "%-24s %14s %14s%s%n",
                    name,
                    number(coefficient.get("estimate")),
                    number(coefficient.get("stdError")),
                    clustered ? String.format(Locale.ROOT, " %14s", number(coefficient.get("clusterStdError"))) : ""));
        });
        out.append(String.format(Locale.ROOT, "%nStandard errors: %s%n", result.get("seType")));
        if (clustered) {
            out.append(
                    String.format(Locale.ROOT, "Clusters: %s by %s%n", result.get("clusters"), result.get("cluster")));
        }
        return out.toString();
    }

    private static String number(Object value) {
        if (value instanceof Double d) {
            return String.format(Locale.ROOT, "%.6g", d);
        }
        return String.valueOf(value);
    }
}
