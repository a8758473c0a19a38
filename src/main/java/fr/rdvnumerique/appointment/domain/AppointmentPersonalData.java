package fr.rdvnumerique.appointment.domain;

import static fr.rdvnumerique.base.retention.HeldItem.code;

import fr.rdvnumerique.base.db.ContactLocks;
import fr.rdvnumerique.base.db.UtcColumns;
import fr.rdvnumerique.base.retention.PersonKeys;
import fr.rdvnumerique.base.retention.PersonalDataHolder;
import fr.rdvnumerique.base.retention.HeldItem;
import fr.rdvnumerique.appointment.AppointmentStatus;
import fr.rdvnumerique.base.domain.Channel;
import fr.rdvnumerique.base.domain.NoticeChoice;
import fr.rdvnumerique.base.taxonomy.ActivityLocation;
import fr.rdvnumerique.base.taxonomy.AgeBand;
import fr.rdvnumerique.base.taxonomy.Gender;
import fr.rdvnumerique.base.taxonomy.OccupationStatus;
import fr.rdvnumerique.base.retention.PersonQuery;
import fr.rdvnumerique.base.time.ParisTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appointments that ended before the retention limit lose the person's name, contacts, own words and private
 * links; motif, place, times, status and channel stay. Activity records of that age lose the advisor's free notes
 * (which may name the person); their codes stay for the report. The hashed contacts that serialise bookings are
 * deleted once nobody used them for the retention period. A resident's request finds, and erases the same way, their
 * appointments and the activity records made for them.
 */
@Component
class AppointmentPersonalData implements PersonalDataHolder {

    /** What an anonymised appointment loses, for the retention job and for an erasure on request alike. */
    private static final String ANONYMISED = """
            person_name = 'Anonyme', given_name = null, family_name = null, email = null, email_canonical = null,
            phone = null, needs = null, device_id = null, cancel_reason = null""";
    private static final String MODULE = "rgpd.module.appointment";

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
        int count = jdbc.update("update appointment set " + ANONYMISED + ", anonymised_at = ?"
                        + " where end_at < ? and anonymised_at is null",
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
        int filled = personKeys.fillMissing(jdbc, "appointment", "email_canonical");
        // A record of a rendez-vous is about its person.
        jdbc.update("""
                update activity_record r join appointment a on a.id = r.appointment_id set r.person_key = a.person_key
                where r.person_key is null and a.person_key is not null""");
        return filled;
    }

