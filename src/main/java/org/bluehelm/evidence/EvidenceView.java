package org.bluehelm.evidence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.hipparchus.distribution.continuous.TDistribution;
import org.jspecify.annotations.Nullable;

/**
 * A result for the screen and the CSV download, read from the JSON tree that the API returns:
 * each coefficient with its 95% confidence interval, and the synthetic control's tables. The
 * interval is the estimate plus or minus the t quantile times the standard error, with the
 * residual degrees of freedom, or clusters minus one when clustered (the cluster-robust error is
 * then used).
 */
record EvidenceView(
        String estimator,
        Map<String, Object> json,
        List<Coefficient> coefficients,
        @Nullable Integer reference,
        List<Point> series,
        List<Share> weights,
        List<Balance> predictors,
        List<Share> predictorWeights,
        List<Share> placeboRatios) {

    /** One coefficient: the event-study relative period when it has one. */
    record Coefficient(
            String name,
            @Nullable Integer relative,
            @Nullable Double estimate,
            @Nullable Double stdError,
            @Nullable Double clusterStdError,
            @Nullable Double low,
            @Nullable Double high) {}

    record Point(
            Object time,
            @Nullable Double treated,
            @Nullable Double synthetic,
            @Nullable Double gap) {}

    record Share(String name, @Nullable Double value) {}

    record Balance(
            String predictor,
            @Nullable Double treated,
            @Nullable Double synthetic,
            @Nullable Double donorMean) {}

    @SuppressWarnings("unchecked")
    static EvidenceView of(String estimator, Map<String, Object> json) {
        List<Coefficient> coefficients = new ArrayList<>();
        Integer reference = json.get("reference") instanceof Number n ? n.intValue() : null;
        Object coefficientsNode = json.get("coefficients");
        if (coefficientsNode instanceof Map<?, ?> map) {
            boolean clustered = json.get("clusters") instanceof Number;
            int df = clustered
                    ? ((Number) json.get("clusters")).intValue() - 1
                    : ((Number) json.getOrDefault("dfResidual", 0)).intValue();
            double t = df >= 1 ? new TDistribution(df).inverseCumulativeProbability(0.975) : Double.NaN;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                Map<String, Object> c = (Map<String, Object>) e.getValue();
                Double estimate = number(c.get("estimate"));
                Double se = number(c.get("stdError"));
                Double cse = number(c.get("clusterStdError"));
                Double used = clustered ? cse : se;
                Double low = null;
                Double high = null;
                if (estimate != null && used != null && Double.isFinite(t)) {
                    low = estimate - t * used;
                    high = estimate + t * used;
                }
                String name = String.valueOf(e.getKey());
                Integer relative = null;
                if (estimator.equals("event-study")) {
                    try {
                        relative = Integer.valueOf(name.replace("+", ""));
                    } catch (NumberFormatException notAPeriod) {
                        relative = null; // a control regressor
                    }
                }
                coefficients.add(new Coefficient(name, relative, estimate, se, cse, low, high));
            }
            if (reference != null) {
                coefficients.add(new Coefficient(EventStudy.label(reference), reference, 0.0, null, null, null, null));
                coefficients.sort(Comparator.comparing(
                        c -> c.relative() == null ? Integer.MAX_VALUE : c.relative(), Comparator.naturalOrder()));
            }
        }
        List<Point> series = new ArrayList<>();
        if (json.get("series") instanceof List<?> list) {
            for (Object o : list) {
                Map<String, Object> p = (Map<String, Object>) o;
                series.add(new Point(
                        p.get("time"), number(p.get("treated")), number(p.get("synthetic")), number(p.get("gap"))));
            }
        }
        List<Share> weights = shares(json.get("weights"));
        weights.sort(Comparator.comparing((Share s) -> s.value() == null ? 0 : s.value())
                .reversed());
        List<Balance> predictors = new ArrayList<>();
        if (json.get("predictors") instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                Map<String, Object> row = (Map<String, Object>) v;
                predictors.add(new Balance(
                        String.valueOf(k),
                        number(row.get("treated")),
                        number(row.get("synthetic")),
                        number(row.get("donorMean"))));
            });
        }
        List<Share> ratios = new ArrayList<>();
        if (json.get("placebo") instanceof Map<?, ?> placebo) {
            ratios = shares(placebo.get("ratios"));
            ratios.sort(Comparator.comparing((Share s) -> s.value() == null ? Double.POSITIVE_INFINITY : s.value())
                    .reversed());
        }
        return new EvidenceView(
                estimator,
                json,
                coefficients,
                reference,
                series,
                weights,
                predictors,
                shares(json.get("predictorWeights")),
                ratios);
    }

    /** The post/pre RMSPE ratio of the treated unit, or null. */
    public @Nullable Double ratio() {
        Double pre = number(json.get("preRmspe"));
        Double post = number(json.get("postRmspe"));
        return pre == null || post == null || pre == 0 ? null : post / pre;
    }

    /** The smallest p-value the placebo test can give: 1 / (donors + 1). */
    public @Nullable Double minimumPValue() {
        if (json.get("placebo") instanceof Map<?, ?> placebo && placebo.get("units") instanceof Number units) {
            return 1.0 / units.intValue();
        }
        return null;
    }

    public boolean clustered() {
        return json.get("clusters") instanceof Number;
    }

    /** The donor weights of a synthetic control as CSV, largest first. */
    String weightsCsv() {
        StringBuilder b = new StringBuilder("unit,weight\n");
        for (Share s : weights) {
            b.append(cell(s.name())).append(',').append(text(s.value())).append('\n');
        }
        return b.toString();
    }

    /** The table as CSV: coefficients with their intervals, or the synthetic control's series. */
    String csv() {
        StringBuilder b = new StringBuilder();
        if (estimator.equals("synth")) {
            b.append("time,treated,synthetic,gap\n");
            for (Point p : series) {
                b.append(cell(String.valueOf(p.time())))
                        .append(',')
                        .append(text(p.treated()))
                        .append(',')
                        .append(text(p.synthetic()))
                        .append(',')
                        .append(text(p.gap()))
                        .append('\n');
            }
            return b.toString();
        }
        b.append("coefficient,estimate,stdError,clusterStdError,ci95Low,ci95High\n");
        for (Coefficient c : coefficients) {
            b.append(cell(c.name()))
                    .append(',')
                    .append(text(c.estimate()))
                    .append(',')
                    .append(text(c.stdError()))
                    .append(',')
                    .append(text(c.clusterStdError()))
                    .append(',')
                    .append(text(c.low()))
                    .append(',')
                    .append(text(c.high()))
                    .append('\n');
        }
        return b.toString();
    }

    private static String text(@Nullable Double value) {
        return value == null ? "" : String.valueOf(value);
    }

    /** A CSV cell, quoted when needed and never read as a formula by a spreadsheet. */
    private static String cell(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !v.matches("[+-]?\\d+(\\.\\d+)?")) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    private static List<Share> shares(@Nullable Object node) {
        List<Share> out = new ArrayList<>();
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> out.add(new Share(String.valueOf(k), number(v))));
        }
        return out;
    }

    private static @Nullable Double number(@Nullable Object value) {
        return value instanceof Number n ? n.doubleValue() : null;
    }
}
