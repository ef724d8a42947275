package org.bluehelm.evidence;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.bluehelm.shared.FieldProblem;
import org.bluehelm.shared.InvalidInputException;

/**
 * Reads a panel CSV (header row, one row per unit and time) with Commons CSV. Columns are chosen by
 * name; unit values are text; times are integers (years) when every time parses as one, else
 * sortable text. Every problem found (unknown column, missing or non-numeric value in a used
 * column, duplicate unit-time row) is reported with its line and column, all at once; nothing is
 * returned then.
 */
public final class PanelReader {

    private static final int MAX_PROBLEMS = 50;

    private PanelReader() {}

    /**
     * @param numericColumns columns that must hold a number in every row
     * @param optionalNumericColumns numeric columns whose blank cells become {@code NaN} (the
     *     estimator decides whether a blank in a row it uses is an error)
     * @param textColumns columns read as text (e.g. a cluster column); blank cells are errors
     */
    public static Panel read(
            Reader reader,
            String unitColumn,
            String timeColumn,
            Collection<String> numericColumns,
            Collection<String> optionalNumericColumns,
            Collection<String> textColumns) {
        return read(reader, unitColumn, timeColumn, numericColumns, optionalNumericColumns, textColumns, List.of());
    }

    /** As {@link #read}, plus text columns whose cells may be blank (e.g. a treatment start). */
    public static Panel read(
            Reader reader,
            String unitColumn,
            String timeColumn,
            Collection<String> numericColumns,
            Collection<String> optionalNumericColumns,
            Collection<String> textColumns,
            Collection<String> optionalTextColumns) {
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true)
                .setTrim(true)
                .get();
        List<FieldProblem> problems = new ArrayList<>();
        try (CSVParser parser =
                CSVParser.builder().setReader(reader).setFormat(format).get()) {
            List<String> header = parser.getHeaderNames();
            Set<String> wanted = new LinkedHashSet<>();
            wanted.add(unitColumn);
            wanted.add(timeColumn);
            wanted.addAll(numericColumns);
            wanted.addAll(optionalNumericColumns);
            wanted.addAll(textColumns);
            wanted.addAll(optionalTextColumns);
            for (String column : wanted) {
                if (!header.contains(column)) {
                    problems.add(Refused.problem(
                            column,
                            "unknown column '" + column + "'; the header has " + String.join(", ", header),
                            "evidence.validation.unknownColumn",
                            column,
                            String.join(", ", header)));
                }
            }
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            List<String> unitValues = new ArrayList<>();
            List<String> timeValues = new ArrayList<>();
            List<Long> lines = new ArrayList<>();
            Map<String, List<Double>> numbers = new LinkedHashMap<>();
            Map<String, List<String>> texts = new LinkedHashMap<>();
            Set<String> optional = new HashSet<>(optionalNumericColumns);
            List<String> numericAll = new ArrayList<>(numericColumns);
            optionalNumericColumns.stream().filter(c -> !numericAll.contains(c)).forEach(numericAll::add);
            numericAll.forEach(c -> numbers.put(c, new ArrayList<>()));
            List<String> textAll = new ArrayList<>(textColumns);
            optionalTextColumns.stream().filter(c -> !textAll.contains(c)).forEach(textAll::add);
            Set<String> optionalText = new HashSet<>(optionalTextColumns);
            optionalText.removeAll(textColumns);
            textAll.forEach(c -> texts.put(c, new ArrayList<>()));
            Set<String> seen = new HashSet<>();
            for (CSVRecord record : parser) {
                long line = parser.getCurrentLineNumber();
                if (record.size() == 1 && record.get(0).isEmpty()) {
                    continue; // a blank line
                }
                String unit = cell(record, unitColumn);
                String time = cell(record, timeColumn);
                if (unit.isEmpty()) {
                    problems.add(problem(line, unitColumn, "the unit is missing", "evidence.validation.unitMissing"));
                }
                if (time.isEmpty()) {
                    problems.add(problem(line, timeColumn, "the time is missing", "evidence.validation.timeMissing"));
                }
                if (!unit.isEmpty() && !time.isEmpty() && !seen.add(unit + "\u0000" + time)) {
                    problems.add(problem(
                            line,
                            timeColumn,
                            "a second row for unit '" + unit + "' and time '" + time + "'",
                            "evidence.validation.secondRow",
                            unit,
                            time));
                }
                for (String column : numericAll) {
                    String value = cell(record, column);
                    double number = Double.NaN;
                    if (value.isEmpty()) {
                        if (!optional.contains(column)) {
                            problems.add(
                                    problem(line, column, "the value is missing", "evidence.validation.valueMissing"));
                        }
                    } else {
                        try {
                            number = Double.parseDouble(value);
                            if (!Double.isFinite(number)) {
                                problems.add(problem(
                                        line,
                                        column,
                                        "'" + value + "' is not a finite number",
                                        "evidence.validation.finite",
                                        value));
                            }
                        } catch (NumberFormatException e) {
                            problems.add(problem(
                                    line,
                                    column,
                                    "'" + value + "' is not a number",
                                    "evidence.validation.number",
                                    value));
                        }
                    }
                    numbers.get(column).add(number);
                }
                for (String column : textAll) {
                    String value = cell(record, column);
                    if (value.isEmpty() && !optionalText.contains(column)) {
                        problems.add(problem(line, column, "the value is missing", "evidence.validation.valueMissing"));
                    }
                    texts.get(column).add(value);
                }
                unitValues.add(unit);
                timeValues.add(time);
                lines.add(line);
                if (problems.size() >= MAX_PROBLEMS) {
                    break;
                }
            }
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            if (unitValues.isEmpty()) {
                throw Refused.of("panel", "the panel has no rows", "evidence.validation.noRows");
            }
            return build(unitColumn, timeColumn, unitValues, timeValues, lines, numbers, texts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            if (e instanceof InvalidInputException) {
                throw e;
            }
            throw Refused.of(
                    "panel",
                    "the CSV cannot be read: " + e.getMessage(),
                    "evidence.validation.csv",
                    String.valueOf(e.getMessage()));
        } catch (UncheckedIOException e) {
            throw Refused.of(
                    "panel",
                    "the CSV cannot be read: " + e.getCause().getMessage(),
                    "evidence.validation.csv",
                    String.valueOf(e.getCause().getMessage()));
        }
    }

