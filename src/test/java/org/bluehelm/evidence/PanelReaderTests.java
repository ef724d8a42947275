package org.bluehelm.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import org.bluehelm.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class PanelReaderTests {

    static Panel read(String csv, List<String> numeric) {
        return PanelReader.read(new StringReader(csv), "country", "year", numeric, List.of(), List.of());
    }

    @Test
    void readsUnitsAsTextAndSortsIntegerTimesNumerically() {
        Panel p = read("country,year,y\n001,2010,1.5\n001,999,2\nLBR,2009,3\n", List.of("y"));
        assertThat(p.units()).containsExactly("001", "LBR");
        assertThat(p.times()).containsExactly("999", "2009", "2010");
        assertThat(p.integerTimes()).isTrue();
        assertThat(p.column("y")).containsExactly(1.5, 2, 3);
    }

    @Test
    void sortsTextTimesAsText() {
        Panel p = read("country,year,y\nA,2001-Q2,1\nA,2001-Q1,2\n", List.of("y"));
        assertThat(p.integerTimes()).isFalse();
        assertThat(p.times()).containsExactly("2001-Q1", "2001-Q2");
    }

    @Test
    void namesTheLineAndColumnOfEveryProblem() {
        assertThatThrownBy(() -> read("country,year,y\nA,2001,abc\nA,2002,\n", List.of("y")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("line 2, column 'y': 'abc' is not a number")
                .hasMessageContaining("line 3, column 'y': the value is missing");
        assertThatThrownBy(() -> read("country,year,y\nA,2001,1\nA,2001,2\n", List.of("y")))
                .hasMessageContaining("line 3, column 'year': a second row for unit 'A' and time '2001'");
        assertThatThrownBy(() -> read("country,year,y\nA,2001,1\n", List.of("gdp")))
                .hasMessageContaining("unknown column 'gdp'");
    }
}
