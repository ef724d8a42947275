package org.bluehelm.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.bluehelm.shared.FieldProblem;
import org.bluehelm.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class SeriesCsvTests {

    private final CountryCodes codes = new CountryCodes();

    @Test
    void aLongFileIsReadWithCodesAndNamesAndMissingValuesLeftOut() {
        List<SeriesCsv.Value> values = SeriesCsv.read("""
                country,year,value
                Liberia,2004,1.5
                SOM,2004,NA
                Ivory Coast,2005,-2
                """, codes);
        assertThat(values).containsExactly(new SeriesCsv.Value("LBR", 2004, 1.5), new SeriesCsv.Value("CIV", 2005, -2));
    }

    @Test
    void aWideFileHasOneColumnPerYear() {
        List<SeriesCsv.Value> values = SeriesCsv.read("""
                iso3,2003,2004
                LBR,1,
                SOM,3,4
                """, codes);
        assertThat(values)
                .containsExactly(
                        new SeriesCsv.Value("LBR", 2003, 1),
                        new SeriesCsv.Value("SOM", 2003, 3),
                        new SeriesCsv.Value("SOM", 2004, 4));
    }

    @Test
    void everyProblemIsReportedWithItsLineAndColumn() {
        assertThatThrownBy(() -> SeriesCsv.read("""
                        iso3,year,value
                        LBR,2004,1
                        Atlantis,2004,1
                        LBR,20x4,1
                        SOM,2004,high
                        LBR,2004,2
                        Yugoslavia,1990,1
                        """, codes))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::field, FieldProblem::message)
                                .containsExactly(
                                        org.assertj.core.groups.Tuple.tuple(
                                                "line 3, column 'iso3'",
                                                "unknown country 'Atlantis' (give an ISO 3166 alpha-3 code or an English or French"
                                                        + " name)"),
                                        org.assertj.core.groups.Tuple.tuple(
                                                "line 4, column 'year'", "'20x4' is not a year between 1800 and 2100"),
                                        org.assertj.core.groups.Tuple.tuple(
                                                "line 5, column 'value'", "'high' is not a number"),
                                        org.assertj.core.groups.Tuple.tuple(
                                                "line 6, column 'value'",
                                                "a second value for LBR in 2004 (first on line 2)"),
                                        org.assertj.core.groups.Tuple.tuple(
                                                "line 7, column 'iso3'",
                                                "'Yugoslavia' cannot be used: a former state: its figures belong to several of"
                                                        + " today's countries, so an upload must name the country it means")));
    }

    @Test
    void aFileWithoutTheColumnsOrWithoutValuesIsRefused() {
        assertThatThrownBy(() -> SeriesCsv.read("a,b\n1,2\n", codes))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).field()).isEqualTo("file"));
        assertThatThrownBy(() -> SeriesCsv.read("iso3,year,value\nLBR,2004,\n", codes))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).message()).isEqualTo("the file holds no values"));
    }
}
