package org.bluehelm.evidence;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
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
 * Runs an estimator from named options ({@code --outcome}, {@code --regressor}, ...) on a panel
 * and maps its result to the JSON tree that the {@code evidence} command prints and the API
 * returns: one mapping for both, so that they answer alike for the same input.
 */
final class Estimation {

    static final Set<String> ESTIMATORS = Set.of("panel", "event-study", "synth");
    private static final Set<String> FLAGS = Set.of("--placebos", "--bin");
    private static final Set<String> REPEATED = Set.of("--regressor", "--predictor");

    private Estimation() {}

    /** Where the panel CSV is read from (a file, an upload or a panel source), and its size limits. */
    @FunctionalInterface
    interface PanelInput {

        Reader open() throws IOException;

        /** Checks the panel once read, throwing {@code InvalidInputException} when it is too large. */
        default void check(Panel panel, Options options) {}
    }

    static Map<String, Object> run(String estimator, Options options, PanelInput input) throws IOException {
        try {
            return switch (estimator) {
                case "panel" -> panel(options, input);
                case "event-study" -> eventStudy(options, input);
                case "synth" -> synth(options, input);
                default ->
                    throw new IllegalArgumentException(
                            "unknown estimator '" + estimator + "': panel, event-study or synth");
            };
        } catch (InvalidInputException e) {
            // many blank cells: the first few, their count and what to do, not a long list of one message
            List<FieldProblem> blanks = e.problems().stream()
                    .filter(p -> p.message().startsWith("the value is missing"))
                    .toList();
            if (blanks.size() > Subset.LISTED && blanks.size() == e.problems().size()) {
                throw Subset.blankError(blanks, blanks.size());
            }
            throw e;
        }
    }

    private static Map<String, Object> panel(Options o, PanelInput input) throws IOException {
        String outcome = o.required("--outcome");
        List<String> regressors = o.all("--regressor");
        if (regressors.isEmpty()) {
            throw new OptionException("--regressor", "name at least one --regressor", "evidence.validation.regressor");
        }
        Effects effects = Effects.parse(o.required("--effects"));
        String cluster = o.optional("--cluster");
        List<String> numeric = new ArrayList<>();
        numeric.add(outcome);
        numeric.addAll(regressors);
        List<String> text = cluster == null ? List.of() : List.of(cluster);
        Subset.Missing missing = Subset.Missing.parse(o.optional("--missing"));
        Subset.Result kept = Subset.blanks(read(o, input, List.of(), numeric, text), numeric, text, missing);
        Panel panel = kept.panel();
        input.check(panel, o);
        double[][] x = new double[regressors.size()][];
        for (int j = 0; j < regressors.size(); j++) {
            x[j] = panel.column(regressors.get(j));
        }
        RegressionResult r = FixedEffectsRegression.fit(
                panel.column(outcome),
                x,
                regressors,
                panel.unitIndex(),
                panel.timeIndex(),
                effects,
                cluster == null ? null : panel.textColumn(cluster),
                cluster);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("estimator", "panel");
        result.put("outcome", outcome);
        result.put("effects", effects.label());
        result.put("coefficients", coefficients(r, r.regressors()));
        putCounts(result, r);
        putSubset(result, o, panel, missing, kept.dropped());
        return result;
    }

