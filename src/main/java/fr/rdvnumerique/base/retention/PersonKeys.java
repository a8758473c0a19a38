package fr.rdvnumerique.base.retention;

import fr.rdvnumerique.base.domain.ContactDetails;
import fr.rdvnumerique.base.domain.EmailAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The pseudonymous key of a person: HMAC-SHA256 of the normalised contact (the e-mail in lower case when there is
 * one, else the phone in E.164) with a secret from configuration ({@code RDV_PERSON_KEY_SECRET}). Stored on each
 * appointment and registration when it is written, and kept when the retention job or an erasure removes the
 * contact, so "distinct people" in a past report never moves. Without the secret nobody can tell whose key it is
 * (phones are too few to hide behind a plain hash). See ADR 011.
 *
 * <p>The secret must never change: a new secret gives everybody a new key, and people who came before and after the
 * change would count twice in a period spanning it. The embedded demo run uses a fixed development secret; against
 * a database server the application refuses to start without one.
 */
@Component
public class PersonKeys {

    /** Length of a key: hex of 32 bytes. */
    public static final int LENGTH = 64;
    /** At least 32 characters (e.g. {@code openssl rand -base64 48}). */
    public static final int MIN_SECRET_LENGTH = 32;
    static final String DEVELOPMENT_SECRET = "rdv-numerique-development-only-person-key-secret";

    private static final Logger log = LoggerFactory.getLogger(PersonKeys.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    @Autowired
    PersonKeys(Environment env) {
        this(secret(env));
    }

    /** For unit tests. */
    public PersonKeys(String secret) {
        if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalStateException("RDV_PERSON_KEY_SECRET must be at least " + MIN_SECRET_LENGTH
                    + " characters long (for instance the output of: openssl rand -base64 48).");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    private static String secret(Environment env) {
        String configured = env.getProperty("rdv.person-key.secret");
        if (StringUtils.hasText(configured)) {
            return configured.strip();
        }
        // The zero-setup run (embedded database, demo data) has no operator to set a secret.
        if (!StringUtils.hasText(env.getProperty("spring.datasource.url"))) {
            log.warn("RDV_PERSON_KEY_SECRET is not set: using the development secret of the embedded demo run");
            return DEVELOPMENT_SECRET;
        }
        throw new IllegalStateException("RDV_PERSON_KEY_SECRET is not set. The activity report counts distinct people "
                + "with a key derived from this secret; set it once (at least " + MIN_SECRET_LENGTH
                + " characters, e.g. the output of: openssl rand -base64 48) and never change it. See the README, "
                + "« Configuration ».");
    }

    /** The key of a person reached by these contacts. */
    public String of(ContactDetails contact) {
        return of(contact.emailAddress().map(EmailAddress::canonical).orElse(null),
                contact.phoneNumber().map(p -> p.e164()).orElse(null));
    }

    /**
     * The key from stored columns: the canonical e-mail (lower case) or else the E.164 phone; null when both are.
     */
    public String of(String emailCanonical, String phoneE164) {
        if (emailCanonical != null) {
            return hmac("e:" + emailCanonical);
        }
        return phoneE164 == null ? null : hmac("p:" + phoneE164);
    }

    /**
     * A key that belongs to nobody, for an erasure: the erased rows keep counting as one person, and nothing links
     * them to the contact any more.
     */
    public static String unlinked() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private String hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Gives their key to the rows of {@code table} that have a contact but no key yet, 500 at a time, in the
     * caller's transaction. {@code table} and {@code emailColumn} are the caller's constants, never user input.
     *
     * @return how many rows got a key
     */
    public int fillMissing(org.springframework.jdbc.core.JdbcTemplate jdbc, String table, String emailColumn) {
        int filled = 0;
        var attempted = new java.util.HashSet<Long>();
        while (true) {
            var rows = jdbc.query("select id, " + emailColumn + ", phone from " + table + " where person_key is null and ("
                            + emailColumn + " is not null or phone is not null) order by id limit 500",
                    (rs, n) -> new Object[] {of(rs.getString(2), rs.getString(3)), rs.getLong(1)});
            if (rows.isEmpty()) {
                break;
            }
            if (!attempted.add((Long) rows.getFirst()[1])) {
                break; // another instance filled them since this transaction began: this snapshot still sees them empty
            }
            jdbc.batchUpdate("update " + table + " set person_key = ? where id = ? and person_key is null", rows);
            filled += rows.size();
        }
        return filled;
    }
}
