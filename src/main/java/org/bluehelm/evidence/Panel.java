package org.bluehelm.evidence;

import java.util.List;
import java.util.Map;

/**
 * A panel read from a CSV: one row per unit and time. {@code units} in order of first appearance,
 * {@code times} sorted (numerically when every time is an integer, else as text);
 * {@code unitIndex[r]} and {@code timeIndex[r]} place row {@code r}. {@code numeric} holds the
 * numeric columns asked for (a blank cell is {@code NaN} only in columns read with blanks allowed);
 * {@code text} the columns read as text. {@code lines[r]} is the CSV line of row {@code r}.
 */
public record Panel(
        String unitColumn,
        String timeColumn,
        List<String> units,
        List<String> times,
        boolean integerTimes,
        int[] unitIndex,
        int[] timeIndex,
        long[] lines,
        Map<String, double[]> numeric,
        Map<String, String[]> text) {

    public int rows() {
        return unitIndex.length;
    }

    public double[] column(String name) {
        double[] values = numeric.get(name);
        if (values == null) {
            throw Refused.of(
                    name, "column '" + name + "' was not read as a number", "evidence.validation.notNumeric", name);
        }
        return values;
    }

    public String[] textColumn(String name) {
        String[] values = text.get(name);
        if (values == null) {
            throw Refused.of(name, "column '" + name + "' was not read as text", "evidence.validation.notText", name);
        }
        return values;
    }

    /** The index of a time given as text, or -1 when no row has it. */
    public int timeIndexOf(String time) {
        if (integerTimes) {
            try {
                long value = Long.parseLong(time.trim());
                for (int i = 0; i < times.size(); i++) {
                    if (Long.parseLong(times.get(i)) == value) {
                        return i;
                    }
                }
                return -1;
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return times.indexOf(time.trim());
    }

    /**
     * Compares a time given as text with the panel's time at {@code index}: negative when the
     * given time is earlier. Integers compare as numbers when the panel's times are integers.
     */
    public int compareTime(String time, int index) {
        if (integerTimes) {
            return Long.compare(Long.parseLong(time.trim()), Long.parseLong(times.get(index)));
        }
        return time.trim().compareTo(times.get(index));
    }

    /** The distance in periods between two times: their difference for integer times, else positions. */
    public long distance(int fromIndex, int toIndex) {
        if (integerTimes) {
            return Long.parseLong(times.get(toIndex)) - Long.parseLong(times.get(fromIndex));
        }
        return (long) toIndex - fromIndex;
    }
}
