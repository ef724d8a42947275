package org.bluehelm.evidence;

import java.util.ArrayList;
import java.util.List;
import org.bluehelm.shared.FieldProblem;
import org.bluehelm.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * The event-study specification: the outcome on one dummy per period relative to each unit's
 * treatment start ({@code -leads .. -1} before, {@code 0 .. lags} from the start), the reference
 * period (default -1) omitted, with fixed effects (default two-way) and any other regressors.
 * Units never treated have every dummy at zero and serve as controls. With binned endpoints the
 * first and last dummies also take every earlier and later period; without, treated units' rows
 * outside the window are left out of the sample. Relative periods are differences of integer
 * times, or of positions in the sorted times when times are text.
 */
public final class EventStudy {

    private EventStudy() {}

    /** How each unit's treatment start is given. */
    public enum StartKind {
        /** A column holding the start time (blank: never treated), the same in every row of a unit. */
        START_COLUMN,
        /** A 0/1 column: the first period with 1 is the start (never 1: never treated). */
        TREATMENT_COLUMN
    }

    /**
     * @param startColumn read as text for {@link StartKind#START_COLUMN} (blank allowed), as a
     *     number for {@link StartKind#TREATMENT_COLUMN}
     */
    public static EventStudyResult fit(
            Panel panel,
            String outcome,
            List<String> regressors,
            String startColumn,
            StartKind kind,
            int leads,
            int lags,
            int reference,
            boolean bin,
            Effects effects,
            @Nullable String clusterColumn) {
        if (leads < 1 || lags < 0) {
            throw Refused.of("leads", "leads must be at least 1 and lags at least 0", "evidence.validation.leadsLags");
        }
        if (reference < -leads || reference > lags) {
            throw Refused.of(
                    "reference",
                    "the reference period " + reference + " is outside -" + leads + ".." + lags,
                    "evidence.validation.reference",
                    String.valueOf(reference),
                    String.valueOf(-leads),
                    String.valueOf(lags));
        }
        Integer[] start = starts(panel, startColumn, kind);
        int n = panel.rows();
        List<Integer> kept = new ArrayList<>();
        int[] relative = new int[n];
        boolean anyTreated = false;
        for (int r = 0; r < n; r++) {
            Integer s = start[panel.unitIndex()[r]];
            if (s == null) {
                kept.add(r);
                continue;
            }
            anyTreated = true;
            long rel = panel.distance(s, panel.timeIndex()[r]);
            if (rel < -leads || rel > lags) {
                if (!bin) {
                    continue;
                }
                rel = rel < -leads ? -leads : lags;
            }
            relative[r] = (int) rel;
            kept.add(r);
        }
        if (!anyTreated) {
            throw Refused.of(startColumn, "no unit is ever treated", "evidence.validation.neverTreated");
        }
        List<Integer> periods = new ArrayList<>();
        for (int e = -leads; e <= lags; e++) {
            if (e != reference) {
                periods.add(e);
            }
        }
        int m = kept.size();
        int k = periods.size() + regressors.size();
        double[][] x = new double[k][m];
        double[] y = new double[m];
        int[] units = new int[m];
        int[] times = new int[m];
        String[] clusters = clusterColumn == null ? null : new String[m];
        double[] outcomeValues = panel.column(outcome);
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            int r = kept.get(i);
            y[i] = outcomeValues[r];
            if (Double.isNaN(y[i])) {
                problems.add(Refused.problem(
                        "line " + panel.lines()[r] + ", column '" + outcome + "'",
                        "the value is missing",
                        "evidence.validation.valueMissing"));
            }
            units[i] = panel.unitIndex()[r];
            times[i] = panel.timeIndex()[r];
            if (start[units[i]] != null) {
                int column = periods.indexOf(relative[r]);
                if (column >= 0) {
                    x[column][i] = 1;
                }
            }
            for (int j = 0; j < regressors.size(); j++) {
                x[periods.size() + j][i] = panel.column(regressors.get(j))[r];
            }
            if (clusters != null) {
                clusters[i] = panel.textColumn(clusterColumn)[r];
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        List<String> names = new ArrayList<>();
        periods.forEach(e -> names.add(label(e)));
        names.addAll(regressors);
        RegressionResult regression;
        try {
            regression = FixedEffectsRegression.fit(y, x, names, units, times, effects, clusters, clusterColumn);
        } catch (InvalidInputException e) {
            List<FieldProblem> renamed = e.problems().stream()
                    .map(p -> p.field().matches("[-+]\\d+")
                            ? Refused.problem(
                                    "relative period " + p.field(),
                                    "relative period " + p.field()
                                            + " cannot be told apart from the fixed effects or the other periods"
                                            + " (too few treated units observed at that distance, or no never-treated"
                                            + " units with two-way effects and no binning)",
                                    "evidence.validation.relativePeriod",
                                    p.field())
                            : p)
                    .toList();
            throw new InvalidInputException(renamed);
        }
        return new EventStudyResult(periods, reference, bin, regression);
    }

    /** The name of a relative period's coefficient: {@code -2}, {@code +0}, {@code +3}. */
    public static String label(int relative) {
        return relative < 0 ? String.valueOf(relative) : "+" + relative;
    }

    /** Each unit's treatment start as a time index, or null when never treated. */
    private static Integer[] starts(Panel panel, String column, StartKind kind) {
        Integer[] start = new Integer[panel.units().size()];
        List<FieldProblem> problems = new ArrayList<>();
        if (kind == StartKind.TREATMENT_COLUMN) {
            double[] treated = panel.column(column);
            for (int r = 0; r < panel.rows(); r++) {
                double v = treated[r];
                if (v != 0 && v != 1) {
                    problems.add(Refused.problem(
                            "line " + panel.lines()[r] + ", column '" + column + "'",
                            "the treatment must be 0 or 1",
                            "evidence.validation.treatment01"));
                    continue;
                }
                int u = panel.unitIndex()[r];
                if (v == 1 && (start[u] == null || panel.timeIndex()[r] < start[u])) {
                    start[u] = panel.timeIndex()[r];
                }
            }
        } else {
            String[] values = panel.textColumn(column);
            String[] seen = new String[start.length];
            for (int r = 0; r < panel.rows(); r++) {
                int u = panel.unitIndex()[r];
                String v = values[r].trim();
                if (seen[u] == null) {
                    seen[u] = v;
                } else if (!seen[u].equals(v)) {
                    problems.add(Refused.problem(
                            "line " + panel.lines()[r] + ", column '" + column + "'",
                            "unit '" + panel.units().get(u) + "' has two treatment starts, '" + seen[u] + "' and '" + v
                                    + "'",
                            "evidence.validation.twoStarts",
                            panel.units().get(u),
                            seen[u],
                            v));
                    continue;
                }
                if (!v.isEmpty() && start[u] == null) {
                    int t = startIndex(panel, v);
                    if (t < 0) {
                        problems.add(Refused.problem(
                                "line " + panel.lines()[r] + ", column '" + column + "'",
                                "'" + v + "' is not a time of the panel",
                                "evidence.validation.notATime",
                                v));
                    } else {
                        start[u] = t;
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return start;
    }

    private static int startIndex(Panel panel, String value) {
        return panel.timeIndexOf(value);
    }
}
