package org.bluehelm.capacity;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bluehelm.shared.FieldProblem;
import org.bluehelm.shared.InvalidInputException;

/**
 * Reads a roster from CSV (UTF-8, a header line) or from the first sheet of an XLSX workbook (a header
 * row) into lines numbered as the user sees them (the header is line 1). Rosters are small: at most
 * {@value #MAX_LINES} lines.
 */
final class RosterFiles {

    static final int MAX_LINES = 2000;

    private RosterFiles() {}

    static List<RosterLine> read(String filename, InputStream in) throws IOException {
        return filename.toLowerCase(Locale.ROOT).endsWith(".xlsx") ? xlsx(in) : csv(in);
    }

    static List<RosterLine> csv(InputStream in) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .get();
        List<RosterLine> lines = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new InputStreamReader(in, StandardCharsets.UTF_8), format)) {
            List<String> headers = parser.getHeaderNames();
            for (CSVRecord r : parser) {
                tooLong(lines.size());
                Map<String, String> cells = new LinkedHashMap<>();
                for (String h : headers) {
                    cells.put(h.strip().toLowerCase(Locale.ROOT), r.isSet(h) ? r.get(h) : "");
                }
                lines.add(new RosterLine(parser.getCurrentLineNumber(), cells));
            }
        } catch (java.io.UncheckedIOException | IllegalArgumentException e) {
            throw new InvalidInputException(List.of(new FieldProblem(
                    "file", "is not a readable CSV file: " + e.getMessage(), "capacity.roster.unreadable", List.of())));
        }
        return lines;
    }

    static List<RosterLine> xlsx(InputStream in) throws IOException {
        List<RosterLine> lines = new ArrayList<>();
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        try (Workbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            List<String> headers = new ArrayList<>();
            for (Row row : sheet) {
                if (headers.isEmpty()) {
                    for (Cell cell : row) {
                        while (headers.size() < cell.getColumnIndex()) {
                            headers.add("");
                        }
                        headers.add(formatter.formatCellValue(cell).strip().toLowerCase(Locale.ROOT));
                    }
                    continue;
                }
                Map<String, String> cells = new LinkedHashMap<>();
                boolean empty = true;
                for (int c = 0; c < headers.size(); c++) {
                    Cell cell = row.getCell(c);
                    String value = cell == null ? "" : formatter.formatCellValue(cell);
                    empty &= value.isBlank();
                    cells.put(headers.get(c), value);
                }
                if (!empty) {
                    tooLong(lines.size());
                    lines.add(new RosterLine(row.getRowNum() + 1L, cells));
                }
            }
        } catch (org.apache.poi.ooxml.POIXMLException | IllegalArgumentException e) {
            throw new InvalidInputException(List.of(new FieldProblem(
                    "file", "is not a readable XLSX workbook", "capacity.roster.unreadable", List.of())));
        }
        return lines;
    }

    private static void tooLong(int lines) {
        if (lines >= MAX_LINES) {
            throw new InvalidInputException(List.of(new FieldProblem(
                    "file", "has more than " + MAX_LINES + " lines", "capacity.roster.tooLong", List.of(MAX_LINES))));
        }
    }
}