    @Override
    @Transactional(readOnly = true)
    public List<HeldItem> find(Long structureId, PersonQuery person) {
        Instant now = clock.instant();
        var found = new ArrayList<HeldItem>();
        jdbc.query("""
                select a.id, a.structure_id, a.start_at, a.end_at, a.status, a.person_name, a.email, a.phone, a.needs,
                       a.channel, a.wants_reminders, a.notice_by, a.created_at, a.cancelled_at, a.cancelled_by,
                       a.cancel_reason, a.presence_confirmed_at, a.anonymised_at, m.label
                from appointment a join appointment_motif m on m.id = a.motif_id
                where (? is null or a.structure_id = ?)
                  and (a.email_canonical = ? or a.phone = ? or a.person_key in (?, ?))
                order by a.start_at, a.id""", rs -> {
            Instant start = instant(rs, "start_at");
            String status = rs.getString("status");
            var fields = new LinkedHashMap<String, Object>();
            fields.put("rgpd.field.name", rs.getString("person_name"));
            fields.put("rgpd.field.email", rs.getString("email"));
            fields.put("rgpd.field.phone", rs.getString("phone"));
            fields.put("rgpd.field.motif", rs.getString("label"));
            fields.put("rgpd.field.starts-at", start);
            fields.put("rgpd.field.status", code(AppointmentStatus.class, status));
            fields.put("rgpd.field.needs", rs.getString("needs"));
            fields.put("rgpd.field.channel", code(Channel.class, rs.getString("channel")));
            fields.put("rgpd.field.wants-reminders", rs.getBoolean("wants_reminders"));
            fields.put("rgpd.field.notice-by", code(NoticeChoice.class, rs.getString("notice_by")));
            fields.put("rgpd.field.presence-confirmed-at", instant(rs, "presence_confirmed_at"));
            fields.put("rgpd.field.created-at", instant(rs, "created_at"));
            fields.put("rgpd.field.cancelled-at", instant(rs, "cancelled_at"));
            fields.put("rgpd.field.cancel-reason", rs.getString("cancel_reason"));
            fields.put("rgpd.field.anonymised-at", instant(rs, "anonymised_at"));
            long id = rs.getLong("id");
            found.add(new HeldItem(MODULE, "rgpd.kind.appointment", id, rs.getLong("structure_id"), start,
                    "BOOKED".equals(status) && start.isAfter(now), fields));
        }, structureId, structureId, person.email(), person.phone(), person.key1(), person.key2());
        // Records of walk-in help carry only the key; those of a rendez-vous are found through their appointment too.
        jdbc.query("""
                select id, structure_id, kind, activity_date, duration_minutes, location, age_band, gender, occupation,
                       notes, appointment_id, created_at
                from activity_record
                where (? is null or structure_id = ?) and (person_key in (?, ?) or appointment_id in (
                    select id from appointment where (? is null or structure_id = ?)
                      and (email_canonical = ? or phone = ? or person_key in (?, ?))))
                order by activity_date, id""", rs -> {
            var fields = new LinkedHashMap<String, Object>();
            LocalDate day = rs.getObject("activity_date", LocalDate.class);
            fields.put("rgpd.field.activity-date", day);
            String kind = rs.getString("kind");
            fields.put("rgpd.field.record-kind", new HeldItem.Code(kind, "PONCTUEL".equals(kind)
                    ? "rgpd.value.record.walk-in" : "rgpd.value.record.appointment"));
            fields.put("rgpd.field.duration", rs.getInt("duration_minutes"));
            fields.put("rgpd.field.location", code(ActivityLocation.class, rs.getString("location")));
            fields.put("rgpd.field.age-band", code(AgeBand.class, rs.getString("age_band")));
            fields.put("rgpd.field.gender", code(Gender.class, rs.getString("gender")));
            fields.put("rgpd.field.occupation", code(OccupationStatus.class, rs.getString("occupation")));
            fields.put("rgpd.field.notes", rs.getString("notes"));
            fields.put("rgpd.field.appointment", rs.getObject("appointment_id", Long.class));
            fields.put("rgpd.field.created-at", instant(rs, "created_at"));
            found.add(new HeldItem(MODULE, "rgpd.kind.activity-record", rs.getLong("id"), rs.getLong("structure_id"),
                    day.atStartOfDay(ParisTime.ZONE).toInstant(), false, fields));
        }, structureId, structureId, person.key1(), person.key2(), structureId, structureId, person.email(),
                person.phone(), person.key1(), person.key2());
        return found;
    }

    @Override
    @Transactional
    public int erase(Long structureId, PersonQuery person, UnaryOperator<String> newKey) {
        // Records written before keys existed get theirs first: the erased rows keep counting as one person.
        fillPersonKeys();
        var rows = jdbc.query("""
                select id, person_key from appointment
                where (? is null or structure_id = ?) and (email_canonical = ? or phone = ? or person_key in (?, ?))
                order by id for update""",
                (rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}, structureId, structureId, person.email(),
                person.phone(), person.key1(), person.key2());
        var now = UtcColumns.toDb(clock.instant());
        var oldKeys = new LinkedHashSet<String>(person.keys());
        for (Object[] row : rows) {
            String key = (String) row[1];
            if (key != null) {
                oldKeys.add(key);
            }
            jdbc.update("update appointment set " + ANONYMISED
                            + ", anonymised_at = coalesce(anonymised_at, ?), person_key = ? where id = ?",
                    now, key == null ? null : newKey.apply(key), row[0]);
            jdbc.update("delete from appointment_token where appointment_id = ?", row[0]);
        }
        int count = rows.size();
        // The activity records of those rendez-vous (same key) and of walk-in help lose their notes and their link.
        for (String key : oldKeys) {
            count += jdbc.update("update activity_record set notes = null, person_key = ? "
                    + "where (? is null or structure_id = ?) and person_key = ?", newKey.apply(key), structureId,
                    structureId, key);
        }
        contactLocks.forget(person.email() == null ? List.of() : List.of(person.email()),
                person.phone() == null ? List.of() : List.of(person.phone()));
        return count;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return UtcColumns.fromDb(rs.getObject(column, LocalDateTime.class));
    }
}
