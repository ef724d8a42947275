package org.bluehelm.dataexchange;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.bluehelm.measurement.BulkValueService;
import org.bluehelm.measurement.BulkValueService.ExportFilter;
import org.bluehelm.measurement.BulkValueService.ExportedValue;
import org.springframework.stereotype.Service;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Exports of the data values in the current user's scope, streamed as they are read: DHIS2's
 * {@code dataValueSets} JSON, DHIS2's CSV layout (with its header) or an XLSX sheet with the same
 * columns, written by POI's streaming SXSSF workbook (100 rows in memory at a time). An export
 * imports back unchanged.
 */
@Service
public class ExportService {

    static final String[] COLUMNS = {
        "dataelement",
        "period",
        "orgunit",
        "categoryoptioncombo",
        "attributeoptioncombo",
        "value",
        "storedby",
        "lastupdated",
        "comment",
        "followup"
    };

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final BulkValueService bulk;

    ExportService(BulkValueService bulk) {
        this.bulk = bulk;
    }

    /** Writes the values matching the filter to {@code out} in the format; returns how many were written. */
    public long export(ExportFilter filter, ImportFormat format, IdScheme idScheme, OutputStream out)
            throws IOException {
        try {
            return switch (format) {
                case JSON -> json(filter, idScheme, out);
                case CSV -> csv(filter, idScheme, out);
                case XLSX -> xlsx(filter, idScheme, out);
            };
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private long json(ExportFilter filter, IdScheme idScheme, OutputStream out) {
        try (JsonGenerator g = FACTORY.createGenerator(ObjectWriteContext.empty(), out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeName("dataValues");
            g.writeStartArray();
            long count = bulk.export(filter, v -> {
                g.writeStartObject();
                g.writeStringProperty("dataElement", dataElement(v, idScheme));
                g.writeStringProperty("period", v.period());
                g.writeStringProperty("orgUnit", orgUnit(v, idScheme));
                if (v.optionCode() != null) {
                    g.writeStringProperty("categoryOptionCombo", v.optionCode());
                }
                g.writeStringProperty("value", v.value().toPlainString());
                g.writeStringProperty("storedBy", v.storedBy());
                g.writeStringProperty("lastUpdated", TIMESTAMP.format(v.storedAt()));
                if (v.comment() != null) {
                    g.writeStringProperty("comment", v.comment());
                }
                g.writeEndObject();
            });
            g.writeEndArray();
            g.writeEndObject();
            return count;
        }
    }

    private long csv(ExportFilter filter, IdScheme idScheme, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(
                writer, CSVFormat.DEFAULT.builder().setHeader(COLUMNS).get());
        long count = bulk.export(filter, v -> {
            try {
                printer.printRecord(
                        dataElement(v, idScheme),
                        v.period(),
                        orgUnit(v, idScheme),
                        v.optionCode() == null ? "" : v.optionCode(),
                        "",
                        v.value().toPlainString(),
                        v.storedBy(),
                        TIMESTAMP.format(v.storedAt()),
                        v.comment() == null ? "" : v.comment(),
                        "false");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        printer.flush();
        return count;
    }

    private long xlsx(ExportFilter filter, IdScheme idScheme, OutputStream out) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        try {
            Sheet sheet = workbook.createSheet("dataValues");
            Row header = sheet.createRow(0);
            for (int i = 0; i < COLUMNS.length; i++) {
                header.createCell(i).setCellValue(COLUMNS[i]);
            }
            int[] next = {1};
            long count = bulk.export(filter, v -> {
                Row row = sheet.createRow(next[0]++);
                row.createCell(0).setCellValue(dataElement(v, idScheme));
                row.createCell(1).setCellValue(v.period());
                row.createCell(2).setCellValue(orgUnit(v, idScheme));
                row.createCell(3).setCellValue(v.optionCode() == null ? "" : v.optionCode());
                if (v.value().precision() <= 15) {
                    row.createCell(5).setCellValue(v.value().doubleValue());
                } else {
                    row.createCell(5).setCellValue(v.value().toPlainString());
                }
                row.createCell(6).setCellValue(v.storedBy());
                row.createCell(7).setCellValue(TIMESTAMP.format(v.storedAt()));
                if (v.comment() != null) {
                    row.createCell(8).setCellValue(v.comment());
                }
            });
            workbook.write(out);
            return count;
        } finally {
            workbook.close();
            workbook.dispose();
        }
    }

    private static String dataElement(ExportedValue v, IdScheme idScheme) {
        return idScheme == IdScheme.ID ? String.valueOf(v.indicatorId()) : v.indicatorCode();
    }

    private static String orgUnit(ExportedValue v, IdScheme idScheme) {
        return idScheme == IdScheme.ID ? String.valueOf(v.orgUnitId()) : v.orgUnitCode();
    }
}
