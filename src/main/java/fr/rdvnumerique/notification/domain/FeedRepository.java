package fr.rdvnumerique.notification.domain;

import static fr.rdvnumerique.base.db.UtcColumns.fromDb;
import static fr.rdvnumerique.base.db.UtcColumns.toDb;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code advisor_feed} table: one private feed per advisor, found by the hash of its token. */
@Repository
public class FeedRepository {

    private final JdbcTemplate jdbc;

    FeedRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces the advisor's token: the previous link stops working at once. */
    public void save(long advisorId, long structureId, String tokenHash, Instant now) {
        jdbc.update("""
                insert into advisor_feed (advisor_id, structure_id, token_hash, created_at) values (?, ?, ?, ?)
                on duplicate key update token_hash = values(token_hash), created_at = values(created_at)""",
                advisorId, structureId, tokenHash, toDb(now));
    }

    public void delete(long advisorId) {
        jdbc.update("delete from advisor_feed where advisor_id = ?", advisorId);
    }

    public Optional<Instant> createdAt(long advisorId) {
        return jdbc.queryForList("select created_at from advisor_feed where advisor_id = ?", LocalDateTime.class, advisorId)
                .stream().findFirst().map(t -> fromDb(t));
    }

    public Optional<Long> advisorByTokenHash(String tokenHash) {
        return jdbc.queryForList("select advisor_id from advisor_feed where token_hash = ?", Long.class, tokenHash)
                .stream().findFirst();
    }
}
