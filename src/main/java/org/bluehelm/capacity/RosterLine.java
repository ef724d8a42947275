package org.bluehelm.capacity;

import java.util.Map;

/** One line of a roster file: its line number (1 is the header) and its cells by lower-case column name. */
record RosterLine(long line, Map<String, String> cells) {

    String get(String column) {
        String value = cells.get(column);
        return value == null ? "" : value.strip();
    }
}
