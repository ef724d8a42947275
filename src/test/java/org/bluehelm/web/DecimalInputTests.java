package org.bluehelm.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class DecimalInputTests {

    @Test
    void aPointIsADecimalPointInEveryLanguage() {
        assertThat(DecimalInput.parse("12.5", Locale.ENGLISH)).isEqualByComparingTo("12.5");
        assertThat(DecimalInput.parse("12.5", Locale.FRENCH)).isEqualByComparingTo("12.5");
        assertThat(DecimalInput.parse(" -0.25 ", Locale.ENGLISH)).isEqualByComparingTo("-0.25");
        assertThat(DecimalInput.parse("7.", Locale.ENGLISH)).isEqualByComparingTo("7");
    }

    @Test
    void aCommaIsADecimalPointInFrenchAndAThousandsSeparatorInEnglish() {
        assertThat(DecimalInput.parse("12,5", Locale.FRENCH)).isEqualByComparingTo("12.5");
        assertThat(DecimalInput.parse("1 250,75", Locale.FRENCH)).isEqualByComparingTo("1250.75");
        assertThat(DecimalInput.parse("1\u202f250", Locale.FRENCH)).isEqualByComparingTo("1250");
        assertThat(DecimalInput.parse("1,250.5", Locale.ENGLISH)).isEqualByComparingTo("1250.5");
        assertThatThrownBy(() -> DecimalInput.parse("12,5", Locale.ENGLISH)).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void anythingElseIsRefusedRatherThanGuessed() {
        for (String text : new String[] {"abc", "4O", "1e5", "1.2.3", "1,5.2", "--1", "12%"}) {
            assertThatThrownBy(() -> DecimalInput.parse(text, Locale.FRENCH))
                    .as(text)
                    .isInstanceOf(NumberFormatException.class);
        }
        assertThatThrownBy(() -> DecimalInput.parse("1,5.2", Locale.ENGLISH)).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void blankMeansNoNumber() {
        assertThat(DecimalInput.parse("  ", Locale.ENGLISH)).isNull();
        assertThat(DecimalInput.parse(null, Locale.FRENCH)).isNull();
    }

    @Test
    void numbersAreShownAsTheyAreTyped() {
        assertThat(DecimalInput.format(new BigDecimal("12.500000"), Locale.FRENCH))
                .isEqualTo("12,5");
        assertThat(DecimalInput.format(new BigDecimal("1E+3"), Locale.ENGLISH)).isEqualTo("1000");
        assertThat(DecimalInput.format(null, Locale.ENGLISH)).isEmpty();
    }
}
