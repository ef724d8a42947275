package org.bluehelm.shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;

/**
 * A table written as a file: CSV (UTF-8, a header line, empty where a cell has no value) or an XLSX
 * workbook of one sheet with the same header and lines, numbers as numbers. Text that a spreadsheet
 * would read as a formula (starting with {@code = + - @}, a tab or a carriage return) is prefixed
 * with {@code '}, so an exported value can never run as a formula where the file is opened.
 */
public final class TableFile {

    /** Lines the XLSX writer keeps in memory; the rest are flushed to a temporary file. */
    private static final int XLSX_WINDOW = 100;

    private TableFile() {}

    /** The text of a cell: numbers in plain notation, text neutralised against formula injection. */
    public static String text(@Nullable Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Number number) {
            return number.toString();
        }
        return safe(value.toString());
    }

    /** {@code text} prefixed with {@code '} when a spreadsheet would take it for a formula. */
    public static String safe(String text) {
        if (text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text
                : text;
    }

    public static byte[] csv(List<String> headers, Iterable<? extends List<?>> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            List<String> header = new ArrayList<>();
            for (String h : headers) {
                header.add(safe(h));
            }
            csv.printRecord(header);
            for (List<?> row : rows) {
                List<String> record = new ArrayList<>(row.size());
                for (Object value : row) {
                    record.add(text(value));
                }
                csv.printRecord(record);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] xlsx(List<String> headers, Iterable<? extends List<?>> rows, String sheetName) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(XLSX_WINDOW);
        try {
            Sheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(sheetName));
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = sheet.createRow(0);
            for (int c = 0; c < headers.size(); c++) {
                header.createCell(c).setCellValue(safe(headers.get(c)));
                header.getCell(c).setCellStyle(bold);
            }
            sheet.createFreezePane(0, 1);
            int r = 1;
            for (List<?> line : rows) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < line.size(); c++) {
                    Object value = line.get(c);
                    if (value == null) {
                        continue;
                    }
                    if (value instanceof BigDecimal decimal) {
                        // a double keeps 15 significant digits; a longer number stays exact as text
                        if (decimal.precision() <= 15) {
                            row.createCell(c).setCellValue(decimal.doubleValue());
                        } else {
                            row.createCell(c).setCellValue(decimal.toPlainString());
                        }
                    } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
                        row.createCell(c).setCellValue(((Number) value).doubleValue());
                    } else if (value instanceof Double || value instanceof Float) {
                        row.createCell(c).setCellValue(((Number) value).doubleValue());
                    } else {
                        row.createCell(c).setCellValue(text(value));
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                workbook.close();
            } catch (IOException e) {
                // the bytes are written; a failure to close the temporary file changes nothing
            }
            workbook.dispose();
        }
    }
}
