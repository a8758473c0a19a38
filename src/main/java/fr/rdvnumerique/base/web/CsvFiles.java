package fr.rdvnumerique.base.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV files as French spreadsheets open them: semicolons (the comma is the decimal separator here), UTF-8 with a
 * byte order mark (without it Excel reads accents as Latin-1), and no cell that a spreadsheet would run as a formula.
 */
public final class CsvFiles {

    private static final CSVFormat FORMAT = CSVFormat.EXCEL.builder().setDelimiter(';').build();

    /** Writes the rows. */
    @FunctionalInterface
    public interface Writer {
        void write(CSVPrinter printer) throws IOException;
    }

    private CsvFiles() {
    }

    public static byte[] write(Writer rows) {
        var out = new ByteArrayOutputStream();
        try {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            try (var printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), FORMAT)) {
                rows.write(printer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A value typed by someone (a name, a title): spreadsheets run cells that start with = + - @ as formulas, so
     * such a value is written as text.
     */
    public static String safe(String value) {
        if (value == null) {
            return "";
        }
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
