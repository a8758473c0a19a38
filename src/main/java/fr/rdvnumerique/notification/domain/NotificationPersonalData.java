package fr.rdvnumerique.notification.domain;

import static fr.rdvnumerique.base.retention.HeldItem.code;

import fr.rdvnumerique.base.db.UtcColumns;
import fr.rdvnumerique.base.retention.HeldItem;
import fr.rdvnumerique.base.retention.PersonQuery;
import fr.rdvnumerique.base.retention.PersonalDataHolder;
import fr.rdvnumerique.notification.internal.CallReason;
import fr.rdvnumerique.notification.internal.CallStatus;
import fr.rdvnumerique.notification.internal.DeliveryStatus;
import fr.rdvnumerique.notification.internal.MessageKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox keeps each mail and text message as it left (name, address or number, the whole text), digest
 * notices name residents, and the « À appeler » list holds names and numbers: past the retention period all are
 * deleted (calls by their deadline, the activity's start). Nothing here counts for the activity report, so a
 * resident's erasure request deletes their messages, calls and the digest notices about them outright.
 */
@Component
class NotificationPersonalData implements PersonalDataHolder {

    private static final String MODULE = "rgpd.module.notification";
    /** Mails are stored to the address as typed (domain in lower case), text messages to the E.164 number. */
    private static final String MESSAGES_OF_PERSON = """
            (? is null or structure_id = ?)
            and ((channel = 'EMAIL' and lower(recipient) = ?) or (channel = 'SMS' and recipient = ?))""";
    private static final String CALLS_OF_PERSON = "(? is null or structure_id = ?) and phone = ?";
    /**
     * Digest notices name the resident but hold no contact: they are found through the subjects (the appointment, the
     * registration) of the messages and calls meant for the person. A notice's key starts with its subject.
     */
    private static final String NOTICES_OF_PERSON = """
            (? is null or structure_id = ?) and substring_index(event_key, ':', 2) in (
                select concat(subject_type, ':', subject_id) from outbound_message where %s
                union select concat(subject_type, ':', subject_id) from call_task where %s)"""
            .formatted(MESSAGES_OF_PERSON, CALLS_OF_PERSON);

    private final OutboxRepository messages;
    private final StaffNoticeRepository notices;
    private final CallRepository calls;
    private final JdbcTemplate jdbc;

    NotificationPersonalData(OutboxRepository messages, StaffNoticeRepository notices, CallRepository calls,
                             JdbcTemplate jdbc) {
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

    /**
     * The mails and text messages sent (or waiting to leave) to the person, as they left, the staff's digest notices
     * about them and the calls owed them.
     */
    @Override
    @Transactional(readOnly = true)
    public List<HeldItem> find(Long structureId, PersonQuery person) {
        var found = new ArrayList<HeldItem>();
        found.addAll(jdbc.query("""
                select id, structure_id, channel, kind, recipient, recipient_name, subject, body_text, status,
                       created_at, sent_at
                from outbound_message where """ + MESSAGES_OF_PERSON + " order by created_at, id", (rs, n) -> {
            var fields = new LinkedHashMap<String, Object>();
            boolean sms = "SMS".equals(rs.getString("channel"));
            fields.put("rgpd.field.name", rs.getString("recipient_name"));
            fields.put(sms ? "rgpd.field.phone" : "rgpd.field.email", rs.getString("recipient"));
            fields.put("rgpd.field.message-kind", code(MessageKind.class, rs.getString("kind")));
            if (!sms) {
                fields.put("rgpd.field.mail-subject", rs.getString("subject"));
            }
            fields.put("rgpd.field.status", code(DeliveryStatus.class, rs.getString("status")));
            fields.put("rgpd.field.created-at", instant(rs, "created_at"));
            fields.put("rgpd.field.sent-at", instant(rs, "sent_at"));
            fields.put("rgpd.field.message-text", rs.getString("body_text"));
            return new HeldItem(MODULE, sms ? "rgpd.kind.sms" : "rgpd.kind.mail", rs.getLong("id"),
                    rs.getLong("structure_id"), instant(rs, "created_at"), false, fields);
        }, structureId, structureId, person.email(), person.phone()));
        found.addAll(jdbc.query("select id, structure_id, text, created_at, digest_date from staff_notice where "
                + NOTICES_OF_PERSON + " order by created_at, id", (rs, n) -> {
            var fields = new LinkedHashMap<String, Object>();
            fields.put("rgpd.field.notice-text", rs.getString("text"));
            fields.put("rgpd.field.created-at", instant(rs, "created_at"));
            fields.put("rgpd.field.digest-date", rs.getObject("digest_date", java.time.LocalDate.class));
            return new HeldItem(MODULE, "rgpd.kind.staff-notice", rs.getLong("id"), rs.getLong("structure_id"),
                    instant(rs, "created_at"), false, fields);
        }, noticeArguments(structureId, person)));
        if (person.phone() != null) {
            found.addAll(jdbc.query("""
                    select id, structure_id, kind, person_name, phone, what, due_by, status, outcome_at, created_at
                    from call_task where """ + CALLS_OF_PERSON + " order by due_by, id", (rs, n) -> {
                var fields = new LinkedHashMap<String, Object>();
                fields.put("rgpd.field.name", rs.getString("person_name"));
                fields.put("rgpd.field.phone", rs.getString("phone"));
                fields.put("rgpd.field.call-reason", code(CallReason.class, rs.getString("kind")));
                fields.put("rgpd.field.call-what", rs.getString("what"));
                fields.put("rgpd.field.due-by", instant(rs, "due_by"));
                fields.put("rgpd.field.status", code(CallStatus.class, rs.getString("status")));
                fields.put("rgpd.field.called-at", instant(rs, "outcome_at"));
                fields.put("rgpd.field.created-at", instant(rs, "created_at"));
                return new HeldItem(MODULE, "rgpd.kind.call", rs.getLong("id"), rs.getLong("structure_id"),
                        instant(rs, "due_by"), false, fields);
            }, structureId, structureId, person.phone()));
        }
        return found;
    }

    /** Messages, notices and calls hold the name, the contact or the whole text, and count for nothing: they are deleted. */
    @Override
    @Transactional
    public int erase(Long structureId, PersonQuery person, UnaryOperator<String> newKey) {
        // The notices first: they are found through the messages and calls about to go.
        int count = jdbc.update("delete from staff_notice where " + NOTICES_OF_PERSON, noticeArguments(structureId, person));
        // A resent copy refers to its original: the reference goes first.
        jdbc.update("update outbound_message set resend_of = null where resend_of in (select id from ("
                + "select id from outbound_message where " + MESSAGES_OF_PERSON + ") m)",
                structureId, structureId, person.email(), person.phone());
        count += jdbc.update("delete from outbound_message where " + MESSAGES_OF_PERSON, structureId, structureId,
                person.email(), person.phone());
        if (person.phone() != null) {
            count += jdbc.update("delete from call_task where " + CALLS_OF_PERSON, structureId, structureId,
                    person.phone());
        }
        return count;
    }

    private static Object[] noticeArguments(Long structureId, PersonQuery person) {
        return new Object[] {structureId, structureId, structureId, structureId, person.email(), person.phone(),
                structureId, structureId, person.phone()};
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return UtcColumns.fromDb(rs.getObject(column, LocalDateTime.class));
    }
}
