package fr.rdvnumerique.notification.domain;

import fr.rdvnumerique.base.retention.PersonalDataHolder;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox keeps each mail and text message as it left (name, address or number, the whole text), digest
 * notices name residents, and the « À appeler » list holds names and numbers: past the retention period all are
 * deleted (calls by their deadline, the activity's start). Nothing here counts for the activity report.
 */
@Component
class NotificationPersonalData implements PersonalDataHolder {

    private final OutboxRepository messages;
    private final StaffNoticeRepository notices;
    private final CallRepository calls;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;

    NotificationPersonalData(OutboxRepository messages, StaffNoticeRepository notices, CallRepository calls,
                             org.springframework.jdbc.core.JdbcTemplate jdbc) {
        this.messages = messages;
        this.notices = notices;
        this.calls = calls;
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "messages";
    }

    @Override
    @Transactional
    public int anonymiseEndedBefore(Instant cutoff) {
        return messages.deleteFinishedBefore(cutoff) + notices.deleteDigestedBefore(cutoff)
                + calls.deleteDueBefore(cutoff);
    }

    /** The mails sent (or waiting to be sent) to the person's address, as they left. */
    @Override
    @Transactional(readOnly = true)
    public java.util.List<fr.rdvnumerique.base.retention.HeldItem> find(long structureId,
                                                                      fr.rdvnumerique.base.retention.PersonQuery person) {
        if (person.email() == null) {
            return java.util.List.of();
        }
        return jdbc.query("""
                select id, created_at, sent_at, kind, status, recipient, recipient_name, subject, body_text
                from outbound_message where structure_id = ? and lower(recipient) = ? order by id""", (rs, n) -> {
            var fields = new java.util.LinkedHashMap<String, String>();
            fields.put("rgpd.field.name", rs.getString("recipient_name"));
            fields.put("rgpd.field.email", rs.getString("recipient"));
            fields.put("rgpd.field.mail-subject", rs.getString("subject"));
            fields.put("rgpd.field.status", rs.getString("status"));
            var sent = rs.getObject("sent_at", java.time.LocalDateTime.class);
            fields.put("rgpd.field.sent-at", sent == null ? null : fr.rdvnumerique.base.db.UtcColumns.fromDb(sent).toString());
            fields.put("rgpd.field.mail-text", rs.getString("body_text"));
            return new fr.rdvnumerique.base.retention.HeldItem("rgpd.kind.mail", rs.getLong("id"),
                    fr.rdvnumerique.base.db.UtcColumns.fromDb(rs.getObject("created_at", java.time.LocalDateTime.class)),
                    fields);
        }, structureId, person.email());
    }

    /** Mails kept to the person's address are deleted: they hold the name, the address and the whole text. */
    @Override
    @Transactional
    public int erase(long structureId, fr.rdvnumerique.base.retention.PersonQuery person,
                     java.util.function.UnaryOperator<String> newKey) {
        if (person.email() == null) {
            return 0;
        }
        // A resent copy refers to its original: the copies go first.
        jdbc.update("""
                update outbound_message set resend_of = null
                where resend_of in (select id from (select id from outbound_message
                                                    where structure_id = ? and lower(recipient) = ?) m)""",
                structureId, person.email());
        return jdbc.update("delete from outbound_message where structure_id = ? and lower(recipient) = ?", structureId,
                person.email());
    }
}
