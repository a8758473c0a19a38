package fr.rdvnumerique.appointment.domain;

import fr.rdvnumerique.base.db.UtcColumns;
import fr.rdvnumerique.base.retention.PersonalDataHolder;
import java.time.Clock;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appointments that ended before the retention limit lose the person's name, contacts, own words and private
 * links; motif, place, times, status and channel stay, and activity records hold no identity.
 */
@Component
class AppointmentPersonalData implements PersonalDataHolder {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    AppointmentPersonalData(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "rendez-vous";
    }

    @Override
    @Transactional
    public int anonymiseEndedBefore(Instant cutoff) {
        int count = jdbc.update("""
                update appointment
                set person_name = 'Anonyme', email = null, email_canonical = null, phone = null, needs = null,
                    device_id = null, cancel_reason = null, anonymised_at = ?
                where end_at < ? and anonymised_at is null""",
                UtcColumns.toDb(clock.instant()), UtcColumns.toDb(cutoff));
        jdbc.update("""
                delete t from appointment_token t join appointment a on a.id = t.appointment_id
                where a.anonymised_at is not null""");
        return count;
    }
}
