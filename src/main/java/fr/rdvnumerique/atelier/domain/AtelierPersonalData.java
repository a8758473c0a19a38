package fr.rdvnumerique.atelier.domain;

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
}
