package fr.rdvnumerique.atelier;

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
import fr.rdvnumerique.base.time.ParisTime;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The session's lists as files: CSV for a spreadsheet, and the sign-in sheet as PDF. In French. */
@Component
class SessionDocuments {

    /** Empty lines at the end of the sign-in sheet, for people who come without registering. */
    static final int BLANK_LINES = 4;
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final MessageSource messages;

    SessionDocuments(MessageSource messages) {
        this.messages = messages;
    }

    byte[] csv(SessionRoster roster) {
        return CsvFiles.write(printer -> {
            printer.printRecord(List.of(t("atelier.export.status"), t("atelier.export.position"),
                    t("atelier.export.last-name"), t("atelier.export.first-name"), t("atelier.export.companion"),
                    t("atelier.export.seats"), t("atelier.export.email"), t("atelier.export.phone"),
                    t("atelier.export.channel"), t("atelier.export.registered-at"), t("atelier.export.attendance")));
            var everyone = new ArrayList<RosterEntry>(roster.confirmed());
            everyone.addAll(roster.waiting());
            for (RosterEntry e : everyone) {
                printer.printRecord(t(e.status().labelKey()), e.position() == null ? "" : e.position(),
                        CsvFiles.safe(e.lastName()), CsvFiles.safe(e.firstName()), CsvFiles.safe(e.companionName()), e.seats(),
                        CsvFiles.safe(e.email()), CsvFiles.safe(e.phone()), t(e.channel().labelKey()), timestamp(e.createdAt()),
                        e.attendance() == null ? "" : t(e.attendance().labelKey()));
            }
        });
    }

    byte[] signInSheet(SessionRoster roster) {
        SessionSummary s = roster.session();
        var out = new ByteArrayOutputStream();
        var document = new Document(PageSize.A4, 36, 36, 36, 36);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle(t("atelier.sheet.title") + " – " + s.title());
            document.open();
            var title = PdfFonts.bold(16);
            var normal = PdfFonts.regular(11);
            var bold = PdfFonts.bold(11);
            document.add(new Paragraph(t("atelier.sheet.title"), title));
            document.add(new Paragraph(s.title(), bold));
            document.add(new Paragraph(FrenchDates.dayAndTimeRange(s.start(), s.end()), normal));
            document.add(new Paragraph(s.placeName() + " – " + roster.placeAddress(), normal));
            document.add(new Paragraph(t("atelier.sheet.advisor", s.advisorName()), normal));
            document.add(new Paragraph(t("atelier.sheet.counts", roster.confirmed().stream()
                    .mapToInt(RosterEntry::seats).sum(), s.capacity()), normal));
            document.add(new Paragraph(" "));

            var table = new PdfPTable(new float[] {1f, 4f, 4f, 5f});
            table.setWidthPercentage(100);
            table.setHeaderRows(1);
            for (String header : List.of("N°", t("atelier.export.last-name"), t("atelier.export.first-name"),
                    t("atelier.sheet.signature"))) {
                var cell = new PdfPCell(new Phrase(header, bold));
                cell.setPadding(6);
                table.addCell(cell);
            }
            int n = 0;
            for (RosterEntry e : roster.confirmed()) {
                addLine(table, ++n, e.lastName(), e.firstName(), normal);
                if (e.companionName() != null) {
                    addLine(table, ++n, t("atelier.sheet.companion-of", e.lastName()), e.companionName(), normal);
                }
            }
            for (int i = 0; i < BLANK_LINES; i++) {
                addLine(table, ++n, "", "", normal);
            }
            document.add(table);
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("Sign-in sheet could not be written", e);
        }
        return out.toByteArray();
    }

    private static void addLine(PdfPTable table, int number, String lastName, String firstName, Font font) {
        for (String text : List.of(String.valueOf(number), lastName, firstName, "")) {
            var cell = new PdfPCell(new Phrase(text, font));
            cell.setMinimumHeight(28);
            cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
            cell.setPadding(4);
            table.addCell(cell);
        }
    }

    private static String timestamp(Instant instant) {
        return instant == null ? "" : TIMESTAMP.format(instant.atZone(ParisTime.ZONE));
    }

    private String t(String key, Object... args) {
        return messages.getMessage(key, args, Locale.FRENCH);
    }
}
