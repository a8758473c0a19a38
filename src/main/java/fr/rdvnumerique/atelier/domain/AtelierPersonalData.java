package fr.rdvnumerique.atelier.domain;

import fr.rdvnumerique.base.db.ContactLocks;
import fr.rdvnumerique.base.db.UtcColumns;
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
    private final Clock clock;

    AtelierPersonalData(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.contactLocks = new ContactLocks(ContactRules.LOCK_TABLE, jdbc, clock);
        this.clock = clock;
    }

    @Override
    public String name() {
        return "atelier";
    }

    @Override
    @Transactional
    public int anonymiseEndedBefore(Instant cutoff) {
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
}
