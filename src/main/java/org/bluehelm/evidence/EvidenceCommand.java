package org.bluehelm.evidence;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.bluehelm.cli.Command;
import org.bluehelm.shared.FieldProblem;
import org.bluehelm.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code evidence panel|event-study|synth}: reads a panel CSV, runs an estimator and prints the
 * result as JSON ({@code --format json}) or as a readable table. Parses and prints only; the
 * estimators are {@link FixedEffectsRegression}, {@link EventStudy} and {@link SyntheticControl}.
 */
@Component
public class EvidenceCommand implements Command {

    private static final Set<String> FLAGS = Set.of("--placebos", "--bin");
    private static final Set<String> REPEATED = Set.of("--regressor", "--predictor");

    private final JsonMapper json =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Override
    public String name() {
        return "evidence";
    }

    @Override
    public String usage() {
        return "evidence panel --panel FILE --unit COL --time COL --outcome COL --regressor COL [--regressor COL ...]"
                + " --effects unit|time|twoway [--cluster COL] [--format json]\n"
                + "  evidence event-study --panel FILE --unit COL --time COL --outcome COL"
                + " (--treatment-start COL | --treatment COL) [--leads 4] [--lags 4] [--reference -1] [--bin]"
                + " [--effects twoway] [--regressor COL ...] [--cluster COL] [--format json]\n"
                + "  evidence synth --panel FILE --unit COL --time COL --outcome COL --treated UNIT"
                + " --treatment-start TIME [--predictor COL[:FROM-TO] ...] [--fit-window FROM-TO] [--placebos]"
                + " [--format json]";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            err.println("evidence: name an estimator: panel, event-study or synth");
            err.println("usage: " + usage());
            return 2;
        }
        String estimator = args.get(0);
        Options options;
        try {
            options = Options.parse(args.subList(1, args.size()));
            Map<String, Object> result = switch (estimator) {
                case "panel" -> panel(options);
                case "event-study" -> eventStudy(options);
                case "synth" -> synth(options);
                default ->
                    throw new IllegalArgumentException(
                            "unknown estimator '" + estimator + "': panel, event-study or synth");
            };
            String format = options.one("--format", "table");
            if (!format.equals("json") && !format.equals("table")) {
                throw new IllegalArgumentException("--format must be json or table");
            }
            if (format.equals("json")) {
                out.println(json.writeValueAsString(result));
            } else {
                out.print(Tables.render(estimator, result));
            }
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("evidence: " + e.getMessage());
            err.println("usage: " + usage());
            return 2;
        } catch (InvalidInputException e) {
            for (FieldProblem problem : e.problems()) {
                err.println("evidence: " + problem.field() + ": " + problem.message());
            }
            return 1;
        } catch (NoSuchFileException e) {
            err.println("evidence: no such file: " + e.getFile());
            return 1;
        } catch (IOException e) {
            err.println("evidence: cannot read the panel: " + e.getMessage());
            return 1;
        }
    }

    private Map<String, Object> panel(Options o) throws IOException {
        String outcome = o.required("--outcome");
        List<String> regressors = o.all("--regressor");
        if (regressors.isEmpty()) {
            throw new IllegalArgumentException("name at least one --regressor");
        }
        Effects effects = Effects.parse(o.required("--effects"));
        String cluster = o.optional("--cluster");
        List<String> numeric = new ArrayList<>();
        numeric.add(outcome);
        numeric.addAll(regressors);
        Panel panel = read(o, numeric, List.of(), cluster == null ? List.of() : List.of(cluster));
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
        return result;
    }

    private Map<String, Object> eventStudy(Options o) throws IOException {
        String outcome = o.required("--outcome");
        String startColumn = o.optional("--treatment-start");
        String treatmentColumn = o.optional("--treatment");
        if ((startColumn == null) == (treatmentColumn == null)) {
            throw new IllegalArgumentException("give one of --treatment-start COL or --treatment COL");
        }
        List<String> regressors = o.all("--regressor");
        Effects effects = Effects.parse(o.one("--effects", "twoway"));
        String cluster = o.optional("--cluster");
        int leads = o.integer("--leads", 4);
        int lags = o.integer("--lags", 4);
        int reference = o.integer("--reference", -1);
        List<String> numeric = new ArrayList<>(regressors);
        List<String> text = new ArrayList<>();
        if (cluster != null) {
            text.add(cluster);
        }
        if (treatmentColumn != null) {
            numeric.add(treatmentColumn);
        }
        Panel panel = read(o, numeric, List.of(outcome), text, startColumn);
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
        return result;
    }

    private Map<String, Object> synth(Options o) throws IOException {
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
        Panel panel = read(o, List.of(), optional, List.of());
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
        return result;
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

    private static Panel read(Options o, List<String> numeric, List<String> optional, List<String> text)
            throws IOException {
        return read(o, numeric, optional, text, null);
    }

    private static Panel read(
            Options o, List<String> numeric, List<String> optional, List<String> text, @Nullable String extraText)
            throws IOException {
        Path file = Path.of(o.required("--panel"));
        String unit = o.required("--unit");
        String time = o.required("--time");
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            if (extraText == null) {
                return PanelReader.read(reader, unit, time, numeric, optional, text);
            }
            return PanelReader.read(reader, unit, time, numeric, optional, text, List.of(extraText));
        }
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
                throw new IllegalArgumentException(name + " is required");
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
                throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'");
            }
        }
    }
}