    private static Panel build(
            String unitColumn,
            String timeColumn,
            List<String> unitValues,
            List<String> timeValues,
            List<Long> lines,
            Map<String, List<Double>> numbers,
            Map<String, List<String>> texts) {
        boolean integerTimes = timeValues.stream().allMatch(t -> t.matches("[+-]?\\d{1,18}"));
        List<String> times = timeValues.stream()
                .map(t -> integerTimes ? String.valueOf(Long.parseLong(t)) : t)
                .distinct()
                .sorted(integerTimes ? Comparator.comparingLong(Long::parseLong) : Comparator.<String>naturalOrder())
                .toList();
        Map<String, Integer> timePosition = new HashMap<>();
        for (int i = 0; i < times.size(); i++) {
            timePosition.put(integerTimes ? String.valueOf(Long.parseLong(times.get(i))) : times.get(i), i);
        }
        List<String> units = new ArrayList<>();
        Map<String, Integer> unitPosition = new HashMap<>();
        int n = unitValues.size();
        int[] unitIndex = new int[n];
        int[] timeIndex = new int[n];
        long[] lineNumbers = new long[n];
        for (int r = 0; r < n; r++) {
            String unit = unitValues.get(r);
            Integer u = unitPosition.get(unit);
            if (u == null) {
                u = units.size();
                units.add(unit);
                unitPosition.put(unit, u);
            }
            unitIndex[r] = u;
            String time = timeValues.get(r);
            timeIndex[r] = timePosition.get(integerTimes ? String.valueOf(Long.parseLong(time)) : time);
            lineNumbers[r] = lines.get(r);
        }
        if (integerTimes) {
            // "2001" and "02001" are one time: a duplicate the text check could not see
            Set<Long> seen = new HashSet<>();
            for (int r = 0; r < n; r++) {
                if (!seen.add(((long) unitIndex[r] << 32) | timeIndex[r])) {
                    throw new InvalidInputException(List.of(problem(
                            lineNumbers[r],
                            timeColumn,
                            "a second row for unit '" + unitValues.get(r) + "' and time '" + timeValues.get(r) + "'",
                            "evidence.validation.secondRow",
                            unitValues.get(r),
                            timeValues.get(r))));
                }
            }
        }
        Map<String, double[]> numeric = new LinkedHashMap<>();
        numbers.forEach((column, values) -> numeric.put(
                column, values.stream().mapToDouble(Double::doubleValue).toArray()));
        Map<String, String[]> text = new LinkedHashMap<>();
        texts.forEach((column, values) -> text.put(column, values.toArray(String[]::new)));
        return new Panel(
                unitColumn,
                timeColumn,
                List.copyOf(units),
                List.copyOf(times),
                integerTimes,
                unitIndex,
                timeIndex,
                lineNumbers,
                numeric,
                text);
    }

    private static String cell(CSVRecord record, String column) {
        return record.isSet(column) ? record.get(column).trim() : "";
    }

    private static FieldProblem problem(long line, String column, String message, String code, Object... args) {
        return Refused.problem("line " + line + ", column '" + column + "'", message, code, args);
    }
}
