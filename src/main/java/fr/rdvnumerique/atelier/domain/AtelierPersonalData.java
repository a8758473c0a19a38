package fr.rdvnumerique.atelier.domain;

import fr.rdvnumerique.base.db.ContactLocks;
import fr.rdvnumerique.base.db.UtcColumns;
import fr.rdvnumerique.base.retention.HeldItem;
import fr.rdvnumerique.base.retention.PersonKeys;
import fr.rdvnumerique.base.retention.PersonQuery;
import fr.rdvnumerique.base.retention.PersonalDataHolder;
import java.time.Clock;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registrations of sessions that ended before the retention limit lose names, contacts and private links;
 * seats, status, attendance, channel, commune, age band and interests stay for the report. The per-contact lock
 * rows (hashes of contacts) nobody used since the limit go too.
 */
@Component
class AtelierPersonalData implements PersonalDataHolder {

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
        int count = jdbc.update("""
                update atelier_registration r join atelier_session s on s.id = r.session_id
                set r.first_name = 'Anonyme', r.last_name = 'Anonyme', r.email = null, r.email_key = null,
                    r.phone = null, r.companion_first_name = if(r.companion_first_name is null, null, 'Anonyme'),
                    r.companion_last_name = if(r.companion_last_name is null, null, 'Anonyme'),
                    r.kiosk_device_id = null, r.anonymised_at = ?
                where s.ends_at < ? and r.anonymised_at is null""",
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
        int filled = 0;
        var attempted = new java.util.HashSet<Long>();
        while (true) {
            var rows = jdbc.query("""
                    select id, email_key, phone from atelier_registration
                    where person_key is null and (email_key is not null or phone is not null) order by id limit 500""",
                    (rs, n) -> new Object[] {personKeys.of(rs.getString(2), rs.getString(3)), rs.getLong(1)});
            if (rows.isEmpty()) {
                break;
            }
            if (!attempted.add((Long) rows.getFirst()[1])) {
                break; // another instance filled them since this transaction began: this snapshot still sees them empty
            }
            jdbc.batchUpdate("update atelier_registration set person_key = ? where id = ? and person_key is null", rows);
            filled += rows.size();
        }
        return filled;
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.List<HeldItem> find(long structureId, PersonQuery person) {
        var found = new java.util.ArrayList<HeldItem>();
        jdbc.query("""
                select r.id, s.starts_at, w.title, r.status, r.first_name, r.last_name, r.email, r.phone,
                       r.companion_first_name, r.companion_last_name, r.seats, r.attendance, r.channel, r.created_at,
                       r.anonymised_at
                from atelier_registration r join atelier_session s on s.id = r.session_id
                join atelier_workshop w on w.id = s.workshop_id
                where r.structure_id = ? and (r.email_key = ? or r.phone = ? or r.person_key in (?, ?))
                order by s.starts_at""", rs -> {
            var fields = new java.util.LinkedHashMap<String, String>();
            fields.put("rgpd.field.name", rs.getString("first_name") + " " + rs.getString("last_name"));
            fields.put("rgpd.field.email", rs.getString("email"));
            fields.put("rgpd.field.phone", rs.getString("phone"));
            fields.put("rgpd.field.workshop", rs.getString("title"));
            fields.put("rgpd.field.status", rs.getString("status"));
            fields.put("rgpd.field.seats", Integer.toString(rs.getInt("seats")));
            String companion = rs.getString("companion_first_name");
            fields.put("rgpd.field.companion", companion == null ? null : companion + " " + rs.getString("companion_last_name"));
            fields.put("rgpd.field.attendance", rs.getString("attendance"));
            fields.put("rgpd.field.channel", rs.getString("channel"));
            fields.put("rgpd.field.created-at", instant(rs, "created_at"));
            fields.put("rgpd.field.anonymised-at", instant(rs, "anonymised_at"));
            found.add(new HeldItem("WAITING".equals(rs.getString("status")) ? "rgpd.kind.waiting-list"
                    : "rgpd.kind.registration", rs.getLong("id"),
                    UtcColumns.fromDb(rs.getObject("starts_at", java.time.LocalDateTime.class)), fields));
        }, structureId, person.email(), person.phone(), person.keysOrNone().getFirst(), person.keysOrNone().getLast());
        return found;
    }

    @Override
    @Transactional
    public int erase(long structureId, PersonQuery person, java.util.function.UnaryOperator<String> newKey) {
        fillPersonKeys();
        var rows = jdbc.query("""
                select id, person_key from atelier_registration
                where structure_id = ? and (email_key = ? or phone = ? or person_key in (?, ?)) for update""",
                (rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}, structureId, person.email(), person.phone(),
                person.keysOrNone().getFirst(), person.keysOrNone().getLast());
        var now = UtcColumns.toDb(clock.instant());
        for (Object[] row : rows) {
            String key = (String) row[1];
            jdbc.update("""
                    update atelier_registration
                    set first_name = 'Anonyme', last_name = 'Anonyme', email = null, email_key = null, phone = null,
                        companion_first_name = if(companion_first_name is null, null, 'Anonyme'),
                        companion_last_name = if(companion_last_name is null, null, 'Anonyme'),
                        kiosk_device_id = null, anonymised_at = coalesce(anonymised_at, ?), person_key = ?
                    where id = ?""", now, key == null ? null : newKey.apply(key), row[0]);
            jdbc.update("delete from atelier_registration_token where registration_id = ?", row[0]);
        }
        return rows.size();
    }

    private static String instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        Instant value = UtcColumns.fromDb(rs.getObject(column, java.time.LocalDateTime.class));
        return value == null ? null : value.toString();
    }
}
