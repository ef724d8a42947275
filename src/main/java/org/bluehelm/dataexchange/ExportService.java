package org.bluehelm.dataexchange;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
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
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.MinimalPrettyPrinter;

/**
 * Exports of the data values in the current user's scope, streamed as they are read: DHIS2's
 * {@code dataValueSets} JSON (one value a line), DHIS2's CSV layout (with its header) or an XLSX
 * sheet with the same columns, written by POI's streaming SXSSF workbook (100 rows in memory at a
 * time). An export imports back unchanged.
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

    /** Generators that leave the response's stream open: the servlet container closes it. */
    private static final JsonFactory FACTORY =
            JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    /** One value a line, so that an import of the exported file names each value by its line. */
    private static final ObjectWriteContext ONE_VALUE_A_LINE = new ObjectWriteContext.Base() {
        @Override
        public PrettyPrinter getPrettyPrinter() {
            return new MinimalPrettyPrinter() {
                @Override
                public void beforeArrayValues(JsonGenerator g) {
                    g.writeRaw('\n');
                }

                @Override
                public void writeArrayValueSeparator(JsonGenerator g) {
                    g.writeRaw(",\n");
                }

                @Override
                public void writeEndArray(JsonGenerator g, int values) {
                    g.writeRaw(values > 0 ? "\n]" : "]");
                }
            };
        }

        @Override
        public boolean hasPrettyPrinter() {
            return true;
        }
    };

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final BulkValueService bulk;

    ExportService(BulkValueService bulk) {
        this.bulk = bulk;
    }

    /** Where an export goes, opened once the export knows it can be made (a response sets its headers there). */
    @FunctionalInterface
    public interface Target {
        OutputStream open() throws IOException;
    }

    /**
     * Writes the values matching the filter in the format to the target; returns how many were
     * written. The target is opened only once measurement has checked the filter and resolved it (a
     * period that is not one, an unknown unit: those throw before), at the first value or, when
     * there is none, at the end, so a refused filter leaves a response untouched for its error.
     */
    public long export(ExportFilter filter, ImportFormat format, IdScheme idScheme, Target target) throws IOException {
        try (Output output = switch (format) {
            case JSON -> new Json(target, idScheme);
            case CSV -> new Csv(target, idScheme);
            case XLSX -> new Xlsx(target, idScheme);
        }) {
            boolean[] begun = {false};
            long count = bulk.export(filter, v -> {
                try {
                    if (!begun[0]) {
                        begun[0] = true;
                        output.begin();
                    }
                    output.value(v);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            if (!begun[0]) {
                output.begin();
            }
            output.end();
            return count;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** How a format writes: its start (the target opened), each value, its end. */
    private interface Output extends AutoCloseable {

        void begin() throws IOException;

        void value(ExportedValue v) throws IOException;

        void end() throws IOException;

        /** Frees what the format holds, whether the export ended or failed. */
        @Override
        default void close() {}
    }

    private static final class Json implements Output {

        private final Target target;
        private final IdScheme idScheme;
        private @Nullable JsonGenerator g;

        Json(Target target, IdScheme idScheme) {
            this.target = target;
            this.idScheme = idScheme;
        }

        @Override
        public void begin() throws IOException {
            JsonGenerator g = FACTORY.createGenerator(ONE_VALUE_A_LINE, target.open(), JsonEncoding.UTF8);
            g.writeStartObject();
            g.writeName("dataValues");
            g.writeStartArray();
            this.g = g;
        }

        @Override
        public void value(ExportedValue v) {
            JsonGenerator g = generator();
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
        }

        @Override
        public void end() {
            JsonGenerator g = generator();
            g.writeEndArray();
            g.writeEndObject();
            g.close();
        }

        private JsonGenerator generator() {
            if (g == null) {
                throw new IllegalStateException("the export has not begun");
            }
            return g;
        }
    }

    private static final class Csv implements Output {

        private final Target target;
        private final IdScheme idScheme;
        private @Nullable CSVPrinter printer;

        Csv(Target target, IdScheme idScheme) {
            this.target = target;
            this.idScheme = idScheme;
        }

        @Override
        public void begin() throws IOException {
            printer = new CSVPrinter(
                    new OutputStreamWriter(target.open(), StandardCharsets.UTF_8),
                    CSVFormat.DEFAULT.builder().setHeader(COLUMNS).get());
        }

        @Override
        public void value(ExportedValue v) throws IOException {
            printer()
                    .printRecord(
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
        }

        @Override
        public void end() throws IOException {
            printer().flush();
        }

        private CSVPrinter printer() {
            if (printer == null) {
                throw new IllegalStateException("the export has not begun");
            }
            return printer;
        }
    }

    /** POI's streaming workbook keeps 100 rows in memory; the workbook is written to the target at the end. */
    private static final class Xlsx implements Output {

        private final Target target;
        private final IdScheme idScheme;
        private final SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        private final Sheet sheet = workbook.createSheet("dataValues");
        private int next;

        Xlsx(Target target, IdScheme idScheme) {
            this.target = target;
            this.idScheme = idScheme;
        }

        @Override
        public void begin() {
            Row header = sheet.createRow(next++);
            for (int i = 0; i < COLUMNS.length; i++) {
                header.createCell(i).setCellValue(COLUMNS[i]);
            }
        }

        @Override
        public void value(ExportedValue v) {
            Row row = sheet.createRow(next++);
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
        }

        @Override
        public void end() throws IOException {
            workbook.write(target.open());
        }

        @Override
        public void close() {
            try {
                workbook.close();
            } catch (IOException e) {
                // nothing left to write: the temporary files are removed below
            }
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
