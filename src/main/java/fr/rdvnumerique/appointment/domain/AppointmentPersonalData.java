package fr.rdvnumerique.appointment.domain;

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
 * Appointments that ended before the retention limit lose the person's name, contacts, own words and private
 * links; motif, place, times, status and channel stay. Activity records of that age lose the advisor's free notes
 * (which may name the person); their codes stay for the report. The hashed contacts that serialise bookings are
 * deleted once nobody used them for the retention period.
 */
@Component
class AppointmentPersonalData implements PersonalDataHolder {

    private final JdbcTemplate jdbc;
    private final ContactLocks contactLocks;
    private final PersonKeys personKeys;
    private final Clock clock;

    AppointmentPersonalData(JdbcTemplate jdbc, PersonKeys personKeys, Clock clock) {
        this.jdbc = jdbc;
        this.contactLocks = new ContactLocks(BookingRules.LOCK_TABLE, jdbc, clock);
        this.personKeys = personKeys;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "rendez-vous";
    }

    @Override
    @Transactional
    public int anonymiseEndedBefore(Instant cutoff) {
        // The key first: the figures keep counting the person once their contact is gone.
        fillPersonKeys();
        int count = jdbc.update("""
                update appointment
                set person_name = 'Anonyme', given_name = null, family_name = null, email = null, email_canonical = null, phone = null, needs = null,
                    device_id = null, cancel_reason = null, anonymised_at = ?
                where end_at < ? and anonymised_at is null""",
                UtcColumns.toDb(clock.instant()), UtcColumns.toDb(cutoff));
        jdbc.update("""
                delete t from appointment_token t join appointment a on a.id = t.appointment_id
                where a.anonymised_at is not null""");
        // Activity dates are Paris days: a record is as old as the end of its day.
        java.time.LocalDate lastDay = cutoff.atZone(fr.rdvnumerique.base.time.ParisTime.ZONE).toLocalDate().minusDays(1);
        count += jdbc.update("update activity_record set notes = null where activity_date <= ? and notes is not null",
                lastDay);
        // A lock row is only a mutex: deleting it is harmless, the next booking of that contact creates it again.
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
                    select id, email_canonical, phone from appointment
                    where person_key is null and (email_canonical is not null or phone is not null) order by id limit 500""",
                    (rs, n) -> new Object[] {personKeys.of(rs.getString(2), rs.getString(3)), rs.getLong(1)});
            if (rows.isEmpty()) {
                break;
            }
            if (!attempted.add((Long) rows.getFirst()[1])) {
                break; // another instance filled them since this transaction began: this snapshot still sees them empty
            }
            jdbc.batchUpdate("update appointment set person_key = ? where id = ? and person_key is null", rows);
            filled += rows.size();
        }
        // A record of a rendez-vous is about its person.
        jdbc.update("""
                update activity_record r join appointment a on a.id = r.appointment_id set r.person_key = a.person_key
                where r.person_key is null and a.person_key is not null""");
        return filled;
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.List<HeldItem> find(long structureId, PersonQuery person) {
        var found = new java.util.ArrayList<HeldItem>();
        jdbc.query("""
                select a.id, a.start_at, a.end_at, a.status, a.person_name, a.email, a.phone, a.needs, a.channel,
                       a.cancel_reason, a.created_at, a.anonymised_at, m.label
                from appointment a join appointment_motif m on m.id = a.motif_id
                where a.structure_id = ? and (a.email_canonical = ? or a.phone = ? or a.person_key in (?, ?))
                order by a.start_at""", rs -> {
            var fields = new java.util.LinkedHashMap<String, String>();
            fields.put("rgpd.field.name", rs.getString("person_name"));
            fields.put("rgpd.field.email", rs.getString("email"));
            fields.put("rgpd.field.phone", rs.getString("phone"));
            fields.put("rgpd.field.motif", rs.getString("label"));
            fields.put("rgpd.field.status", rs.getString("status"));
            fields.put("rgpd.field.channel", rs.getString("channel"));
            fields.put("rgpd.field.needs", rs.getString("needs"));
            fields.put("rgpd.field.cancel-reason", rs.getString("cancel_reason"));
            fields.put("rgpd.field.created-at", instant(rs, "created_at"));
            fields.put("rgpd.field.anonymised-at", instant(rs, "anonymised_at"));
            found.add(new HeldItem("rgpd.kind.appointment", rs.getLong("id"),
                    UtcColumns.fromDb(rs.getObject("start_at", java.time.LocalDateTime.class)), fields));
        }, structureId, person.email(), person.phone(), person.keysOrNone().getFirst(), person.keysOrNone().getLast());
        jdbc.query("""
                select r.id, r.activity_date, r.kind, r.duration_minutes, r.notes, r.created_at from activity_record r
                where r.structure_id = ? and r.person_key in (?, ?) order by r.activity_date""", rs -> {
            var fields = new java.util.LinkedHashMap<String, String>();
            fields.put("rgpd.field.record-kind", rs.getString("kind"));
            fields.put("rgpd.field.duration", rs.getInt("duration_minutes") + " min");
            fields.put("rgpd.field.notes", rs.getString("notes"));
            fields.put("rgpd.field.created-at", instant(rs, "created_at"));
            found.add(new HeldItem("rgpd.kind.activity-record", rs.getLong("id"),
                    rs.getObject("activity_date", java.time.LocalDate.class).atStartOfDay(
                            fr.rdvnumerique.base.time.ParisTime.ZONE).toInstant(), fields));
        }, structureId, person.keysOrNone().getFirst(), person.keysOrNone().getLast());
        return found;
    }

    @Override
    @Transactional
    public int erase(long structureId, PersonQuery person, java.util.function.UnaryOperator<String> newKey) {
        fillPersonKeys();
        var rows = jdbc.query("""
                select id, person_key from appointment
                where structure_id = ? and (email_canonical = ? or phone = ? or person_key in (?, ?)) for update""",
                (rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}, structureId, person.email(), person.phone(),
                person.keysOrNone().getFirst(), person.keysOrNone().getLast());
        var now = UtcColumns.toDb(clock.instant());
        var oldKeys = new java.util.LinkedHashSet<String>(person.keys());
        for (Object[] row : rows) {
            String key = (String) row[1];
            if (key != null) {
                oldKeys.add(key);
            }
            jdbc.update("""
                    update appointment
                    set person_name = 'Anonyme', given_name = null, family_name = null, email = null, email_canonical = null,
                        phone = null, needs = null, device_id = null, cancel_reason = null,
                        anonymised_at = coalesce(anonymised_at, ?), person_key = ?
                    where id = ?""", now, key == null ? null : newKey.apply(key), row[0]);
            jdbc.update("delete from appointment_token where appointment_id = ?", row[0]);
        }
        int count = rows.size();
        for (String key : oldKeys) {
            count += jdbc.update("update activity_record set notes = null, person_key = ? where structure_id = ? "
                    + "and person_key = ?", newKey.apply(key), structureId, key);
        }
        return count;
    }

    private static String instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        Instant value = UtcColumns.fromDb(rs.getObject(column, java.time.LocalDateTime.class));
        return value == null ? null : value.toString();
    }
}
