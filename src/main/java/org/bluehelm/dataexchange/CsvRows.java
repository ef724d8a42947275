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
 * CSV in UTF-8 (a byte order mark is skipped), with or without a header ({@link Columns}), its
 * cells separated by commas or by semicolons (as Excel writes CSV in French and many other
 * locales): the first line that is not empty decides, semicolons when it has more of them than
 * commas outside quotes. A row's line is the line of the file where it begins, counting the header
 * and empty lines, whatever quoted values span lines before it. In a file separated by semicolons
 * the value may have a decimal comma ({@link RawRow#decimalComma}).
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
        char separator = separator(reader);
        // empty lines are records of one empty cell, skipped below as blank: the parser would skip
        // them before a record without counting them into where the record begins
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setDelimiter(separator)
                .setIgnoreEmptyLines(false)
                .setIgnoreSurroundingSpaces(true)
                .get();
        boolean decimalComma = separator == ';';
        try (CSVParser parser =
                CSVParser.builder().setReader(reader).setFormat(format).get()) {
            Columns columns = null;
            // the parser has read a record (up to its line break) when the loop gets it, and
            // counts the line breaks it read, those inside quoted values included
            long line = 1;
            for (CSVRecord record : parser) {
                long begins = line;
                line = parser.getCurrentLineNumber() + 1;
                List<String> cells = new ArrayList<>(record.size());
                for (int i = 0; i < record.size(); i++) {
                    cells.add(record.get(i)); // not forEach: the record's iterator streams a copy of its values
                }
                if (Columns.blank(cells)) {
                    continue;
                }
                if (columns == null) {
                    columns = Columns.of(cells);
                    if (columns.header()) {
                        continue;
                    }
                }
                rows.accept(columns.row(begins, cells, decimalComma));
            }
        } catch (UncheckedIOException e) {
            throw new ImportFileException("is not valid CSV: " + e.getCause().getMessage(), e);
        }
    }

    /** How much of the file the separator is looked for in: the first non-empty line, up to this many characters. */
    private static final int LOOK_AHEAD = 1 << 16;

    /** The separator of the first non-empty line, read ahead and put back. */
    private static char separator(BufferedReader reader) throws IOException {
        reader.mark(LOOK_AHEAD);
        char[] ahead = new char[LOOK_AHEAD];
        int length = 0;
        int n = 0;
        while (length < LOOK_AHEAD && n >= 0) {
            n = reader.read(ahead, length, LOOK_AHEAD - length);
            length += Math.max(n, 0);
        }
        reader.reset();
        return separator(new String(ahead, 0, length));
    }

    /**
     * {@code ';'} when the first line that is not blank has more semicolons than commas outside
     * double quotes, else {@code ','}. A quoted value may span lines.
     */
    static char separator(CharSequence text) {
        int commas = 0;
        int semicolons = 0;
        boolean quoted = false;
        boolean content = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (quoted) {
                continue;
            } else if (c == '\n' || c == '\r') {
                if (content) {
                    break;
                }
            } else if (c == ',') {
                commas++;
            } else if (c == ';') {
                semicolons++;
            }
            if (!Character.isWhitespace(c)) {
                content = true;
            }
        }
        return semicolons > commas ? ';' : ',';
    }
}
