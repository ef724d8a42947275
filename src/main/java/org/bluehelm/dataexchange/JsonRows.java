package org.bluehelm.dataexchange;

import java.io.InputStream;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * DHIS2's {@code dataValueSets} JSON read with Jackson's streaming parser, one value at a time:
 * {@code {"dataSet":..., "period":..., "orgUnit":..., "dataValues":[{"dataElement", "period",
 * "orgUnit", "categoryOptionCombo", "value", "comment"}, ...]}}. The top-level period and orgUnit
 * are defaults for values that have none (they must come before {@code dataValues}); a bare array
 * of values is accepted too. A row's line is the line of the file where its entry begins (from 1, as
 * the parser counts them), as for CSV; entries written on one line share it.
 */
final class JsonRows implements RowSource {

    private static final JsonFactory FACTORY = new JsonFactory();

    private final InputStream in;

    JsonRows(InputStream in) {
        this.in = in;
    }

    @Override
    public void read(Consumer<RawRow> rows) {
        try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), in)) {
            JsonToken first = p.nextToken();
            if (first == JsonToken.START_ARRAY) {
                values(p, rows, null, null);
                return;
            }
            if (first != JsonToken.START_OBJECT) {
                throw new ImportFileException("is not a dataValueSets JSON object");
            }
            String period = null;
            String orgUnit = null;
            boolean sawValues = false;
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken token = p.nextToken();
                switch (name) {
                    case "dataValues" -> {
                        if (token != JsonToken.START_ARRAY) {
                            throw new ImportFileException("has a dataValues property that is not an array");
                        }
                        values(p, rows, period, orgUnit);
                        sawValues = true;
                    }
                    case "period" -> period = scalar(p, token);
                    case "orgUnit" -> orgUnit = scalar(p, token);
                    default -> p.skipChildren();
                }
            }
            if (!sawValues) {
                throw new ImportFileException("has no dataValues array");
            }
        } catch (JacksonException e) {
            throw new ImportFileException(
                    "is not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + "): " + e.getOriginalMessage(),
                    e);
        }
    }

    private static void values(
            JsonParser p, Consumer<RawRow> rows, @Nullable String defaultPeriod, @Nullable String defaultOrgUnit) {
        JsonToken token;
        while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
            if (token == null) {
                throw new ImportFileException("ends inside dataValues");
            }
            long line = p.currentTokenLocation().getLineNr();
            if (token != JsonToken.START_OBJECT) {
                p.skipChildren();
                rows.accept(new RawRow(line, null, null, null, null, null, null, "is not a JSON object"));
                continue;
            }
            String dataElement = null;
            String period = defaultPeriod;
            String orgUnit = defaultOrgUnit;
            String optionCombo = null;
            String value = null;
            String comment = null;
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken valueToken = p.nextToken();
                switch (name) {
                    case "dataElement" -> dataElement = scalar(p, valueToken);
                    case "period" -> period = scalar(p, valueToken);
                    case "orgUnit" -> orgUnit = scalar(p, valueToken);
                    case "categoryOptionCombo" -> optionCombo = scalar(p, valueToken);
                    case "value" -> value = scalar(p, valueToken);
                    case "comment" -> comment = scalar(p, valueToken);
                    default -> p.skipChildren();
                }
            }
            rows.accept(new RawRow(line, dataElement, period, orgUnit, optionCombo, value, comment, null));
        }
    }

    private static @Nullable String scalar(JsonParser p, JsonToken token) {
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token.isStructStart()) {
            p.skipChildren();
            return "[structure]";
        }
        String text = p.getString();
        return text == null || text.isBlank() ? null : text.strip();
    }
}
