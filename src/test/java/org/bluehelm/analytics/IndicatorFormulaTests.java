package org.bluehelm.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import org.bluehelm.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IndicatorFormulaTests {

    private static final Map<String, BigDecimal> VALUES = Map.of(
            "trained_female", new BigDecimal("30"),
            "trained_total", new BigDecimal("120"),
            "zero", BigDecimal.ZERO,
            "a1", new BigDecimal("2"));

    private static @Nullable BigDecimal eval(String formula) {
        return IndicatorFormula.parse(formula).evaluate(VALUES::get);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '=',
            value = {
                "1 + 2 * 3 = 7",
                "(1 + 2) * 3 = 9",
                "10 - 4 - 3 = 3",
                "100 / 10 / 5 = 2",
                "2 * 3 + 4 * 5 = 26",
                "-3 + 5 = 2",
                "- (2 + 3) * 2 = -10",
                "--4 = 4",
                "+4 - -4 = 8",
                "2 * -3 = -6",
                "1.5 * 2 = 3",
                ".5 + .25 = 0.75",
                "((((7)))) = 7",
                "#{trained_female} / #{trained_total} * 100 = 25",
                "#{TRAINED_FEMALE} + 1 = 31",
                "#{a1}*#{a1}-#{a1} = 2",
                "  #{trained_total}  = 120",
            })
    void evaluatesWithTheUsualPrecedenceAndLeftAssociativity(String formula, String expected) {
        assertThat(eval(formula)).isEqualByComparingTo(expected);
    }

    @Test
    void divisionByZeroOrAMissingValueGivesNoValue() {
        assertThat(eval("#{trained_female} / #{zero}")).isNull();
        assertThat(eval("1 / (2 - 2)")).isNull();
        assertThat(eval("#{unknown_here} + 1")).isNull();
        // 16 significant digits inside; the API shows at most 6 decimals
        assertThat(AnalyticsService.plain(eval("1 / 3 * 3"))).isEqualByComparingTo("1");
    }

    @Test
    void listsTheReferencedCodesOnceInOrder() {
        IndicatorFormula formula = IndicatorFormula.parse("#{b} + #{a} * #{B} - #{c}");
        assertThat(formula.references()).containsExactly("b", "a", "c");
        assertThat(formula.text()).isEqualTo("#{b} + #{a} * #{B} - #{c}");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "1 +| at position 4: ends where",
                "1 + * 2| at position 5: expected a number",
                "(1 + 2| at position 1 is never closed",
                "1 + 2)| at position 6: ')' without a matching '('",
                "2 3| at position 3: unexpected '3'",
                "#{abc| at position 1: '#{' is never closed",
                "#{}| at position 1: '#{}' names no indicator",
                "#abc| at position 2: '#' must be followed by",
                "#{a-b}| at position 4: an indicator code has only letters",
                "1 + x| at position 5: expected a number",
                "SELECT 1| at position 1: expected a number",
                ".| at position 1: '.' is not a number",
                "(1 + 2] * 3| at position 7: expected ')' but found ']'",
            })
    void reportsWhatIsWrongAndWhere(String formula, String message) {
        assertThatThrownBy(() -> IndicatorFormula.parse("formula", formula))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.problems()).hasSize(1);
                    assertThat(e.problems().get(0).field()).isEqualTo("formula");
                    assertThat(e.problems().get(0).message()).contains(message.strip());
                });
    }

    @Test
    void refusesEmptyHugeAndTooDeeplyNestedFormulas() {
        assertThatThrownBy(() -> IndicatorFormula.parse("formula", "  "))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("formula: is empty");
        assertThatThrownBy(() -> IndicatorFormula.parse("formula", "1+".repeat(600) + "1"))
                .hasMessageContaining("at most 1000 characters");
        assertThatThrownBy(() -> IndicatorFormula.parse("formula", "(".repeat(60) + "1" + ")".repeat(60)))
                .hasMessageContaining("nested too deeply");
        assertThatThrownBy(() -> IndicatorFormula.parse("formula", "-".repeat(60) + "1"))
                .hasMessageContaining("nested too deeply");
    }
}
