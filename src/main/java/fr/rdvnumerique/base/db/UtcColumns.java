package fr.rdvnumerique.base.db;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Instants are stored as UTC in DATETIME columns (Hibernate does the same with {@code hibernate.jdbc.time_zone=UTC}).
 * Paris local time would be ambiguous for an hour every October; UTC never is.
 */
public final class UtcColumns {

    private UtcColumns() {
    }

    public static LocalDateTime toDb(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    public static Instant fromDb(LocalDateTime value) {
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
