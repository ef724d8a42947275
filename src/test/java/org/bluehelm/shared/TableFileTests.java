package org.bluehelm.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class TableFileTests {

    @Test
    void textThatWouldRunAsAFormulaIsPrefixedAndNumbersAreNot() {
        assertThat(TableFile.text("=1+1")).isEqualTo("'=1+1");
        assertThat(TableFile.text("+33 1 23")).isEqualTo("'+33 1 23");
        assertThat(TableFile.text("-2+3")).isEqualTo("'-2+3");
        assertThat(TableFile.text("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(TableFile.text("\tx")).isEqualTo("'\tx");
        assertThat(TableFile.text("\rx")).isEqualTo("'\rx");
        assertThat(TableFile.text("Police")).isEqualTo("Police");
        assertThat(TableFile.text(new BigDecimal("-1.50"))).isEqualTo("-1.50");
        assertThat(TableFile.text(-3L)).isEqualTo("-3");
        assertThat(TableFile.text(null)).isEmpty();
    }

    @Test
    void csvHasAHeaderLineAndEmptyCellsForMissingValues() {
        String csv = new String(
                TableFile.csv(List.of("Name", "Value"), List.of(Arrays.asList("=cmd", null), List.of("a, b", 2))),
                StandardCharsets.UTF_8);
        assertThat(csv).isEqualTo("Name,Value\r\n'=cmd,\r\n\"a, b\",2\r\n");
    }

    @Test
    void xlsxParsesBackWithNumbersAsNumbersAndFormulasAsText() throws Exception {
        byte[] file = TableFile.xlsx(
                List.of("Name", "Value"),
                List.of(List.of("=HYPERLINK(\"x\")", new BigDecimal("12.5")), List.of("b", 3)),
                "sheet");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Name");
            assertThat(sheet.getRow(1).getCell(0).getCellType()).isEqualTo(CellType.STRING);
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("'=HYPERLINK(\"x\")");
            assertThat(sheet.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(12.5);
            assertThat(sheet.getRow(2).getCell(1).getNumericCellValue()).isEqualTo(3.0);
        }
    }
}