    private static Map<String, Object> eventStudy(Options o, PanelInput input) throws IOException {
        String outcome = o.required("--outcome");
        String startColumn = o.optional("--treatment-start");
        String treatmentColumn = o.optional("--treatment");
        if ((startColumn == null) == (treatmentColumn == null)) {
            throw new OptionException(
                    "--treatment-start",
                    "give one of --treatment-start COL or --treatment COL",
                    "evidence.validation.treatmentColumn");
        }
        List<String> regressors = o.all("--regressor");
        Effects effects = Effects.parse(o.one("--effects", "twoway"));
        String cluster = o.optional("--cluster");
        int leads = o.integer("--leads", 4);
        int lags = o.integer("--lags", 4);
        int reference = o.integer("--reference", -1);
        List<String> numeric = new ArrayList<>();
        List<String> text = new ArrayList<>();
        if (cluster != null) {
            text.add(cluster);
        }
        if (treatmentColumn != null) {
            numeric.add(treatmentColumn);
        }
        List<String> optional = new ArrayList<>(regressors);
        optional.add(outcome);
        if (startColumn != null) {
            text.add(startColumn);
        }
        Subset.Missing missing = Subset.Missing.parse(o.optional("--missing"));
        List<String> checked = new ArrayList<>(regressors);
        if (missing == Subset.Missing.DROP) {
            checked.add(outcome); // else a blank outcome is an error only in the rows of the event window
        }
        Panel read = read(o, input, numeric, optional, text);
        Subset.Result kept = Subset.blanks(read, checked, cluster == null ? List.of() : List.of(cluster), missing);
        Panel panel = kept.panel();
        input.check(panel, o);
        EventStudyResult es = EventStudy.fit(
                panel,
                outcome,
                regressors,
                startColumn != null ? startColumn : treatmentColumn,
                startColumn != null ? EventStudy.StartKind.START_COLUMN : EventStudy.StartKind.TREATMENT_COLUMN,
                leads,
                lags,
                reference,
                o.flag("--bin"),
                effects,
                cluster);
        RegressionResult r = es.regression();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("estimator", "event-study");
        result.put("outcome", outcome);
        result.put("effects", effects.label());
        result.put("reference", es.reference());
        result.put("binned", es.binned());
        result.put("coefficients", coefficients(r, r.regressors()));
        putCounts(result, r);
        putSubset(result, o, panel, missing, kept.dropped());
        return result;
    }

