package org.bluehelm.dataexchange;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Which column of a CSV file or spreadsheet holds which field. A first row whose cells name known
 * fields (case-insensitive: dataElement or indicator, period, orgUnit, categoryOptionCombo or
 * option, attributeOptionCombo, value, storedBy, lastUpdated, comment, followUp) is a header and
 * maps the columns by name in any order; otherwise the columns are in DHIS2's order: dataelement,
 * period, orgunit, categoryoptioncombo, attributeoptioncombo, value, storedby, lastupdated,
 * comment, followup.
 */
final class Columns {

    enum Field {
        DATA_ELEMENT,
        PERIOD,
        ORG_UNIT,
        CATEGORY_OPTION_COMBO,
        ATTRIBUTE_OPTION_COMBO,
        VALUE,
        STORED_BY,
        LAST_UPDATED,
        COMMENT,
        FOLLOW_UP
    }

    private final Map<Field, Integer> index;
    private final boolean header;

    private Columns(Map<Field, Integer> index, boolean header) {
        this.index = index;
        this.header = header;
    }

    /** DHIS2's fixed column order, for files without a header. */
    static Columns dhis2() {
        Map<Field, Integer> index = new EnumMap<>(Field.class);
        for (Field f : Field.values()) {
            index.put(f, f.ordinal());
        }
        return new Columns(index, false);
    }

    /**
     * The columns named by the first row when it is a header, else DHIS2's order.
     *
     * @throws ImportFileException when a header lacks a required column
     */
    static Columns of(List<String> firstRow) {
        Map<Field, Integer> index = new EnumMap<>(Field.class);
        for (int i = 0; i < firstRow.size(); i++) {
            Field field = field(firstRow.get(i));
            if (field != null) {
                index.putIfAbsent(field, i);
            }
        }
        boolean isHeader = index.containsKey(Field.DATA_ELEMENT) || index.containsKey(Field.VALUE);
        if (!isHeader) {
            return dhis2();
        }
        for (Field required : List.of(Field.DATA_ELEMENT, Field.PERIOD, Field.ORG_UNIT, Field.VALUE)) {
            if (!index.containsKey(required)) {
                throw new ImportFileException("has no column " + name(required)
                        + " in its header (it needs dataElement, period, orgUnit and value; categoryOptionCombo and comment are"
                        + " optional)");
            }
        }
        return new Columns(index, true);
    }

    boolean header() {
        return header;
    }

    RawRow row(long line, List<String> cells) {
        return row(line, cells, false);
    }

    /** The row of the cells; {@code decimalComma} when the value may be written with a decimal comma. */
    RawRow row(long line, List<String> cells, boolean decimalComma) {
        return new RawRow(
                line,
                cell(cells, Field.DATA_ELEMENT),
                cell(cells, Field.PERIOD),
                cell(cells, Field.ORG_UNIT),
                cell(cells, Field.CATEGORY_OPTION_COMBO),
                cell(cells, Field.VALUE),
                cell(cells, Field.COMMENT),
                null,
                decimalComma);
    }

    private @Nullable String cell(List<String> cells, Field field) {
        Integer i = index.get(field);
        if (i == null || i >= cells.size()) {
            return null;
        }
        String text = cells.get(i);
        return text == null || text.isBlank() ? null : text.strip();
    }

    static boolean blank(List<String> cells) {
        for (String cell : cells) {
            if (cell != null && !cell.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static @Nullable Field field(@Nullable String name) {
        if (name == null) {
            return null;
        }
        String key = name.strip()
                .toLowerCase(Locale.ROOT)
                .replace("_", "")
                .replace(" ", "")
                .replace("-", "");
        if (key.startsWith("\uFEFF")) {
            key = key.substring(1);
        }
        return switch (key) {
            case "dataelement", "indicator", "de" -> Field.DATA_ELEMENT;
            case "period", "pe" -> Field.PERIOD;
            case "orgunit", "organisationunit", "organizationunit", "ou" -> Field.ORG_UNIT;
            case "categoryoptioncombo", "coc", "option", "optioncode" -> Field.CATEGORY_OPTION_COMBO;
            case "attributeoptioncombo", "aoc" -> Field.ATTRIBUTE_OPTION_COMBO;
            case "value" -> Field.VALUE;
            case "storedby" -> Field.STORED_BY;
            case "lastupdated", "created" -> Field.LAST_UPDATED;
            case "comment" -> Field.COMMENT;
            case "followup" -> Field.FOLLOW_UP;
            default -> null;
        };
    }

    static String name(Field field) {
        return switch (field) {
            case DATA_ELEMENT -> "dataElement";
            case PERIOD -> "period";
            case ORG_UNIT -> "orgUnit";
            case CATEGORY_OPTION_COMBO -> "categoryOptionCombo";
            case ATTRIBUTE_OPTION_COMBO -> "attributeOptionCombo";
            case VALUE -> "value";
            case STORED_BY -> "storedBy";
            case LAST_UPDATED -> "lastUpdated";
            case COMMENT -> "comment";
            case FOLLOW_UP -> "followUp";
        };
    }
}
