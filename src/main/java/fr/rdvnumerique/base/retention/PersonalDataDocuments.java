package fr.rdvnumerique.base.retention;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import fr.rdvnumerique.base.domain.PhoneNumber;
import fr.rdvnumerique.base.i18n.FrenchDates;
import fr.rdvnumerique.base.i18n.Labelled;
import fr.rdvnumerique.base.web.PdfFonts;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two forms of an access request's answer: JSON for machines (field names and codes as stored, ISO dates) and a
 * PDF in French for the person (labels, French dates, one table per record, grouped by module). Same PDF library and
 * fonts as the activity report.
 */
@Component
class PersonalDataDocuments {

    private static final Color HEADER = new Color(0xe8, 0xee, 0xf6);
    private static final java.util.regex.Pattern LINK_PLACEHOLDER = java.util.regex.Pattern.compile("\\{\\{lien-[a-z-]+}}");
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final MessageSource messages;

    PersonalDataDocuments(MessageSource messages) {
        this.messages = messages;
    }

    byte[] json(PersonalDataRequests.Findings findings, Instant at) {
        var root = new LinkedHashMap<String, Object>();
        root.put("exportedAt", at.toString());
        var person = new LinkedHashMap<String, Object>();
        person.put("email", findings.person().email());
        person.put("phone", findings.person().phone());
        root.put("person", person);
        var items = new ArrayList<Map<String, Object>>();
        for (HeldItem item : findings.items()) {
            var entry = new LinkedHashMap<String, Object>();
            entry.put("module", shortKey(item.module()));
            entry.put("kind", shortKey(item.kind()));
            entry.put("id", item.id());
            entry.put("structureId", item.structureId());
            entry.put("when", item.when() == null ? null : item.when().toString());
            var fields = new LinkedHashMap<String, Object>();
            item.fields().forEach((key, value) -> fields.put(shortKey(key), jsonValue(value)));
            entry.put("fields", fields);
            items.add(entry);
        }
        root.put("items", items);
        return JSON.writeValueAsBytes(root);
    }

    byte[] pdf(PersonalDataRequests.Findings findings, Instant at) {
        var out = new ByteArrayOutputStream();
        var document = new Document(PageSize.A4, 48, 48, 48, 48);
        Font title = PdfFonts.bold(18);
        Font heading = PdfFonts.bold(14);
        Font subheading = PdfFonts.bold(11);
        Font normal = PdfFonts.regular(10);
        Font label = PdfFonts.bold(10);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle(t("rgpd.pdf.title"));
            document.open();
            document.add(new Paragraph(t("rgpd.pdf.title"), title));
            document.add(new Paragraph(t("rgpd.pdf.generated", FrenchDates.dayAndTime(at)), PdfFonts.italic(10)));
            document.add(new Paragraph(t("rgpd.pdf.about", contact(findings.person())), normal));
            if (findings.items().isEmpty()) {
                document.add(new Paragraph(t("rgpd.pdf.nothing"), normal));
            } else {
                document.add(new Paragraph(t("rgpd.pdf.count", findings.items().size()), normal));
            }
            String module = null;
            for (HeldItem item : findings.byModule()) {
                if (!item.module().equals(module)) {
                    module = item.module();
                    var h = new Paragraph(t(module), heading);
                    h.setSpacingBefore(16);
                    h.setSpacingAfter(2);
                    document.add(h);
                }
                var h = new Paragraph(t(item.kind()) + (item.when() == null ? "" : " – " + item.whenText())
                        + " " + t("rgpd.pdf.number", item.id()), subheading);
                h.setSpacingBefore(8);
                h.setSpacingAfter(4);
                document.add(h);
                var table = new PdfPTable(new float[] {1.2f, 2.8f});
                table.setWidthPercentage(100);
                for (var field : item.fields().entrySet()) {
                    var name = new PdfPCell(new Phrase(t(field.getKey()), label));
                    name.setBackgroundColor(HEADER);
                    name.setPadding(4);
                    table.addCell(name);
                    var value = new PdfPCell(new Phrase(field.getKey().equals("rgpd.field.phone")
                            ? phone(field.getValue()) : text(field.getValue()), normal));
                    value.setPadding(4);
                    table.addCell(value);
                }
                document.add(table);
            }
            var rights = new Paragraph(t("rgpd.pdf.rights"), PdfFonts.italic(10));
            rights.setSpacingBefore(18);
            document.add(rights);
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("The personal data export could not be written", e);
        }
        return out.toByteArray();
    }

    /** A value as the person reads it: French labels of codes, French dates, « oui » / « non », numbers as typed. */
    String text(Object value) {
        return switch (value) {
            case Instant instant -> FrenchDates.dayAndTime(instant);
            case LocalDate day -> FrenchDates.day(day);
            case Boolean yes -> t(yes ? "rgpd.value.yes" : "rgpd.value.no");
            case Labelled code -> t(code.labelKey());
            // Messages are stored with a placeholder where the private link went (minted when sent, never kept).
            default -> LINK_PLACEHOLDER.matcher(value.toString()).replaceAll(t("rgpd.pdf.private-link"));
        };
    }

    /** Numbers are stored in E.164; the person reads them the French way. */
    private static String phone(Object value) {
        try {
            return new PhoneNumber(value.toString()).display();
        } catch (RuntimeException e) {
            return value.toString();
        }
    }

    private String contact(PersonQuery person) {
        var parts = new ArrayList<String>();
        if (person.email() != null) {
            parts.add(person.email());
        }
        if (person.phone() != null) {
            parts.add(new PhoneNumber(person.phone()).display());
        }
        return String.join(" / ", parts);
    }

    private static Object jsonValue(Object value) {
        return switch (value) {
            case Instant instant -> instant.toString();
            case LocalDate day -> day.toString();
            case Enum<?> code -> code.name();
            case HeldItem.Code code -> code.value();
            default -> value;
        };
    }

    private String t(String key, Object... arguments) {
        return messages.getMessage(key, arguments, Locale.FRENCH);
    }

    /** "rgpd.field.email" → "email": the JSON speaks field names, not French labels. */
    private static String shortKey(String key) {
        return key.substring(key.lastIndexOf('.') + 1);
    }
}
