package org.bluehelm.evidence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.bluehelm.shared.FieldProblem;
import org.bluehelm.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * The rows of a panel an estimator runs on: the units named ({@code --units A,B}), the units whose
 * text column has a value ({@code --where region=Western Africa}), the times from {@code --from} to
 * {@code --to}; and what to do with blank cells ({@code --missing error|drop}). Blanks are an error
 * listing the first cells and their count, or are dropped (listwise deletion) and reported: never a
 * silent number.
 */
final class Subset {

    /** Blank cells listed in an error before the count of the others. */
    static final int LISTED = 10;

    private Subset() {}

    /** What to do with blank cells in the rows or periods used. */
    enum Missing {
        ERROR,
        DROP;

        static Missing parse(@Nullable String value) {
            if (value == null || value.isBlank()) {
                return ERROR;
            }
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "error" -> ERROR;
                case "drop" -> DROP;
                default ->
                    throw new Estimation.OptionException(
                            "--missing", "--missing must be error or drop", "evidence.validation.missing");
            };
        }
    }

    /** A {@code COL=VALUE} filter on a text column. */
    record Where(String column, String value) {

        static @Nullable Where parse(@Nullable String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            int eq = text.indexOf('=');
            if (eq <= 0) {
                throw new Estimation.OptionException(
                        "--where",
                        "--where must be COLUMN=VALUE, e.g. region=Western Africa, not '" + text + "'",
                        "evidence.validation.where",
                        text);
            }
            return new Where(
                    text.substring(0, eq).trim(), text.substring(eq + 1).trim());
        }
    }

    /** What was left out because of blank cells, for the result's {@code dropped}. */
    record Dropped(int rows, List<String> units, Map<String, ?> blanks, String reason) {

        Map<String, Object> json() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("rows", rows);
            out.put("units", units);
            out.put("blankCells", blanks);
            out.put("reason", reason);
            return out;
        }
    }

    static List<String> units(Estimation.Options o) {
        List<String> units = new ArrayList<>();
        for (String list : o.all("--units")) {
            for (String u : list.split(",")) {
                if (!u.isBlank() && !units.contains(u.trim())) {
                    units.add(u.trim());
                }
            }
        }
        return units;
    }

    /**
     * The rows of the named units, of the units matching {@code where} (a text column read with the
     * panel) and within {@code from..to}; an error when a named unit is absent or nothing is left.
     */
    static Panel apply(
            Panel panel, List<String> units, @Nullable Where where, @Nullable String from, @Nullable String to) {
        List<String> unknown =
                units.stream().filter(u -> !panel.units().contains(u)).toList();
        if (!unknown.isEmpty()) {
            String listed = String.join(", ", unknown.subList(0, Math.min(LISTED, unknown.size())));
            throw new Estimation.OptionException(
                    "--units",
                    "not in the panel: " + listed
                            + (unknown.size() > LISTED ? " and " + (unknown.size() - LISTED) + " more" : ""),
                    unknown.size() > LISTED
                            ? "evidence.validation.unitsUnknownMore"
                            : "evidence.validation.unitsUnknown",
                    listed,
                    unknown.size() - LISTED);
        }
        checkTime(panel, from, "--from");
        checkTime(panel, to, "--to");
        if (units.isEmpty() && where == null && from == null && to == null) {
            return panel;
        }
        Set<String> named = new LinkedHashSet<>(units);
        String[] whereValues = where == null ? null : panel.textColumn(where.column());
        boolean[] keep = new boolean[panel.rows()];
        for (int r = 0; r < panel.rows(); r++) {
            int t = panel.timeIndex()[r];
            keep[r] = (named.isEmpty() || named.contains(panel.units().get(panel.unitIndex()[r])))
                    && (whereValues == null || whereValues[r].equalsIgnoreCase(where.value()))
                    && (from == null || panel.compareTime(from, t) <= 0)
                    && (to == null || panel.compareTime(to, t) >= 0);
        }
        Panel kept = keep(panel, keep);
        if (kept.rows() == 0) {
            throw new Estimation.OptionException(
                    where != null ? "--where" : !units.isEmpty() ? "--units" : "--from",
                    "no row of the panel is left by"
                            + (units.isEmpty() ? "" : " --units")
                            + (where == null ? "" : " --where " + where.column() + "=" + where.value())
                            + (from == null && to == null ? "" : " --from/--to"),
                    "evidence.validation.noRowLeft");
        }
        return kept;
    }

    private static void checkTime(Panel panel, @Nullable String time, String option) {
        if (time != null && panel.integerTimes() && !time.trim().matches("[+-]?\\d{1,18}")) {
            throw new Estimation.OptionException(
                    option,
                    option + " must be a time of this panel (an integer), not '" + time + "'",
                    "evidence.validation.timeInteger",
                    time);
        }
    }

    /**
     * Rows with a blank cell in any of the columns: with {@link Missing#ERROR} an error listing the
     * first {@value #LISTED} and the count; with {@link Missing#DROP} the panel without them and
     * what was dropped.
     */
    static Result blanks(Panel panel, List<String> numeric, List<String> text, Missing missing) {
        boolean[] keep = new boolean[panel.rows()];
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<FieldProblem> problems = new ArrayList<>();
        int blankCells = 0;
        for (int r = 0; r < panel.rows(); r++) {
            keep[r] = true;
            for (String c : numeric) {
                if (Double.isNaN(panel.column(c)[r])) {
                    keep[r] = false;
                    counts.merge(c, 1, Integer::sum);
                    blankCells++;
                    problems.add(cell(panel, r, c));
                }
            }
            for (String c : text) {
                if (panel.textColumn(c)[r].isEmpty()) {
                    keep[r] = false;
                    counts.merge(c, 1, Integer::sum);
                    blankCells++;
                    problems.add(cell(panel, r, c));
                }
            }
        }
        if (problems.isEmpty()) {
            return new Result(panel, null);
        }
        if (missing == Missing.ERROR) {
            throw blankError(problems, blankCells);
        }
        Panel kept = keep(panel, keep);
        if (kept.rows() == 0) {
            throw Refused.of(
                    "missing",
                    "every row has a blank cell in " + String.join(", ", counts.keySet()),
                    "evidence.validation.allBlank",
                    String.join(", ", counts.keySet()));
        }
        List<String> gone =
                panel.units().stream().filter(u -> !kept.units().contains(u)).toList();
        int rows = panel.rows() - kept.rows();
        return new Result(
                kept,
                new Dropped(
                        rows,
                        gone,
                        counts,
                        rows + " rows with a blank cell in " + String.join(", ", counts.keySet())
                                + " left out (listwise deletion)"
                                + (gone.isEmpty() ? "" : "; units with no row left: " + String.join(", ", gone))));
    }

    /** A panel and what was dropped from it, if anything. */
    record Result(Panel panel, @Nullable Dropped dropped) {}

    private static FieldProblem cell(Panel panel, int r, String column) {
        String unit = panel.units().get(panel.unitIndex()[r]);
        String time = panel.times().get(panel.timeIndex()[r]);
        return Refused.problem(
                "line " + panel.lines()[r] + ", column '" + column + "'",
                "the value is missing (unit " + unit + ", time " + time + ")",
                "evidence.validation.cellMissing",
                unit,
                time);
    }

    /**
     * The first {@value #LISTED} blank cells and a last problem counting them all and suggesting
     * {@code missing=drop} or a narrower subset.
     */
    static InvalidInputException blankError(List<FieldProblem> problems, int total) {
        List<FieldProblem> out = new ArrayList<>(problems.subList(0, Math.min(LISTED, problems.size())));
        out.add(Refused.problem(
                "missing",
                total + " blank " + (total == 1 ? "cell" : "cells") + " in the rows used"
                        + (total > LISTED ? " (the first " + LISTED + " listed)" : "")
                        + ": choose missing=drop to leave them out (listwise deletion), or a narrower period"
                        + " (--from, --to) or fewer units (--units, --where)",
                total > LISTED ? "evidence.validation.blanksListed" : "evidence.validation.blanks",
                total,
                LISTED));
        return new InvalidInputException(out);
    }

    /** The panel of the rows kept: units in order of first appearance, times those left, sorted. */
    static Panel keep(Panel panel, boolean[] keep) {
        int n = 0;
        for (boolean k : keep) {
            n += k ? 1 : 0;
        }
        int[] rows = new int[n];
        for (int r = 0, i = 0; r < keep.length; r++) {
            if (keep[r]) {
                rows[i++] = r;
            }
        }
        List<String> units = new ArrayList<>();
        Map<Integer, Integer> unitMap = new HashMap<>();
        boolean[] timeUsed = new boolean[panel.times().size()];
        for (int r : rows) {
            unitMap.computeIfAbsent(panel.unitIndex()[r], u -> {
                units.add(panel.units().get(u));
                return units.size() - 1;
            });
            timeUsed[panel.timeIndex()[r]] = true;
        }
        int[] timeMap = new int[panel.times().size()];
        List<String> times = new ArrayList<>();
        for (int t = 0; t < timeUsed.length; t++) {
            if (timeUsed[t]) {
                timeMap[t] = times.size();
                times.add(panel.times().get(t));
            }
        }
        int[] unitIndex = new int[n];
        int[] timeIndex = new int[n];
        long[] lines = new long[n];
        for (int i = 0; i < n; i++) {
            unitIndex[i] = unitMap.get(panel.unitIndex()[rows[i]]);
            timeIndex[i] = timeMap[panel.timeIndex()[rows[i]]];
            lines[i] = panel.lines()[rows[i]];
        }
        Map<String, double[]> numeric = new LinkedHashMap<>();
        panel.numeric()
                .forEach((c, v) -> numeric.put(
                        c, Arrays.stream(rows).mapToDouble(r -> v[r]).toArray()));
        Map<String, String[]> text = new LinkedHashMap<>();
        panel.text()
                .forEach((c, v) ->
                        text.put(c, Arrays.stream(rows).mapToObj(r -> v[r]).toArray(String[]::new)));
        return new Panel(
                panel.unitColumn(),
                panel.timeColumn(),
                List.copyOf(units),
                List.copyOf(times),
                panel.integerTimes(),
                unitIndex,
                timeIndex,
                lines,
                numeric,
                text);
    }
}
