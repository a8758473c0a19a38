package fr.rdvnumerique.atelier.domain;

import static fr.rdvnumerique.base.retention.HeldItem.code;

import fr.rdvnumerique.base.db.ContactLocks;
import fr.rdvnumerique.base.db.UtcColumns;
import fr.rdvnumerique.base.retention.PersonKeys;
import fr.rdvnumerique.base.retention.PersonalDataHolder;
import fr.rdvnumerique.base.retention.HeldItem;
import fr.rdvnumerique.atelier.Attendance;
import fr.rdvnumerique.atelier.RegistrationStatus;
import fr.rdvnumerique.base.domain.Channel;
import fr.rdvnumerique.base.domain.NoticeChoice;
import fr.rdvnumerique.base.taxonomy.AgeBand;
import fr.rdvnumerique.base.retention.PersonQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registrations of sessions that ended before the retention limit lose names, contacts and private links;
 * seats, status, attendance, channel, commune, age band and interests stay for the report. The per-contact lock
 * rows (hashes of contacts) nobody used since the limit go too. A resident's request finds their registrations
 * (waiting lists and late-seat offers included) and erases them the same way.
 */
@Component
class AtelierPersonalData implements PersonalDataHolder {

    /** What an anonymised registration loses, for the retention job and for an erasure on request alike. */
    private static final String ANONYMISED = """
            first_name = 'Anonyme', last_name = 'Anonyme', email = null, email_key = null, phone = null,
            companion_first_name = if(companion_first_name is null, null, 'Anonyme'),
            companion_last_name = if(companion_last_name is null, null, 'Anonyme'), kiosk_device_id = null""";
    private static final String MODULE = "rgpd.module.atelier";

    private final JdbcTemplate jdbc;
    private final ContactLocks contactLocks;
    private final PersonKeys personKeys;
    private final Clock clock;

    AtelierPersonalData(JdbcTemplate jdbc, PersonKeys personKeys, Clock clock) {
        this.jdbc = jdbc;
        this.contactLocks = new ContactLocks(ContactRules.LOCK_TABLE, jdbc, clock);
        this.personKeys = personKeys;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "atelier";
    }

    @Override
    @Transactional
    public int anonymiseEndedBefore(Instant cutoff) {
        // The key first: the figures keep counting the person once their contact is gone.
        fillPersonKeys();
        int count = jdbc.update("update atelier_registration set " + ANONYMISED + ", anonymised_at = ? "
                        + "where anonymised_at is null and session_id in (select id from atelier_session where ends_at < ?)",
                UtcColumns.toDb(clock.instant()), UtcColumns.toDb(cutoff));
        jdbc.update("""
                delete t from atelier_registration_token t join atelier_registration r on r.id = t.registration_id
                where r.anonymised_at is not null""");
        contactLocks.forgetUnusedSince(cutoff);
        return count;
    }

    @Override
    @Transactional
    public int fillPersonKeys() {
        return personKeys.fillMissing(jdbc, "atelier_registration", "email_key");
    }