    private static Map<String, Object> synth(Options o, PanelInput input) throws IOException {
        String outcome = o.required("--outcome");
        String treated = o.required("--treated");
        String start = o.required("--treatment-start");
        List<Predictor> predictors = new ArrayList<>();
        for (String p : o.all("--predictor")) {
            predictors.add(Predictor.parse(p));
        }
        String window = o.optional("--fit-window");
        Predictor.Window fitWindow = window == null ? null : Predictor.Window.parse("fitWindow", window);
        Set<String> columns = new LinkedHashSet<>();
        predictors.forEach(p -> columns.add(p.column()));
        columns.remove(outcome);
        List<String> optional = new ArrayList<>(columns);
        optional.add(0, outcome);
        Subset.Missing missing = Subset.Missing.parse(o.optional("--missing"));
        Panel read = read(o, input, List.of(), optional, List.of());
        Subset.Dropped dropped = null;
        Map<String, List<String>> blanks = SyntheticControl.blanks(read, outcome, start, predictors);
        List<String> treatedBlanks = blanks.get(treated.trim());
        if (treatedBlanks != null) {
            throw Refused.of(
                    "treated",
                    "the treated unit " + treated.trim() + " has blank cells in the periods used ("
                            + String.join("; ", treatedBlanks)
                            + "): choose a narrower period (--from, --to) or other predictors",
                    "evidence.validation.treatedBlanks",
                    treated.trim(),
                    String.join("; ", treatedBlanks));
        }
        Panel panel = read;
        if (!blanks.isEmpty() && missing == Subset.Missing.ERROR) {
            List<FieldProblem> problems = new ArrayList<>();
            blanks.forEach((unit, cells) -> problems.add(Refused.problem(
                    "unit " + unit,
                    "the value is missing: " + String.join("; ", cells),
                    "evidence.validation.missingCells",
                    String.join("; ", cells))));
            List<FieldProblem> listed = new ArrayList<>(problems.subList(0, Math.min(Subset.LISTED, problems.size())));
            listed.add(Refused.problem(
                    "missing",
                    blanks.size() + " donor units have blank cells in the periods used"
                            + (blanks.size() > Subset.LISTED ? " (the first " + Subset.LISTED + " listed)" : "")
                            + ": choose missing=drop to leave these donors out, or a narrower period (--from, --to)"
                            + " or fewer units (--units, --where)",
                    blanks.size() > Subset.LISTED
                            ? "evidence.validation.donorBlanksListed"
                            : "evidence.validation.donorBlanks",
                    blanks.size(),
                    Subset.LISTED));
            throw new InvalidInputException(listed);
        }
        if (!blanks.isEmpty()) {
            boolean[] keep = new boolean[read.rows()];
            for (int r = 0; r < read.rows(); r++) {
                keep[r] = !blanks.containsKey(read.units().get(read.unitIndex()[r]));
            }
            panel = Subset.keep(read, keep);
            List<String> gone = List.copyOf(blanks.keySet());
            dropped = new Subset.Dropped(
                    read.rows() - panel.rows(),
                    gone,
                    blanks,
                    gone.size() + " donor units with a blank outcome or predictor in the periods used left out: "
                            + String.join(", ", gone));
        }
        input.check(panel, o);
        SynthResult s =
                SyntheticControl.fit(panel, outcome, treated, start, predictors, fitWindow, o.flag("--placebos"));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("estimator", "synth");
        result.put("outcome", outcome);
        result.put("treated", s.treated());
        result.put("treatmentStart", s.treatmentStart());
        result.put("weights", finite(s.weights()));
        result.put("predictorWeights", finite(s.predictorWeights()));
        Map<String, Object> balance = new LinkedHashMap<>();
        s.predictorBalance().forEach((label, v) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("treated", finite(v[0]));
            row.put("synthetic", finite(v[1]));
            row.put("donorMean", finite(v[2]));
            balance.put(label, row);
        });
        result.put("predictors", balance);
        result.put("preRmspe", finite(s.preRmspe()));
        result.put("postRmspe", finite(s.postRmspe()));
        result.put("fitWindow", s.fitWindow());
        result.put("fitMspe", finite(s.fitMspe()));
        List<Object> series = new ArrayList<>();
        for (SynthResult.Point p : s.series()) {
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("time", panel.integerTimes() ? (Object) Long.parseLong(p.time()) : p.time());
            point.put("treated", finite(p.treated()));
            point.put("synthetic", finite(p.synthetic()));
            point.put("gap", finite(p.gap()));
            series.add(point);
        }
        result.put("series", series);
        if (s.placebo() != null) {
            Map<String, Object> placebo = new LinkedHashMap<>();
            placebo.put("pValue", s.placebo().pValue());
            placebo.put("rank", s.placebo().rank());
            placebo.put("units", s.placebo().units());
            placebo.put("ratios", finite(s.placebo().ratios()));
            placebo.put("preRmspe", finite(s.placebo().preRmspe()));
            result.put("placebo", placebo);
        }
        putSubset(result, o, panel, missing, dropped);
        return result;
    }

    /** The subset asked for and, with {@code --missing drop}, what was dropped (rows 0 when nothing). */
    private static void putSubset(
            Map<String, Object> result,
            Options o,
            Panel panel,
            Subset.Missing missing,
            Subset.@Nullable Dropped dropped) {
        List<String> units = Subset.units(o);
        String where = o.optional("--where");
        String from = o.optional("--from");
        String to = o.optional("--to");
        if (!units.isEmpty() || where != null || from != null || to != null) {
            Map<String, Object> subset = new LinkedHashMap<>();
            if (!units.isEmpty()) {
                subset.put("units", units);
            }
            if (where != null) {
                subset.put("where", where.trim());
            }
            if (from != null) {
                subset.put("from", from.trim());
            }
            if (to != null) {
                subset.put("to", to.trim());
            }
            subset.put("unitsUsed", panel.units().size());
            subset.put("rowsUsed", panel.rows());
            result.put("subset", subset);
        }
        result.put("missing", missing.name().toLowerCase(Locale.ROOT));
        if (missing == Subset.Missing.DROP) {
            result.put(
                    "dropped",
                    dropped != null
                            ? dropped.json()
                            : new Subset.Dropped(0, List.of(), Map.of(), "no blank cell in the rows used").json());
        }
    }

    private static Map<String, Object> coefficients(RegressionResult r, List<String> names) {
        Map<String, Object> coefficients = new LinkedHashMap<>();
        for (int j = 0; j < names.size(); j++) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("estimate", finite(r.estimates()[j]));
            c.put("stdError", finite(r.stdErrors()[j]));
            if (r.clusterStdErrors() != null) {
                c.put("clusterStdError", finite(r.clusterStdErrors()[j]));
            }
            coefficients.put(names.get(j), c);
        }
        return coefficients;
    }

    private static void putCounts(Map<String, Object> result, RegressionResult r) {
        result.put("n", r.n());
        result.put("units", r.units());
        result.put("periods", r.periods());
        result.put("dfResidual", r.dfResidual());
        if (r.clusterColumn() != null) {
            result.put("cluster", r.clusterColumn());
            result.put("clusters", r.clusters());
        }
        result.put("seType", r.seType());
    }

    /** JSON has no NaN or infinity: such a number is written as null. */
    private static @Nullable Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static Map<String, @Nullable Double> finite(Map<String, Double> values) {
        Map<String, @Nullable Double> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, finite(v)));
        return out;
    }

    /**
     * Reads the panel (the {@code optionalText} columns and the {@code --where} column may be blank)
     * and keeps the rows of the subset asked for; the caller checks blanks and size limits.
     */
    private static Panel read(
            Options o, PanelInput input, List<String> numeric, List<String> optional, List<String> optionalText)
            throws IOException {
        String unit = o.required("--unit");
        String time = o.required("--time");
        Subset.Where where = Subset.Where.parse(o.optional("--where"));
        List<String> text = new ArrayList<>(optionalText);
        if (where != null && !text.contains(where.column())) {
            text.add(where.column());
        }
        Panel panel;
        try (Reader reader = input.open()) {
            panel = PanelReader.read(reader, unit, time, numeric, optional, List.of(), text);
        } catch (InvalidInputException e) {
            if (where != null
                    && e.problems().stream()
                            .anyMatch(p -> p.field().equals(where.column())
                                    && p.message().startsWith("unknown column"))) {
                throw new OptionException(
                        "--where",
                        "--where names column '" + where.column() + "', which the panel does not have",
                        "evidence.validation.whereColumn",
                        where.column());
            }
            throw e;
        }
        return Subset.apply(panel, Subset.units(o), where, trimmed(o.optional("--from")), trimmed(o.optional("--to")));
    }

    private static @Nullable String trimmed(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The parsed {@code --name value} options, repeated ones in order, and flags. */
    record Options(Map<String, List<String>> values, Set<String> flags) {

        static Options parse(List<String> args) {
            Map<String, List<String>> values = new LinkedHashMap<>();
            Set<String> flags = new LinkedHashSet<>();
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                if (!arg.startsWith("--")) {
                    throw new IllegalArgumentException("unexpected argument '" + arg + "'");
                }
                String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                if (FLAGS.contains(name)) {
                    flags.add(name);
                    continue;
                }
                String value;
                if (arg.contains("=")) {
                    value = arg.substring(arg.indexOf('=') + 1);
                } else if (i + 1 < args.size()) {
                    value = args.get(++i);
                } else {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                List<String> list = values.computeIfAbsent(name, n -> new ArrayList<>());
                if (!list.isEmpty() && !REPEATED.contains(name)) {
                    throw new IllegalArgumentException(name + " is given twice");
                }
                list.add(value);
            }
            return new Options(values, flags);
        }

        String required(String name) {
            String value = optional(name);
            if (value == null || value.isBlank()) {
                throw new OptionException(name, name + " is required", "validation.required");
            }
            return value;
        }

        @Nullable
        String optional(String name) {
            List<String> list = values.get(name);
            return list == null ? null : list.get(0);
        }

        String one(String name, String fallback) {
            String value = optional(name);
            return value == null ? fallback : value.toLowerCase(Locale.ROOT);
        }

        List<String> all(String name) {
            return values.getOrDefault(name, List.of());
        }

        boolean flag(String name) {
            return flags.contains(name);
        }

        int integer(String name, int fallback) {
            String value = optional(name);
            if (value == null) {
                return fallback;
            }
            try {
                return Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new OptionException(
                        name,
                        name + " must be a whole number, not '" + value + "'",
                        "evidence.validation.whole",
                        value);
            }
        }
    }

    /** A missing or malformed option, naming it (the API reports it against the field). */
    static final class OptionException extends IllegalArgumentException {

        private final String option;
        private final String code;
        private final List<Object> args;

        /** {@code code} and {@code args}: the message of the screens ({@code messages*.properties}). */
        OptionException(String option, String message, String code, Object... args) {
            super(message);
            this.option = option;
            this.code = code;
            this.args = List.of(args);
        }

        String option() {
            return option;
        }

        String code() {
            return code;
        }

        List<Object> args() {
            return args;
        }
    }
}
