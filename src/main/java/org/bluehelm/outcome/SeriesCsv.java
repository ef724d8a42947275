package org.bluehelm.outcome;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.bluehelm.shared.FieldProblem;
import org.bluehelm.shared.InvalidInputException;

/**
 * Reads a country-year series a user uploads, in one of two shapes: long ({@code iso3} or
 * {@code country}, {@code year}, {@code value}; one row per country and year) or wide (the country
 * column first, then one column per year). Countries are resolved by {@link CountryCodes}; blank
 * and {@code NA} cells are missing values and left out. Every problem is reported with its line and
 * column, all at once, and then nothing is returned.
 */
final class SeriesCsv {

    static final int MIN_YEAR = 1800;
    static final int MAX_YEAR = 2100;
    private static final int MAX_PROBLEMS = 50;
    static final int MAX_VALUES = 200_000;

    record Value(String iso3, int year, double value) {}

    private final CountryCodes codes;
    private final List<FieldProblem> problems = new ArrayList<>();
    private final Map<String, Long> firstLine = new HashMap<>();
    private final List<Value> values = new ArrayList<>();

    private SeriesCsv(CountryCodes codes) {
        this.codes = codes;
    }

    static List<Value> read(String text, CountryCodes codes) {
        return new SeriesCsv(codes).parse(text);
    }

    private List<Value> parse(String text) {
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setTrim(true)
                .setIgnoreEmptyLines(true)
                .get();
        try (CSVParser parser = format.parse(new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text))) {
            List<String> header = parser.getHeaderNames();
            Map<String, String> lower = new HashMap<>();
            for (String h : header) {
                lower.put(h.toLowerCase(Locale.ROOT), h);
            }
            String countryColumn = lower.containsKey("iso3") ? lower.get("iso3") : lower.get("country");
            if (countryColumn == null) {
                throw OutcomeService.refused(
                        "file",
                        "the first line must name the columns: iso3 (or country), year and value;"
                                + " or iso3 (or country) followed by one column per year",
                        "outcome.validation.header");
            }
            if (lower.containsKey("year") && lower.containsKey("value")) {
                for (CSVRecord r : parser) {
                    long line = parser.getCurrentLineNumber();
                    String iso3 = country(r, countryColumn, line);
                    Integer year = year(r.get(lower.get("year")), line, lower.get("year"));
                    value(iso3, year, r.get(lower.get("value")), line, lower.get("value"));
                }
            } else {
                List<String> yearColumns =
                        header.stream().filter(h -> !h.equals(countryColumn)).toList();
                List<Integer> years = new ArrayList<>();
                for (String h : yearColumns) {
                    years.add(year(h, 1, h));
                }
                if (yearColumns.isEmpty()) {
                    problems.add(new FieldProblem(
                            "line 1",
                            "no year columns and no year and value columns",
                            "outcome.validation.noYears",
                            List.of()));
                }
                for (CSVRecord r : parser) {
                    long line = parser.getCurrentLineNumber();
                    String iso3 = country(r, countryColumn, line);
                    for (int i = 0; i < yearColumns.size(); i++) {
                        String column = yearColumns.get(i);
                        value(iso3, years.get(i), r.isSet(column) ? r.get(column) : "", line, column);
                    }
                }
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw OutcomeService.refused(
                    "file",
                    "the file is not valid CSV: " + e.getMessage(),
                    "outcome.validation.csv",
                    String.valueOf(e.getMessage()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.subList(0, Math.min(problems.size(), MAX_PROBLEMS)));
        }
        if (values.isEmpty()) {
            throw OutcomeService.refused("file", "the file holds no values", "outcome.validation.noValues");
        }
        if (values.size() > MAX_VALUES) {
            throw OutcomeService.refused(
                    "file", "at most " + MAX_VALUES + " values per upload", "outcome.validation.tooMany", MAX_VALUES);
        }
        return values;
    }

    private String country(CSVRecord r, String column, long line) {
        String text = r.isSet(column) ? r.get(column) : "";
        if (text.isBlank()) {
            problem(line, column, "the country is missing", "outcome.validation.countryMissing");
            return "";
        }
        CountryCodes.Resolution resolved = codes.resolveUpload(text);
        if (resolved.iso3() == null) {
            if (resolved.mapping() != null) {
                problem(
                        line,
                        column,
                        "'" + text + "' cannot be used: " + resolved.mapping().note(),
                        "outcome.validation.countryUnusable",
                        text,
                        resolved.mapping().note());
            } else {
                problem(
                        line,
                        column,
                        "unknown country '" + text + "' (give an ISO 3166 alpha-3 code or an English or French name)",
                        "outcome.validation.uploadCountry",
                        text);
            }
            return "";
        }
        return resolved.iso3();
    }

    private Integer year(String text, long line, String column) {
        try {
            int year = Integer.parseInt(text.strip());
            if (year >= MIN_YEAR && year <= MAX_YEAR) {
                return year;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problem(
                line,
                column,
                "'" + text + "' is not a year between " + MIN_YEAR + " and " + MAX_YEAR,
                "outcome.validation.year",
                text,
                String.valueOf(MIN_YEAR),
                String.valueOf(MAX_YEAR));
        return -1;
    }

    private void value(String iso3, int year, String text, long line, String column) {
        if (text.isBlank() || text.equalsIgnoreCase("NA")) {
            return;
        }
        double value;
        try {
            value = Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            problem(line, column, "'" + text + "' is not a number", "outcome.validation.number", text);
            return;
        }
        if (!Double.isFinite(value)) {
            problem(line, column, "'" + text + "' is not a finite number", "outcome.validation.finite", text);
            return;
        }
        if (iso3.isEmpty() || year < 0) {
            return;
        }
        Long first = firstLine.putIfAbsent(iso3 + "|" + year, line);
        if (first != null) {
            problem(
                    line,
                    column,
                    "a second value for " + iso3 + " in " + year + " (first on line " + first + ")",
                    "outcome.validation.twice",
                    iso3,
                    String.valueOf(year),
                    String.valueOf(first));
            return;
        }
        values.add(new Value(iso3, year, value));
    }

    private void problem(long line, String column, String message, String code, Object... args) {
        problems.add(new FieldProblem("line " + line + ", column '" + column + "'", message, code, List.of(args)));
    }
}
