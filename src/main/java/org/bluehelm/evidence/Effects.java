package org.bluehelm.evidence;

/** Which fixed effects a panel regression absorbs. */
public enum Effects {
    UNIT,
    TIME,
    TWOWAY;

    public static Effects parse(String value) {
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "unit" -> UNIT;
            case "time" -> TIME;
            case "twoway", "two-way" -> TWOWAY;
            default ->
                throw Refused.of(
                        "effects",
                        "'" + value + "' is not one of unit, time, twoway",
                        "evidence.validation.effects",
                        value);
        };
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
