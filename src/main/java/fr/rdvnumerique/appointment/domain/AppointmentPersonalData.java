package fr.rdvnumerique.appointment.domain;

import fr.rdvnumerique.base.db.ContactLocks;
import fr.rdvnumerique.base.db.UtcColumns;
import fr.rdvnumerique.base.retention.PersonKeys;
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
}
