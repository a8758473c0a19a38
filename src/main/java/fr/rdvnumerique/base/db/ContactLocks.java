package fr.rdvnumerique.base.db;

import fr.rdvnumerique.base.web.SecretTokens;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Row locks per person, for a rule that spans aggregates such as a cap of bookings per contact: two bookings of
 * one person for different sessions or slots lock different rows, so without a lock of the person both could pass
 * the cap. Each module keeps its own table ({@code contact_hash char(64) primary key, last_used_at datetime(6)}):
 * a row holds the hash of an email or a phone, is only an anchor for the lock, and goes when nobody used it for
 * the retention period.
 */
public final class ContactLocks {

    private static final Pattern TABLE = Pattern.compile("[a-z_]+");

    private final String table;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ContactLocks(String table, JdbcTemplate jdbc, Clock clock) {
        if (!TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("Not a table name: " + table);
        }
        this.table = table;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Locks the rows of these contacts until the caller's transaction ends, in one statement and in a fixed order
     * (sorted hashes), so that two transactions for the same people never wait for each other in a circle. Call it
     * before the transaction's first plain read: that read then sees every booking of the same person that
     * committed before, and under {@code innodb_snapshot_isolation} no snapshot exists yet to conflict with.
     *
     * @param emailKeys canonical email addresses
     * @param phones    phone numbers in E.164
     */
    public void lock(Collection<String> emailKeys, Collection<String> phones) {
        var hashes = new TreeSet<String>();
        emailKeys.forEach(e -> hashes.add(SecretTokens.hash("email:" + e)));
        phones.forEach(p -> hashes.add(SecretTokens.hash("phone:" + p)));
        if (hashes.isEmpty()) {
            return;
        }
        var now = UtcColumns.toDb(clock.instant());
        List<Object> arguments = new ArrayList<>(2 * hashes.size());
        hashes.forEach(hash -> {
            arguments.add(hash);
            arguments.add(now);
        });
        jdbc.update("insert into " + table + " (contact_hash, last_used_at) values "
                + String.join(",", Collections.nCopies(hashes.size(), "(?, ?)"))
                + " on duplicate key update last_used_at = greatest(last_used_at, values(last_used_at))",
                arguments.toArray());
    }

    /** Deletes the rows nobody used since {@code cutoff} (a booking holding one locked makes this wait). */
    public int forgetUnusedSince(Instant cutoff) {
        return jdbc.update("delete from " + table + " where last_used_at < ?", UtcColumns.toDb(cutoff));
    }

    /** Deletes the rows of these contacts (an erasure on request): the next booking of the person creates them again. */
    public int forget(Collection<String> emailKeys, Collection<String> phones) {
        var hashes = new TreeSet<String>();
        emailKeys.forEach(e -> hashes.add(SecretTokens.hash("email:" + e)));
        phones.forEach(p -> hashes.add(SecretTokens.hash("phone:" + p)));
        if (hashes.isEmpty()) {
            return 0;
        }
        return jdbc.update("delete from " + table + " where contact_hash in ("
                + String.join(",", Collections.nCopies(hashes.size(), "?")) + ")", hashes.toArray());
    }
}
