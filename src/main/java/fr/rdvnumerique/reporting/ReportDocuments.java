package fr.rdvnumerique.reporting;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import fr.rdvnumerique.base.i18n.FrenchDates;
import fr.rdvnumerique.base.web.CsvFiles;
import fr.rdvnumerique.base.web.PdfFonts;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The report as files: a PDF for the council's file, a CSV for a spreadsheet. In French, like the deliberations. */
@Component
class ReportDocuments {

    private static final Color BAR = new Color(0x1a, 0x56, 0x9c);
    private static final Color HEADER = new Color(0xe8, 0xee, 0xf6);

    private final MessageSource messages;

    ReportDocuments(MessageSource messages) {
        this.messages = messages;
    }

    private ReportLayout layout() {
        return new ReportLayout((key, args) -> messages.getMessage(key, args, Locale.FRENCH));
    }

    byte[] pdf(ActivityReport report) {
        ReportLayout layout = layout();
        var out = new ByteArrayOutputStream();
        var document = new Document(PageSize.A4, 42, 42, 42, 42);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            document.addTitle(t("reporting.title") + " – " + report.structureName());
            document.open();
            var title = PdfFonts.bold(18);
            var heading = PdfFonts.bold(14);
            var caption = PdfFonts.bold(11);
            var normal = PdfFonts.regular(10);
            var small = PdfFonts.italic(9);
            document.add(new Paragraph(t("reporting.title"), title));
            document.add(new Paragraph(report.structureName(), caption));
            document.add(new Paragraph(layout.subtitle(report), normal));
            document.add(new Paragraph(t("reporting.generated", FrenchDates.dayAndTime(report.generatedAt())), small));
            int number = 0;
            for (ReportSection section : layout.sections(report)) {
                var h = new Paragraph((++number) + ". " + section.title(), heading);
                h.setSpacingBefore(16);
                h.setSpacingAfter(6);
                document.add(h);
                if (section.text() != null) {
                    document.add(new Paragraph(section.text(), normal));
                }
                for (ReportSection.Chart chart : section.charts()) {
                    var c = new Paragraph(chart.title(), caption);
                    c.setSpacingBefore(8);
                    c.setSpacingAfter(4);
                    document.add(c);
                    // Drawn on the PDF's own graphics: vectors, as sharp on paper as on screen (ADR 013).
                    document.add(ReportCharts.pdf(writer.getDirectContent(), chart,
                            document.right() - document.left()));
                }
                for (ReportSection.Table table : section.tables()) {
                    var c = new Paragraph(table.caption(), caption);
                    c.setSpacingBefore(8);
                    c.setSpacingAfter(4);
                    document.add(c);
                    document.add(pdfTable(table, normal));
                }
            }
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("The activity report could not be written", e);
        }
        return out.toByteArray();
    }

    private PdfPTable pdfTable(ReportSection.Table table, Font normal) {
        var headerFont = PdfFonts.bold(9);
        boolean bars = table.maxWeight() > 0;
        int columns = table.headers().size() + (bars ? 1 : 0);
        // Wide tables (hours per commune) keep their bars short so that numbers and headers are not cut mid-word.
        boolean wide = table.headers().size() >= 4;
        var widths = new float[columns];
        widths[0] = wide ? 3.2f : 4f;
        for (int i = 1; i < columns; i++) {
            widths[i] = wide ? 1.9f : 1.6f;
        }
        if (bars) {
            widths[columns - 1] = wide ? 1.4f : 3f;
        }
        var pdf = new PdfPTable(widths);
        pdf.setWidthPercentage(100);
        pdf.setHeaderRows(1);
        for (String header : table.headers()) {
            pdf.addCell(cell(header, headerFont, HEADER));
        }
        if (bars) {
            pdf.addCell(cell("", headerFont, HEADER));
        }
        if (table.rows().isEmpty()) {
            var none = cell(t("reporting.empty"), normal, null);
            none.setColspan(columns);
            pdf.addCell(none);
        }
        for (ReportSection.Row row : table.rows()) {
            for (int i = 0; i < row.cells().size(); i++) {
                var cell = cell(row.cells().get(i), normal, null);
                if (i > 0) {
                    cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
                }
                pdf.addCell(cell);
            }
            if (bars) {
                pdf.addCell(bar(row.weight(), table.maxWeight()));
            }
        }
        pdf.setSpacingAfter(4);
        return pdf;
    }

    /** A bar drawn as a filled table cell, proportional to the row's weight. */
    private static PdfPCell bar(long weight, long max) {
        float share = Math.max(0.001f, (float) weight / max);
        var inner = new PdfPTable(share >= 0.999f ? new float[] {1f} : new float[] {share, 1 - share});
        inner.setWidthPercentage(100);
        var filled = new PdfPCell(new Phrase(new Chunk(" ")));
        filled.setBorder(0);
        filled.setFixedHeight(8);
        filled.setBackgroundColor(weight == 0 ? Color.WHITE : BAR);
        inner.addCell(filled);
        if (share < 0.999f) {
            var empty = new PdfPCell(new Phrase(new Chunk(" ")));
            empty.setBorder(0);
            empty.setFixedHeight(8);
            inner.addCell(empty);
        }
        var cell = new PdfPCell(inner);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        cell.setPadding(4);
        return cell;
    }

    private static PdfPCell cell(String text, Font font, Color background) {
        var cell = new PdfPCell(new Phrase(text, font));
        cell.setPadding(4);
        if (background != null) {
            cell.setBackgroundColor(background);
        }
        return cell;
    }

    byte[] csv(ActivityReport report) {
        ReportLayout layout = layout();
        return CsvFiles.write(printer -> {
            printer.printRecord(t("reporting.title"), CsvFiles.safe(report.structureName()));
            printer.printRecord(layout.subtitle(report));
            for (ReportSection section : layout.sections(report)) {
                printer.println();
                printer.printRecord(section.title());
                if (section.text() != null) {
                    printer.printRecord(CsvFiles.safe(section.text()));
                }
                for (ReportSection.Table table : section.tables()) {
                    printer.printRecord(table.caption());
                    printer.printRecord(table.headers());
                    for (ReportSection.Row row : table.rows()) {
                        // Only a row's label can come from what someone typed (a workshop's title, a motif); the other cells are
                        // figures we computed, and a change such as "+2" must stay as written.
                        var cells = new java.util.ArrayList<String>(row.cells());
                        cells.set(0, CsvFiles.safe(cells.get(0)));
                        printer.printRecord(cells);
                    }
                }
            }
        });
    }

    private String t(String key, Object... args) {
        return messages.getMessage(key, args, Locale.FRENCH);
    }
}
