package org.bluehelm.evidence;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.bluehelm.shared.FieldProblem;
import org.bluehelm.shared.InvalidInputException;
import org.bluehelm.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Runs the estimators for the API and the screens on a panel source or an uploaded CSV, within
 * size limits, and returns the command line's JSON tree plus the citations of a panel source.
 * Uploaded panels are used for the request (the screen keeps one in the user's session) and never
 * stored. No database: nothing to scope, every signed-in user may run an estimator.
 */
@Service
class EvidenceService {

    /** The largest panel CSV accepted, in bytes. */
    static final int MAX_BYTES = 5 * 1024 * 1024;

    static final int MAX_ROWS = 50_000;
    static final int MAX_UNITS = 1_000;
    /** Donors of a synthetic control: each adds a weight to the nested optimisation. */
    static final int MAX_DONORS = 200;
    /** Donors with in-space placebos: the fit is repeated once per donor. */
    static final int MAX_PLACEBO_DONORS = 60;
    /**
     * Donors times predictors with placebos: the nested optimisation grows with the predictors (every
     * pre-treatment period when none is named); 40 donors and 30 periods fit in well under 5 s.
     */
    static final int MAX_PLACEBO_WORK = 1_200;

    private static final Pattern OPTION = Pattern.compile("--([a-z]+(?:-[a-z]+)*)");

    private final List<PanelSource> sources;

    EvidenceService(List<PanelSource> sources) {
        this.sources = List.copyOf(sources);
    }

    List<PanelSource> sources() {
        return sources;
    }

    Optional<PanelSource> source(String id) {
        return sources.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** The column names of a panel CSV's header, for the screen's column choices. */
    static List<String> header(String csv) {
        try (CSVParser parser = CSVParser.builder()
                .setReader(new StringReader(csv))
                .setFormat(CSVFormat.DEFAULT
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .setTrim(true)
                        .get())
                .get()) {
            return List.copyOf(parser.getHeaderNames());
        } catch (IOException | IllegalArgumentException e) {
            throw Refused.of(
                    "file",
                    "the header row cannot be read: " + e.getMessage(),
                    "evidence.validation.header",
                    String.valueOf(e.getMessage()));
        }
    }

    /** The distinct non-blank values of a column of a panel CSV, sorted; empty when the column is absent. */
    static List<String> values(String csv, @Nullable String column) {
        if (column == null || column.isBlank()) {
            return List.of();
        }
        try (CSVParser parser = CSVParser.builder()
                .setReader(new StringReader(csv))
                .setFormat(CSVFormat.DEFAULT
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .setTrim(true)
                        .get())
                .get()) {
            if (!parser.getHeaderNames().contains(column)) {
                return List.of();
            }
            java.util.TreeSet<String> values = new java.util.TreeSet<>();
            parser.forEach(r -> {
                if (r.isSet(column) && !r.get(column).isBlank()) {
                    values.add(r.get(column).trim());
                }
            });
            return List.copyOf(values);
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            return List.of(); // the run names the problem
        }
    }

    /** Refuses a panel file larger than {@link #MAX_BYTES}. */
    static void checkSize(long bytes) {
        if (bytes > MAX_BYTES) {
            throw Refused.of(
                    "file",
                    "the file has " + bytes + " bytes; panels up to " + MAX_BYTES / (1024 * 1024) + " MB are accepted",
                    "evidence.validation.fileSize",
                    bytes,
                    MAX_BYTES / (1024 * 1024));
        }
    }

    /** The text of an uploaded panel file, refused when too large or empty. */
    static String text(byte[] bytes) {
        checkSize(bytes.length);
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw Refused.of("file", "the file is empty", "evidence.validation.emptyFile");
        }
        return text;
    }

    /**
     * Runs {@code estimator} (panel, event-study or synth) on the uploaded CSV when given, else on
     * the request's panel source or CSV text.
     */
    Map<String, Object> run(String estimator, EstimatorRequest request, @Nullable String uploaded) {
        if (!Estimation.ESTIMATORS.contains(estimator)) {
            throw new NotFoundException("Estimator", estimator);
        }
        PanelSource source = null;
        String csv = uploaded;
        if (csv == null && request.getCsv() != null && !request.getCsv().isBlank()) {
            csv = request.getCsv();
            if (csv.length() > MAX_BYTES) {
                throw Refused.of(
                        "csv",
                        "panels up to " + MAX_BYTES / (1024 * 1024) + " MB are accepted",
                        "evidence.validation.csvSize",
                        MAX_BYTES / (1024 * 1024));
            }
        }
        if (csv == null) {
            String id = request.getPanelSource();
            if (id == null || id.isBlank()) {
                throw Refused.of(
                        "panelSource",
                        "choose a panel source or upload a panel CSV (file)",
                        "evidence.validation.chooseSource");
            }
            source = source(id.trim())
                    .orElseThrow(() -> Refused.of(
                            "panelSource", "no panel source '" + id + "'", "evidence.validation.unknownSource", id));
            if (request.getUnit() == null || request.getUnit().isBlank()) {
                request.setUnit(source.unitColumn());
            }
            if (request.getTime() == null || request.getTime().isBlank()) {
                request.setTime(source.timeColumn());
            }
            csv = source.csv();
        }
        String text = csv;
        boolean synth = estimator.equals("synth");
        boolean placebos = request.isPlacebos();
        Estimation.PanelInput input = new Estimation.PanelInput() {
            @Override
            public java.io.Reader open() {
                return new StringReader(text);
            }

            @Override
            public void check(Panel panel, Estimation.Options options) {
                limits(panel, synth, placebos);
                if (synth && placebos) {
                    placeboWork(panel, options);
                }
            }
        };
        Map<String, Object> result;
        try {
            result = Estimation.run(estimator, request.toOptions(), input);
        } catch (Estimation.OptionException e) {
            throw new InvalidInputException(List.of(
                    new FieldProblem(field(e.option()), message(e.getMessage(), e.option()), e.code(), e.args())));
        } catch (InvalidInputException e) {
            throw renamed(e);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("panel", message(String.valueOf(e.getMessage()), ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (source != null) {
            result.put("source", citation(source, request));
        }
        return result;
    }

    static void limits(Panel panel, boolean synth, boolean placebos) {
        if (panel.rows() > MAX_ROWS) {
            throw Refused.of(
                    "panel",
                    "the panel has " + panel.rows() + " rows; up to " + MAX_ROWS + " are accepted",
                    "evidence.validation.rows",
                    panel.rows(),
                    MAX_ROWS);
        }
        if (panel.units().size() > MAX_UNITS) {
            throw Refused.of(
                    "panel",
                    "the panel has " + panel.units().size() + " units; up to " + MAX_UNITS + " are accepted",
                    "evidence.validation.units",
                    panel.units().size(),
                    MAX_UNITS);
        }
        int donors = panel.units().size() - 1;
        if (synth && placebos && donors > MAX_PLACEBO_DONORS) {
            throw Refused.of(
                    "placebos",
                    "placebos refit the synthetic control once per donor: up to " + MAX_PLACEBO_DONORS
                            + " donors here, and this panel has " + donors
                            + "; keep fewer units (units, or unitFilter such as region=Western Africa),"
                            + " run without placebos, or use the command line",
                    "evidence.validation.placeboDonors",
                    MAX_PLACEBO_DONORS,
                    donors);
        }
        if (synth && donors > MAX_DONORS) {
            throw Refused.of(
                    "panel",
                    "a synthetic control takes up to " + MAX_DONORS + " donors here, and this panel has " + donors
                            + "; keep fewer units (units, or unitFilter such as region=Western Africa; missing=drop"
                            + " leaves out donors with blank cells) or use the command line",
                    "evidence.validation.donors",
                    MAX_DONORS,
                    donors);
        }
    }

    private static void placeboWork(Panel panel, Estimation.Options options) {
        int predictors = options.all("--predictor").size();
        String start = options.optional("--treatment-start");
        if (predictors == 0 && start != null) {
            try {
                for (int i = 0; i < panel.times().size(); i++) {
                    if (panel.compareTime(start, i) > 0) {
                        predictors++;
                    }
                }
            } catch (NumberFormatException e) {
                return; // not a time of this panel: the estimator names the problem
            }
        }
        int donors = panel.units().size() - 1;
        if ((long) donors * predictors > MAX_PLACEBO_WORK) {
            throw Refused.of(
                    "placebos",
                    "placebos with " + donors + " donors and " + predictors + " predictors exceed what is run here"
                            + " (donors times predictors up to " + MAX_PLACEBO_WORK + "); name fewer predictors"
                            + " (e.g. the outcome in a few pre-treatment years), keep fewer units, or use the command line",
                    "evidence.validation.placeboWork",
                    donors,
                    predictors,
                    MAX_PLACEBO_WORK);
        }
    }

    private static Map<String, Object> citation(PanelSource source, EstimatorRequest request) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", source.id());
        out.put("label", source.label());
        List<Object> citations = new ArrayList<>();
        List<String> used = request.columns();
        for (PanelSource.Column c : source.columns()) {
            if (used.contains(c.name())) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("column", c.name());
                row.put("label", c.label());
                row.put("citation", c.citation());
                citations.add(row);
            }
        }
        out.put("citations", citations);
        return out;
    }

    /** The API's name of a command-line option: {@code --treatment-start} is {@code treatmentStart}. */
    static String field(String option) {
        String name = option.startsWith("--") ? option.substring(2) : option;
        return switch (name) {
            case "regressor" -> "regressors";
            case "predictor" -> "predictors";
            case "where" -> "unitFilter";
            default -> {
                StringBuilder b = new StringBuilder();
                boolean upper = false;
                for (char ch : name.toCharArray()) {
                    if (ch == '-') {
                        upper = true;
                    } else {
                        b.append(upper ? Character.toUpperCase(ch) : ch);
                        upper = false;
                    }
                }
                yield b.toString();
            }
        };
    }

    private static String message(String message, String option) {
        String text = !option.isEmpty() && message.startsWith(option + " ")
                ? message.substring(option.length() + 1)
                : message;
        Matcher m = OPTION.matcher(text);
        return m.replaceAll(r -> field(r.group()));
    }

    private static InvalidInputException renamed(InvalidInputException e) {
        List<FieldProblem> problems = new ArrayList<>();
        for (FieldProblem p : e.problems()) {
            String f = p.field().equals("regressor") || p.field().equals("predictor") ? field(p.field()) : p.field();
            problems.add(new FieldProblem(f, message(p.message(), ""), p.code(), p.args()));
        }
        return new InvalidInputException(problems);
    }
}