    @Override
    @Transactional(readOnly = true)
    public List<HeldItem> find(Long structureId, PersonQuery person) {
        Instant now = clock.instant();
        return jdbc.query("""
                select r.id, r.structure_id, s.starts_at, w.title, r.status, r.queue_rank, r.first_name, r.last_name,
                       r.email, r.phone, r.companion_first_name, r.companion_last_name, r.seats, r.age_band,
                       r.wants_reminders, r.notice_by, r.attendance, r.channel, r.created_at, r.confirmed_at,
                       r.waitlisted_at, r.promoted_at, r.offered_at, r.offer_expires_at, r.presence_confirmed_at,
                       r.cancelled_at, r.anonymised_at
                from atelier_registration r join atelier_session s on s.id = r.session_id
                join atelier_workshop w on w.id = s.workshop_id
                where (? is null or r.structure_id = ?)
                  and (r.email_key = ? or r.phone = ? or r.person_key in (?, ?))
                order by s.starts_at, r.id""", (rs, n) -> {
            Instant start = instant(rs, "starts_at");
            String status = rs.getString("status");
            Instant offered = instant(rs, "offered_at");
            var fields = new LinkedHashMap<String, Object>();
            fields.put("rgpd.field.name", rs.getString("first_name") + " " + rs.getString("last_name"));
            fields.put("rgpd.field.email", rs.getString("email"));
            fields.put("rgpd.field.phone", rs.getString("phone"));
            fields.put("rgpd.field.workshop", rs.getString("title"));
            fields.put("rgpd.field.starts-at", start);
            fields.put("rgpd.field.status", code(RegistrationStatus.class, status));
            fields.put("rgpd.field.queue-rank", rs.getObject("queue_rank", Long.class));
            fields.put("rgpd.field.seats", rs.getInt("seats"));
            String companion = rs.getString("companion_first_name");
            fields.put("rgpd.field.companion",
                    companion == null ? null : companion + " " + rs.getString("companion_last_name"));
            fields.put("rgpd.field.age-band", code(AgeBand.class, rs.getString("age_band")));
            fields.put("rgpd.field.wants-reminders", rs.getBoolean("wants_reminders"));
            fields.put("rgpd.field.notice-by", code(NoticeChoice.class, rs.getString("notice_by")));
            fields.put("rgpd.field.channel", code(Channel.class, rs.getString("channel")));
            fields.put("rgpd.field.attendance", code(Attendance.class, rs.getString("attendance")));
            fields.put("rgpd.field.created-at", instant(rs, "created_at"));
            fields.put("rgpd.field.confirmed-at", instant(rs, "confirmed_at"));
            fields.put("rgpd.field.waitlisted-at", instant(rs, "waitlisted_at"));
            fields.put("rgpd.field.promoted-at", instant(rs, "promoted_at"));
            fields.put("rgpd.field.offered-at", offered);
            fields.put("rgpd.field.offer-expires-at", instant(rs, "offer_expires_at"));
            fields.put("rgpd.field.presence-confirmed-at", instant(rs, "presence_confirmed_at"));
            fields.put("rgpd.field.cancelled-at", instant(rs, "cancelled_at"));
            fields.put("rgpd.field.anonymised-at", instant(rs, "anonymised_at"));
            String kind = !"WAITING".equals(status) ? "rgpd.kind.registration"
                    : offered != null ? "rgpd.kind.seat-offer" : "rgpd.kind.waiting-list";
            return new HeldItem(MODULE, kind, rs.getLong("id"), rs.getLong("structure_id"), start,
                    !"CANCELLED".equals(status) && start.isAfter(now), fields);
        }, structureId, structureId, person.email(), person.phone(), person.key1(), person.key2());
    }

    @Override
    @Transactional
    public int erase(Long structureId, PersonQuery person, UnaryOperator<String> newKey) {
        // Records written before keys existed get theirs first: the erased rows keep counting as one person.
        fillPersonKeys();
        var rows = jdbc.query("""
                select id, person_key from atelier_registration
                where (? is null or structure_id = ?) and (email_key = ? or phone = ? or person_key in (?, ?))
                order by id for update""",
                (rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}, structureId, structureId, person.email(),
                person.phone(), person.key1(), person.key2());
        var now = UtcColumns.toDb(clock.instant());
        for (Object[] row : rows) {
            String key = (String) row[1];
            jdbc.update("update atelier_registration set " + ANONYMISED
                            + ", anonymised_at = coalesce(anonymised_at, ?), person_key = ? where id = ?",
                    now, key == null ? null : newKey.apply(key), row[0]);
            jdbc.update("delete from atelier_registration_token where registration_id = ?", row[0]);
        }
        contactLocks.forget(person.email() == null ? List.of() : List.of(person.email()),
                person.phone() == null ? List.of() : List.of(person.phone()));
        return rows.size();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return UtcColumns.fromDb(rs.getObject(column, LocalDateTime.class));
    }
}
