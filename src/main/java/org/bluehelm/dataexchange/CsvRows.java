package org.bluehelm.dataexchange;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV in UTF-8 (a byte order mark is skipped), with or without a header ({@link Columns}); a row's
 * line is its record number counting the header, which is its line in the file unless a quoted
 * value spans lines.
 */
final class CsvRows implements RowSource {

    private final InputStream in;

    CsvRows(InputStream in) {
        this.in = in;
    }

    @Override
    public void read(Consumer<RawRow> rows) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setIgnoreEmptyLines(true)
                .setIgnoreSurroundingSpaces(true)
                .get();
        try (CSVParser parser =
                CSVParser.builder().setReader(reader).setFormat(format).get()) {
            Columns columns = null;
            for (CSVRecord record : parser) {
                List<String> cells = new ArrayList<>(record.size());
                record.forEach(cells::add);
                if (Columns.blank(cells)) {
                    continue;
                }
                long line = record.getRecordNumber();
                if (columns == null) {
                    columns = Columns.of(cells);
                    if (columns.header()) {
                        continue;
                    }
                }
                rows.accept(columns.row(line, cells));
            }
        } catch (UncheckedIOException e) {
            throw new ImportFileException(
                    "the file is not valid CSV: " + e.getCause().getMessage(), e);
        }
    }
}
