package org.bluehelm.web;

import java.math.BigDecimal;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Numbers typed into a form, in the user's language: {@code 12.5} always, and {@code 12,5} where
 * the comma is the decimal separator (French). Spaces, including the narrow no-break space French
 * uses to group thousands, are ignored; in English a comma is accepted only as a thousands
 * separator ({@code 1,250.5}). Anything else (letters, exponents, two separators) is refused, so a
 * number never changes its meaning silently.
 */
public final class DecimalInput {

    private static final Pattern PLAIN = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
    private static final Pattern GROUPED = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d*)?");

    private DecimalInput() {}

    /**
     * The number, or null for a blank text.
     *
     * @throws NumberFormatException when the text is not a number in the user's language
     */
    public static @Nullable BigDecimal parse(@Nullable String text, Locale locale) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String s = text.replaceAll("[\\s\\u00a0\\u202f']", "");
        if (commaIsDecimal(locale)) {
            if (s.indexOf(',') >= 0 && s.indexOf('.') >= 0) {
                throw new NumberFormatException(text);
            }
            s = s.replace(',', '.');
        } else if (GROUPED.matcher(s).matches()) {
            s = s.replace(",", "");
        }
        if (!PLAIN.matcher(s).matches()) {
            throw new NumberFormatException(text);
        }
        return new BigDecimal(s.endsWith(".") ? s.substring(0, s.length() - 1) : s);
    }

    /** The number as it is typed in the user's language, without grouping or exponent: 1250,5 in French. */
    public static String format(@Nullable BigDecimal value, Locale locale) {
        if (value == null) {
            return "";
        }
        BigDecimal plain = value.stripTrailingZeros();
        String text = (plain.scale() < 0 ? plain.setScale(0) : plain).toPlainString();
        return commaIsDecimal(locale) ? text.replace('.', ',') : text;
    }

    private static boolean commaIsDecimal(Locale locale) {
        return DecimalFormatSymbols.getInstance(locale).getDecimalSeparator() == ',';
    }
}
