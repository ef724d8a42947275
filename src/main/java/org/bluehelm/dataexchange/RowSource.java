package org.bluehelm.dataexchange;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Reads the data values of a file one row at a time and hands each to a consumer; never holds them all. */
interface RowSource {

    void read(Consumer<RawRow> rows) throws IOException;

    /** The reader for the format, over a file. */
    static RowSource of(ImportFormat format, Path file) {
        return switch (format) {
            case CSV ->
                rows -> {
                    try (InputStream in = java.nio.file.Files.newInputStream(file)) {
                        new CsvRows(in).read(rows);
                    }
                };
            case JSON ->
                rows -> {
                    try (InputStream in = java.nio.file.Files.newInputStream(file)) {
                        new JsonRows(in).read(rows);
                    }
                };
            case XLSX -> new XlsxRows(file);
        };
    }

    /** The reader for a CSV or JSON stream (XLSX needs a file: its parts are read out of order). */
    static RowSource of(ImportFormat format, InputStream in) {
        return switch (format) {
            case CSV -> new CsvRows(in);
            case JSON -> new JsonRows(in);
            case XLSX -> throw new IllegalArgumentException("XLSX is read from a file");
        };
    }
}
