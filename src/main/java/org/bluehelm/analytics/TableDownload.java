package org.bluehelm.analytics;

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
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * An {@link AnalyticsTable} as a file to download: CSV (UTF-8, a header line, empty where a cell has
 * no value) or an XLSX workbook of one sheet with the same header and lines, values as numbers.
 */
public final class TableDownload {

    /** The formats a table downloads in. */
    public enum Format {
        CSV("csv", new MediaType("text", "csv", StandardCharsets.UTF_8)),
        XLSX("xlsx", MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));

        private final String extension;
        private final MediaType mediaType;

        Format(String extension, MediaType mediaType) {
            this.extension = extension;
            this.mediaType = mediaType;
        }

        public String extension() {
            return extension;
        }

        public MediaType mediaType() {
            return mediaType;
        }
    }

    /** Lines the XLSX writer keeps in memory; the rest are flushed to a temporary file. */
    private static final int XLSX_WINDOW = 100;

    private TableDownload() {}

    /** The table as a download named {@code baseName} (ASCII letters, digits, '-') plus the format's extension. */
    public static ResponseEntity<byte[]> response(AnalyticsTable table, Format format, String baseName) {
        byte[] body = format == Format.CSV ? csv(table) : xlsx(table, baseName);
        return ResponseEntity.ok()
                .contentType(format.mediaType())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(baseName + "." + format.extension())
                                .build()
                                .toString())
                .body(body);
    }

    public static byte[] csv(AnalyticsTable table) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            csv.printRecord(table.headers());
            for (AnalyticsTable.Line line : table.lines()) {
                List<String> record = new ArrayList<>(line.labels());
                for (BigDecimal value : line.values()) {
                    record.add(value == null ? "" : value.toPlainString());
                }
                csv.printRecord(record);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] xlsx(AnalyticsTable table, String sheetName) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(XLSX_WINDOW);
        try {
            Sheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(sheetName));
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = sheet.createRow(0);
            List<String> headers = table.headers();
            for (int c = 0; c < headers.size(); c++) {
                header.createCell(c).setCellValue(headers.get(c));
                header.getCell(c).setCellStyle(bold);
            }
            sheet.createFreezePane(0, 1);
            int r = 1;
            for (AnalyticsTable.Line line : table.lines()) {
                Row row = sheet.createRow(r++);
                int c = 0;
                for (String label : line.labels()) {
                    row.createCell(c++).setCellValue(label);
                }
                for (BigDecimal value : line.values()) {
                    if (value != null) {
                        // a double keeps 15 significant digits; a longer number stays exact as text
                        if (value.precision() <= 15) {
                            row.createCell(c).setCellValue(value.doubleValue());
                        } else {
                            row.createCell(c).setCellValue(value.toPlainString());
                        }
                    }
                    c++;
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
