package org.bluehelm.dataexchange;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.jspecify.annotations.Nullable;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The first sheet of an XLSX workbook read with POI's streaming SAX reader (rows are handed on as
 * they are parsed, so memory does not grow with the sheet); the columns as in {@link Columns}. A
 * row's line is its row number in the sheet. Numbers are taken as stored, not as displayed.
 */
final class XlsxRows implements RowSource {

    private final Path file;

    XlsxRows(Path file) {
        this.file = file;
    }

    @Override
    public void read(Consumer<RawRow> rows) throws IOException {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new ImportFileException("has no sheet");
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(
                        new XSSFSheetXMLHandler(styles, null, strings, new Rows(rows), new RawNumbers(), false));
                parser.parse(new InputSource(sheet));
            }
        } catch (OpenXML4JException | SAXException | org.apache.poi.ooxml.POIXMLException e) {
            throw new ImportFileException("is not a readable XLSX workbook: " + e.getMessage(), e);
        } catch (org.apache.poi.openxml4j.exceptions.InvalidOperationException
                | org.apache.poi.UnsupportedFileFormatException e) {
            throw new ImportFileException("is not an XLSX workbook", e);
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Collects the cells of each row and hands the row on at its end. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final Consumer<RawRow> rows;
        private final List<String> cells = new ArrayList<>();
        private @Nullable Columns columns;

        Rows(Consumer<RawRow> rows) {
            this.rows = rows;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
        }

        @Override
        public void endRow(int rowNum) {
            if (Columns.blank(cells)) {
                return;
            }
            if (columns == null) {
                columns = Columns.of(cells);
                if (columns.header()) {
                    return;
                }
            }
            rows.accept(columns.row(rowNum + 1L, cells));
        }

        @Override
        public void cell(String cellReference, String formattedValue, @Nullable XSSFComment comment) {
            int column = new CellReference(cellReference).getCol();
            while (cells.size() <= column) {
                cells.add("");
            }
            cells.set(column, formattedValue);
        }
    }

    /** Numbers as stored (12, 12.5, 202401), not with the cell's display format; dates as ISO dates. */
    private static final class RawNumbers extends DataFormatter {

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value).toLocalDate().toString();
            }
            BigDecimal number = new BigDecimal(Double.toString(value)).stripTrailingZeros();
            return number.scale() < 0 ? number.setScale(0).toPlainString() : number.toPlainString();
        }
    }
}
