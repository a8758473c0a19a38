package fr.rdvnumerique.base.retention;

import com.lowagie.text.Document;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import fr.rdvnumerique.base.db.UtcColumns;
import fr.rdvnumerique.base.domain.InvalidValueException;
import fr.rdvnumerique.base.domain.Texts;
import fr.rdvnumerique.base.i18n.FrenchDates;
import fr.rdvnumerique.base.security.CurrentStaff;
import fr.rdvnumerique.base.web.PdfFonts;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A resident's data requests (RGPD), answered by a coordinator for their structure: find everything held about a
 * person by e-mail or phone in every module (each module answers through its {@link PersonalDataHolder}), export it
 * (JSON, and a PDF in French), or erase it on request with a reason. An erasure works as the retention job does: the
 * report's figures, past and present, do not move (ADR 009). Every answer is written in the register
 * ({@code personal_data_request}), without the person's name or contact.
 */
@Service
@PreAuthorize("hasRole('COORDINATOR')")
public class PersonalDataRequests {

    public static final int MAX_REASON = 500;
    public static final String REASON = "reason";

    private final List<PersonalDataHolder> holders;
    private final PersonKeys personKeys;
    private final CurrentStaff staff;
    private final JdbcTemplate jdbc;
    private final MessageSource messages;
    private final Clock clock;

    PersonalDataRequests(List<PersonalDataHolder> holders, PersonKeys personKeys, CurrentStaff staff, JdbcTemplate jdbc,
                         MessageSource messages, Clock clock) {
        this.holders = holders;
        this.personKeys = personKeys;
        this.staff = staff;
        this.jdbc = jdbc;
        this.messages = messages;
        this.clock = clock;
    }

    /** Everything held about the person in the coordinator's structure, oldest first. */
    @Transactional(readOnly = true)
    public List<HeldItem> find(String email, String phone) {
        return find(staff.structureId(), PersonQuery.parse(email, phone, personKeys));
    }

    private List<HeldItem> find(long structureId, PersonQuery person) {
        var items = new ArrayList<HeldItem>();
        for (PersonalDataHolder holder : holders) {
            items.addAll(holder.find(structureId, person));
        }
        items.sort(Comparator.comparing(HeldItem::when, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(HeldItem::kind).thenComparingLong(HeldItem::id));
        return items;
    }

    /** The export as JSON (UTF-8): the items with their fields, as stored. */
    @Transactional
    public byte[] json(String email, String phone) {
        long structureId = staff.structureId();
        var items = find(structureId, PersonQuery.parse(email, phone, personKeys));
        register(structureId, "EXPORT", null, items.size());
        var json = new StringBuilder("{\n  \"exportedAt\": ").append(quote(clock.instant().toString()))
                .append(",\n  \"items\": [");
        for (int i = 0; i < items.size(); i++) {
            HeldItem item = items.get(i);
            json.append(i == 0 ? "\n" : ",\n").append("    {\"kind\": ").append(quote(shortKey(item.kind())))
                    .append(", \"id\": ").append(item.id()).append(", \"when\": ")
                    .append(item.when() == null ? "null" : quote(item.when().toString())).append(", \"fields\": {");
            int f = 0;
            for (var field : item.fields().entrySet()) {
                json.append(f++ == 0 ? "" : ", ").append(quote(shortKey(field.getKey()))).append(": ")
                        .append(quote(field.getValue()));
            }
            json.append("}}");
        }
        json.append(items.isEmpty() ? "]\n}\n" : "\n  ]\n}\n");
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The export as a PDF a resident can read: one table per record, labels in French. */
    @Transactional
    public byte[] pdf(String email, String phone) {
        long structureId = staff.structureId();
        var items = find(structureId, PersonQuery.parse(email, phone, personKeys));
        register(structureId, "EXPORT", null, items.size());
        var out = new ByteArrayOutputStream();
        var document = new Document(PageSize.A4, 48, 48, 48, 48);
        try {
            PdfWriter.getInstance(document, out);
            document.open();
            document.add(new Paragraph(t("rgpd.pdf.title"), PdfFonts.bold(18)));
            document.add(new Paragraph(t("rgpd.pdf.intro", FrenchDates.dayAndTime(clock.instant()), items.size()),
                    PdfFonts.regular(11)));
            for (HeldItem item : items) {
                var heading = new Paragraph(t(item.kind()) + (item.when() == null ? ""
                        : " – " + FrenchDates.dayAndTime(item.when())), PdfFonts.bold(12));
                heading.setSpacingBefore(14);
                heading.setSpacingAfter(4);
                document.add(heading);
                var table = new PdfPTable(new float[] {1, 2});
                table.setWidthPercentage(100);
                for (var field : item.fields().entrySet()) {
                    table.addCell(new PdfPCell(new com.lowagie.text.Phrase(t(field.getKey()), PdfFonts.bold(10))));
                    table.addCell(new PdfPCell(new com.lowagie.text.Phrase(field.getValue(), PdfFonts.regular(10))));
                }
                document.add(table);
            }
            if (items.isEmpty()) {
                document.add(new Paragraph(t("rgpd.pdf.nothing"), PdfFonts.italic(11)));
            }
            document.close();
        } catch (com.lowagie.text.DocumentException e) {
            throw new IllegalStateException("The personal data export could not be written", e);
        }
        return out.toByteArray();
    }

    /**
     * Erases everything held about the person in the structure, on their request; {@code reason} is required (what
     * the person asked, how the request came). Past figures stay: each of the person's pseudonymous keys becomes a
     * key of nobody's, the same for every record that shared it.
     *
     * @return how many records were erased
     */
    @Transactional
    public int erase(String email, String phone, String reason) {
        long structureId = staff.structureId();
        var person = PersonQuery.parse(email, phone, personKeys);
        String why;
        try {
            why = Texts.required(reason, MAX_REASON);
        } catch (InvalidValueException e) {
            throw InvalidValueException.forField(REASON, e.messageKey(), e.arguments());
        }
        Map<String, String> unlinked = new HashMap<>();
        int count = 0;
        for (PersonalDataHolder holder : holders) {
            count += holder.erase(structureId, person, old -> unlinked.computeIfAbsent(old, k -> PersonKeys.unlinked()));
        }
        register(structureId, "ERASURE", why, count);
        return count;
    }

    private void register(long structureId, String kind, String reason, int items) {
        jdbc.update("insert into personal_data_request (structure_id, kind, reason, account_id, items, created_at) "
                        + "values (?, ?, ?, ?, ?, ?)", structureId, kind, reason, staff.require().accountId(), items,
                UtcColumns.toDb(clock.instant()));
    }

    private String t(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, Locale.FRENCH);
    }

    /** "rgpd.field.email" → "email": the JSON speaks the keys, not the French labels. */
    private static String shortKey(String key) {
        return key.substring(key.lastIndexOf('.') + 1);
    }

    private static String quote(String value) {
        var out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
