package org.bluehelm.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PeriodTests {

    @ParameterizedTest
    @CsvSource({
        "2024,      YEARLY,    2024-01-01, 2024-12-31",
        "2024Q1,    QUARTERLY, 2024-01-01, 2024-03-31",
        "2024Q4,    QUARTERLY, 2024-10-01, 2024-12-31",
        "202402,    MONTHLY,   2024-02-01, 2024-02-29",
        "2024W09,   WEEKLY,    2024-02-26, 2024-03-03",
        "2020W53,   WEEKLY,    2020-12-28, 2021-01-03",
        "2025W01,   WEEKLY,    2024-12-30, 2025-01-05",
        "20240315,  DAILY,     2024-03-15, 2024-03-15"
    })
    void parsesEveryDhis2PeriodType(String id, PeriodType type, LocalDate start, LocalDate end) {
        Period period = Period.parse(id);
        assertThat(period.type()).isEqualTo(type);
        assertThat(period.startDate()).isEqualTo(start);
        assertThat(period.endDate()).isEqualTo(end);
        assertThat(period.id()).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "24",
                "2024Q5",
                "2024Q0",
                "202413",
                "2024W54",
                "2021W53",
                "20240230",
                "2024-03",
                "abc",
                "1800"
            })
    void rejectsWhatIsNotAPeriodNamingTheField(String id) {
        assertThatThrownBy(() -> Period.parse("values[2].period", id))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems())
                        .singleElement()
                        .satisfies(p -> assertThat(p.field()).isEqualTo("values[2].period")));
    }

    @Test
    void rollsFinerPeriodsUpToCoarserOnes() {
        assertThat(Period.parse("20240315").rollUpTo(PeriodType.MONTHLY).id()).isEqualTo("202403");
        assertThat(Period.parse("202405").rollUpTo(PeriodType.QUARTERLY).id()).isEqualTo("2024Q2");
        assertThat(Period.parse("2024Q3").rollUpTo(PeriodType.YEARLY).id()).isEqualTo("2024");
        // a week belongs to the year (and month) of its Thursday
        assertThat(Period.parse("2025W01").rollUpTo(PeriodType.YEARLY).id()).isEqualTo("2025");
        assertThat(Period.parse("2020W53").rollUpTo(PeriodType.YEARLY).id()).isEqualTo("2020");
        assertThat(Period.parse("20240101").rollUpTo(PeriodType.WEEKLY).id()).isEqualTo("2024W01");
        assertThatThrownBy(() -> Period.parse("2024").rollUpTo(PeriodType.MONTHLY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void containsFinerPeriodsInsideIt() {
        assertThat(Period.parse("2024").contains(Period.parse("2024Q2"))).isTrue();
        assertThat(Period.parse("2024Q1").contains(Period.parse("202404"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024", "2024Q3", "202412", "2020W53", "2025W01", "20241231", "20230101"})
    void aPeriodIsFoundAgainAtItsBlockYearAndSlot(String id) {
        Period period = Period.parse(id);
        assertThat(Period.inBlock(period.type(), period.blockYear(), period.blockSlot()))
                .isEqualTo(period);
        assertThat(period.blockSlot()).isBetween(1, Period.blockLength(period.type()));
    }

    @Test
    void slotsThatAYearDoesNotHaveAreRefused() {
        assertThatThrownBy(() -> Period.inBlock(PeriodType.WEEKLY, 2024, 53))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Period.inBlock(PeriodType.DAILY, 2023, 366))
                .isInstanceOf(java.time.DateTimeException.class);
    }
}
