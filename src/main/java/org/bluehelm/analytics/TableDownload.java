package org.bluehelm.analytics;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bluehelm.shared.TableFile;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * An {@link AnalyticsTable} as a file to download: CSV (UTF-8, a header line, empty where a cell has
 * no value) or an XLSX workbook of one sheet with the same header and lines, values as numbers;
 * written by the shared {@link TableFile}.
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
        return TableFile.csv(table.headers(), rows(table));
    }

    public static byte[] xlsx(AnalyticsTable table, String sheetName) {
        return TableFile.xlsx(table.headers(), rows(table), sheetName);
    }

    private static List<List<@Nullable Object>> rows(AnalyticsTable table) {
        List<List<@Nullable Object>> rows = new ArrayList<>(table.lines().size());
        for (AnalyticsTable.Line line : table.lines()) {
            List<@Nullable Object> row = new ArrayList<>(line.labels());
            row.addAll(line.values());
            rows.add(row);
        }
        return rows;
    }
}
