package org.bluehelm.dataexchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParserTests {

    @TempDir
    Path dir;

    private static List<RawRow> read(RowSource source) throws IOException {
        List<RawRow> rows = new ArrayList<>();
        source.read(rows::add);
        return rows;
    }

    private static List<RawRow> csv(String text) throws IOException {
        return read(new CsvRows(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))));
    }

    private static List<RawRow> json(String text) throws IOException {
        return read(new JsonRows(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void theDhis2CsvSampleIsReadInDhis2ColumnOrderWithoutAHeader() throws IOException {
        List<RawRow> rows;
        try (InputStream in = getClass().getResourceAsStream("/dataexchange/dhis2-dataValueSets.csv")) {
            rows = read(new CsvRows(in));
        }
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0))
                .isEqualTo(
                        new RawRow(1, "IND_SEX", "202403", "UNIT_A", "FEMALE", "15", "entered from \"form A\"", null));
        assertThat(rows.get(2).categoryOptionCombo()).isEqualTo("default");
        assertThat(rows.get(3).categoryOptionCombo()).isNull();
        assertThat(rows.get(3).line()).isEqualTo(4);
    }

    @Test
    void aCsvHeaderNamesColumnsInAnyOrderAndCaseAndIsCountedAsLineOne() throws IOException {
        List<RawRow> rows = csv(
                "\uFEFFValue,OrgUnit,PERIOD,dataElement,comment\n12,LR-1,2024Q1,trained,ok\n\n13,LR-2,2024Q2,trained,\n");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).isEqualTo(new RawRow(2, "trained", "2024Q1", "LR-1", null, "12", "ok", null));
        assertThat(rows.get(1).value()).isEqualTo("13");
        assertThat(rows.get(1).comment()).isNull();
    }

    @Test
    void aDhis2CsvHeaderIsRecognised() throws IOException {
        List<RawRow> rows = csv(
                "dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,lastupdated,comment,followup\n"
                        + "trained,202401,LR-1,FEMALE,,5,admin,,,false\n");
        assertThat(rows).containsExactly(new RawRow(2, "trained", "202401", "LR-1", "FEMALE", "5", null, null));
    }

    @Test
    void aHeaderWithoutARequiredColumnIsRefused() {
        assertThatThrownBy(() -> csv("dataElement,period,value\ntrained,2024,1\n"))
                .isInstanceOf(ImportFileException.class)
                .hasMessageStartingWith("the file has no column orgUnit in its header")
                .extracting(e -> ((ImportFileException) e).problem())
                .isEqualTo("has no column orgUnit in its header (it needs dataElement, period, orgUnit and value;"
                        + " categoryOptionCombo and comment are optional)");
    }

    @Test
    void aSemicolonSeparatedFileWithAHeaderIsReadAsExcelWritesItInFrench() throws IOException {
        List<RawRow> rows = csv("\uFEFFdataElement;period;orgUnit;categoryOptionCombo;value;comment\r\n"
                + "trained;2024Q1;LR-1;FEMALE;12;\"vu, et noté; ok\"\r\n"
                + "\r\n"
                + "trained;2024Q1;LR-1;;30;\r\n");
        assertThat(rows)
                .containsExactly(
                        new RawRow(2, "trained", "2024Q1", "LR-1", "FEMALE", "12", "vu, et noté; ok", null, true),
                        new RawRow(4, "trained", "2024Q1", "LR-1", null, "30", null, null, true));
    }

    @Test
    void aSemicolonSeparatedFileWithoutAHeaderIsReadInDhis2ColumnOrder() throws IOException {
        List<RawRow> rows = csv("trained;202401;LR-1;MALE;;5;admin;;un, deux;false\ntrained;202402;LR-2;;;6\n");
        assertThat(rows)
                .containsExactly(
                        new RawRow(1, "trained", "202401", "LR-1", "MALE", "5", "un, deux", null, true),
                        new RawRow(2, "trained", "202402", "LR-2", null, "6", null, null, true));
    }

    @Test
    void aCsvRowIsTheLineItBeginsOnWhenAQuotedValueBeforeItSpansLines() throws IOException {
        String file = "dataElement,period,orgUnit,value,comment\n"
                + "trained,2024Q1,LR-1,12,\"first line\nsecond line\"\n"
                + "\n"
                + "trained,2024Q1,LR-2,13,\"a\r\nb\r\nc\"\n"
                + "trained,2024Q1,LR-3,14,\n"
                + "  \n"
                + "trained,2024Q1,LR-4,15,\"\"\"quoted\"\"\n\"";
        assertThat(csv(file))
                .extracting(RawRow::line, RawRow::orgUnit)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2L, "LR-1"),
                        org.assertj.core.groups.Tuple.tuple(5L, "LR-2"),
                        org.assertj.core.groups.Tuple.tuple(8L, "LR-3"),
                        org.assertj.core.groups.Tuple.tuple(10L, "LR-4"));
        assertThat(csv(file).get(1).comment()).isEqualTo("a\r\nb\r\nc");
        // the same with Windows line breaks, semicolons and no header
        assertThat(csv("trained;2024;LR-1;;;1;;;\"un\r\ndeux\";\r\n\r\ntrained;2024;LR-2;;;2\r\n"))
                .extracting(RawRow::line)
                .containsExactly(1L, 4L);
        // a byte order mark and a header spanning lines
        assertThat(csv("\uFEFFdataElement,value,period,orgUnit,\"my\nnotes\"\nx,1,2024,LR-1,\n"))
                .extracting(RawRow::line)
                .containsExactly(3L);
    }

    @Test
    void aSemicolonSeparatedFileMayWriteItsValuesWithADecimalCommaAndSpacesBetweenThousands() throws IOException {
        List<RawRow> rows = csv("dataElement;period;orgUnit;value\n" + "trained;2024;LR-1;12,5\n"
                + "trained;2024;LR-1;-1\u202F234,5\n" + "trained;2024;LR-1;1.5\n");
        assertThat(rows).allMatch(RawRow::decimalComma);
        assertThat(rows)
                .extracting(r -> ImportService.number(r.value(), r.decimalComma()))
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("12.5"), new BigDecimal("-1234.5"), new BigDecimal("1.5"));
        assertThat(csv("dataElement,period,orgUnit,value\ntrained,2024,LR-1,\"12,5\"\n"))
                .singleElement()
                .satisfies(r -> assertThat(r.decimalComma()).isFalse())
                .satisfies(r -> assertThat(ImportService.number(r.value(), r.decimalComma()))
                        .isNull());

        assertThat(ImportService.number("1 234 567,25", true)).isEqualByComparingTo("1234567.25");
        assertThat(ImportService.number("1\u00A0234", true)).isEqualByComparingTo("1234");
        // no-break spaces a spreadsheet left around a number are spaces like any other
        assertThat(ImportService.number("\u00A012,5\u202F", true)).isEqualByComparingTo("12.5");
        assertThat(ImportService.number("\u00A042\u00A0")).isEqualByComparingTo("42");
        assertThat(ImportService.number("0,5", true)).isEqualByComparingTo("0.5");
        assertThat(ImportService.number(",5", true)).isEqualByComparingTo("0.5");
        assertThat(ImportService.number("+3,25e2", true)).isEqualByComparingTo("325");
        assertThat(ImportService.number("1e3", true)).isEqualByComparingTo("1000");
        assertThat(ImportService.number("vrai", true)).isNull();
        assertThat(ImportService.number("TRUE", true)).isEqualByComparingTo("1");
        // what could mean two numbers is refused, as is any comma or space out of its place
        for (String ambiguous : new String[] {
            "1.234,5", "1,234.5", "1,2,3", "12 34", "1234 567", "1 234 5", "12,", "- 12", "1 234,5 6", "1 ,5", "1\t234"
        }) {
            assertThat(ImportService.number(ambiguous, true)).as(ambiguous).isNull();
        }
        // and in a file separated by commas, a comma is never a decimal one
        assertThat(ImportService.number("12,5", false)).isNull();
        assertThat(ImportService.number("1 234", false)).isNull();
    }

    @Test
    void aCommaSeparatedFileWithSemicolonsInAQuotedCommentIsStillReadWithCommas() throws IOException {
        List<RawRow> rows =
                csv("dataElement,period,orgUnit,value,comment\n" + "trained,2024Q1,LR-1,12,\"a; b; c; d; e; f\"\n");
        assertThat(rows)
                .containsExactly(new RawRow(2, "trained", "2024Q1", "LR-1", null, "12", "a; b; c; d; e; f", null));
        // quoted semicolons are not counted, however many
        assertThat(CsvRows.separator("trained,2024,LR-1,,,5,,,\"x;y;z;w;v;u;t;s;r;q\"\n"))
                .isEqualTo(',');
        // a quoted value spanning lines is one value; the next line is not looked at
        assertThat(CsvRows.separator("\"a;\nb;c;d\",x,y\nq;r;s;t;u\n")).isEqualTo(',');
        assertThat(CsvRows.separator("\n  \r\nx;y;z,1\na,b,c,d,e\n")).isEqualTo(';');
        assertThat(CsvRows.separator("")).isEqualTo(',');
    }

    @Test
    void theDhis2JsonSampleAppliesItsTopLevelPeriodAndUnitAndNumbersRowsByTheLineTheyBeginOn() throws IOException {
        List<RawRow> rows;
        try (InputStream in = getClass().getResourceAsStream("/dataexchange/dhis2-dataValueSets.json")) {
            rows = read(new JsonRows(in));
        }
        assertThat(rows).hasSize(4);
        // the entries are on lines 7 to 10 of the file, after its top-level fields
        assertThat(rows.get(0))
                .isEqualTo(
                        new RawRow(7, "IND_SEX", "202401", "UNIT_A", "FEMALE", "12", "from the county report", null));
        assertThat(rows.get(2).value()).isEqualTo("42");
        assertThat(rows.get(3)).isEqualTo(new RawRow(10, "IND_SEX", "202402", "UNIT_B", "default", "7", null, null));
    }

    @Test
    void aJsonRowIsTheLineItsEntryBeginsOnInABareArrayAndOnOneLineToo() throws IOException {
        List<RawRow> rows = json("""
                [
                  {"dataElement": "a", "value": "1"},

                  {
                    "dataElement": "b",
                    "value": "2"
                  },
                  3,
                  {"dataElement": "c"}, {"dataElement": "d"}
                ]
                """);
        assertThat(rows).extracting(RawRow::line).containsExactly(2L, 4L, 8L, 9L, 9L);
        assertThat(rows.get(2).problem()).isEqualTo("is not a JSON object");
        assertThat(json("{\"dataValues\":[{\"dataElement\":\"x\"},{\"dataElement\":\"y\"}]}"))
                .extracting(RawRow::line)
                .containsExactly(1L, 1L);
    }

    @Test
    void jsonEntriesThatAreNotObjectsAreRowProblemsAndBrokenJsonIsAFileProblem() throws IOException {
        List<RawRow> rows = json("{\"dataValues\":[1,{\"dataElement\":\"x\",\"value\":true,\"extra\":{\"a\":[1]}}]}");
        assertThat(rows.get(0).problem()).isEqualTo("is not a JSON object");
        assertThat(rows.get(1).value()).isEqualTo("true");
        assertThat(json("[{\"dataElement\":\"x\"}]")).hasSize(1);
        assertThatThrownBy(() -> json("{\"dataValues\":[{\"dataElement\":\"x\",}]}"))
                .isInstanceOf(ImportFileException.class)
                .hasMessageStartingWith("the file is not valid JSON (line 1");
        assertThatThrownBy(() -> json("{\"period\":\"2024\"}"))
                .isInstanceOf(ImportFileException.class)
                .hasMessageContaining("dataValues");
    }

    @Test
    void anXlsxSheetIsStreamedWithRowNumbersAndNumbersAsStored() throws IOException {
        Path file = dir.resolve("values.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("values");
            Row header = sheet.createRow(0);
            String[] names = {"dataElement", "period", "orgUnit", "categoryOptionCombo", "value", "comment"};
            for (int i = 0; i < names.length; i++) {
                header.createCell(i).setCellValue(names[i]);
            }
            Row first = sheet.createRow(1);
            first.createCell(0).setCellValue("trained");
            first.createCell(1).setCellValue(202401);
            first.createCell(2).setCellValue("LR-1");
            first.createCell(4).setCellValue(12.5);
            Row third = sheet.createRow(3);
            third.createCell(0).setCellValue("trained");
            third.createCell(1).setCellValue("2024Q1");
            third.createCell(2).setCellValue("LR-2");
            third.createCell(3).setCellValue("FEMALE");
            third.createCell(4).setCellValue(123456789012.0);
            third.createCell(5).setCellValue("note");
            workbook.write(out);
        }
        List<RawRow> rows = read(new XlsxRows(file));
        assertThat(rows)
                .containsExactly(
                        new RawRow(2, "trained", "202401", "LR-1", null, "12.5", null, null),
                        new RawRow(4, "trained", "2024Q1", "LR-2", "FEMALE", "123456789012", "note", null));
    }

    @Test
    void aFileThatIsNotAWorkbookIsAFileProblem() throws IOException {
        Path file = dir.resolve("not.xlsx");
        Files.writeString(file, "dataElement,period\n");
        assertThatThrownBy(() -> read(new XlsxRows(file))).isInstanceOf(ImportFileException.class);
    }

    @Test
    void optionsAndNumbersAreParsedAsDhis2NamesThem() {
        assertThat(ImportFormat.named("format", "dhis2-csv")).isEqualTo(ImportFormat.CSV);
        assertThat(ImportFormat.named("format", "DHIS2-JSON")).isEqualTo(ImportFormat.JSON);
        assertThat(ImportFormat.ofMediaType("text/csv; charset=utf-8")).isEqualTo(ImportFormat.CSV);
        assertThat(ImportStrategy.parse("strategy", "NEW_AND_UPDATES")).isEqualTo(ImportStrategy.CREATE_AND_UPDATE);
        assertThat(ImportStrategy.parse("strategy", "create")).isEqualTo(ImportStrategy.CREATE);
        assertThat(IdScheme.parse("idScheme", "uid", IdScheme.CODE)).isEqualTo(IdScheme.ID);
        assertThat(ImportService.number("1e3")).isEqualByComparingTo("1000");
        assertThat(ImportService.number("TRUE")).isEqualByComparingTo("1");
        assertThat(ImportService.number("12,5")).isNull();
        assertThatThrownBy(() -> AtomicMode.parse("atomicMode", "SOME")).hasMessageContaining("atomicMode");
    }
}
