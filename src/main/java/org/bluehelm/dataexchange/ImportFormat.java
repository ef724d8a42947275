package org.bluehelm.dataexchange;

import java.util.Locale;
import org.bluehelm.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * The file formats of imports and exports. The CSV reader takes Bluehelm's CSV (a header row naming
 * the columns) and DHIS2's CSV (its fixed column order, header optional) alike; the JSON reader
 * takes DHIS2's {@code dataValueSets} JSON, which is also Bluehelm's JSON.
 */
public enum ImportFormat {
    CSV("text/csv", "csv"),
    JSON("application/json", "json"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    private final String mediaType;
    private final String extension;

    ImportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** The format named {@code csv}, {@code dhis2-csv}, {@code json}, {@code dhis2-json} or {@code xlsx}. */
    public static ImportFormat named(String field, String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "csv", "dhis2-csv", "dhis2_csv", "text/csv" -> CSV;
            case "json", "dhis2-json", "dhis2_json", "application/json" -> JSON;
            case "xlsx", "excel", XLSX_TYPE -> XLSX;
            default ->
                throw InvalidInputException.of(
                        field, "'" + name + "' is not a format: use csv, dhis2-csv, json, dhis2-json or xlsx");
        };
    }

    private static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** The format of a media type (ignoring parameters such as charset), or null when unknown. */
    public static @Nullable ImportFormat ofMediaType(@Nullable String contentType) {
        if (contentType == null) {
            return null;
        }
        String type = contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "text/csv", "application/csv" -> CSV;
            case "application/json" -> JSON;
            case XLSX_TYPE -> XLSX;
            default -> null;
        };
    }

    /** The format of a file name's extension, or null when unknown. */
    public static @Nullable ImportFormat ofFileName(@Nullable String name) {
        if (name == null) {
            return null;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv")) {
            return CSV;
        }
        if (lower.endsWith(".json")) {
            return JSON;
        }
        if (lower.endsWith(".xlsx")) {
            return XLSX;
        }
        return null;
    }
}
