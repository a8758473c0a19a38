package fr.rdvnumerique.reporting;

import fr.rdvnumerique.base.web.CsvFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** One table written as CSV (French spreadsheet conventions, see {@link CsvFiles}) or XLSX. */
final class SheetFiles {

    /** Rows kept in memory while an XLSX is written: a year of a département streams through. */
    private static final int XLSX_WINDOW = 200;

    private SheetFiles() {
    }

    static byte[] write(CoopExportService.Format format, String sheetName, List<String> headers, List<List<Object>> rows) {
        return switch (format) {
            case CSV -> CsvFiles.write(printer -> {
                printer.printRecord(headers);
                for (List<Object> row : rows) {
                    printer.printRecord(row.stream().map(v -> v instanceof String s ? CsvFiles.safe(s) : v).toList());
                }
            });
            case XLSX -> xlsx(sheetName, headers, rows);
        };
    }

    private static byte[] xlsx(String sheetName, List<String> headers, List<List<Object>> rows) {
        var workbook = new SXSSFWorkbook(XLSX_WINDOW);
        try (workbook; var out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(sheetName);
            var bold = workbook.createFont();
            bold.setBold(true);
            var headerStyle = workbook.createCellStyle();
            headerStyle.setFont(bold);
            Row header = sheet.createRow(0);
            for (int c = 0; c < headers.size(); c++) {
                Cell cell = header.createCell(c);
                cell.setCellValue(headers.get(c));
                cell.setCellStyle(headerStyle);
            }
            sheet.createFreezePane(0, 1);
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<Object> values = rows.get(r);
                for (int c = 0; c < values.size(); c++) {
                    Object value = values.get(c);
                    Cell cell = row.createCell(c);
                    // Text cells are never formulas in XLSX: a name starting with "=" stays a name.
                    if (value instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                    } else {
                        cell.setCellValue(value == null ? "" : value.toString());
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
