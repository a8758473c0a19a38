package fr.rdvnumerique.notification.domain;

import static fr.rdvnumerique.base.db.UtcColumns.fromDb;
import static fr.rdvnumerique.base.db.UtcColumns.toDb;

import fr.rdvnumerique.notification.internal.CalendarMethod;
import fr.rdvnumerique.notification.internal.DeliveryStatus;
import fr.rdvnumerique.notification.internal.MessageKind;
import fr.rdvnumerique.notification.internal.OutboxRow;
import fr.rdvnumerique.notification.internal.SubjectRef;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.SliceImpl;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code outbound_message} table. Plain SQL: the dispatcher's claim needs {@code FOR UPDATE SKIP LOCKED},
 * and the queue is a table of rows to move through states, not an aggregate.
 */
@Repository
public class OutboxRepository {

    private static final Logger log = LoggerFactory.getLogger(OutboxRepository.class);

    /** The size of {@code last_error}. */
    private static final int LAST_ERROR_LENGTH = 500;
    private static final String STORED_COLUMNS = """
            id, dedup_key, message_id, channel, kind, structure_id, subject_type, subject_id, sequence_no, recipient,
            recipient_name, reply_to, subject, body_text, body_html, ics, ics_method, status, attempts""";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    OutboxRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /** A message to store. */
    public record NewMessage(String dedupKey, String messageId, String channel, MessageKind kind, long structureId,
                             SubjectRef subject, int sequence, String recipient, String recipientName, String replyTo,
                             String subjectLine, String text, String html, String ics, CalendarMethod icsMethod,
                             Instant createdAt, Long resendOf) {
    }

    /** A stored message, as the dispatcher sends it. */
    public record StoredMessage(long id, String dedupKey, String messageId, String channel, MessageKind kind,
                                long structureId, SubjectRef subject, int sequence, String recipient,
                                String recipientName, String replyTo, String subjectLine, String text, String html,
                                String ics, CalendarMethod icsMethod, DeliveryStatus status, int attempts) {
    }

    /**
     * Stores a message, due now; joins the caller's transaction.
     *
     * @return false when a message with the same deduplication key exists already (nothing is written)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean insert(NewMessage m) {
        try {
            jdbc.update("""
                    insert into outbound_message (dedup_key, message_id, channel, kind, structure_id, subject_type,
                        subject_id, sequence_no, recipient, recipient_name, reply_to, subject, body_text, body_html, ics,
                        ics_method, status, attempts, next_attempt_at, created_at, resend_of)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?)""",
                    m.dedupKey(), m.messageId(), m.channel(), m.kind().name(), m.structureId(), m.subject().type(),
                    m.subject().id(), m.sequence(), m.recipient(), m.recipientName(), m.replyTo(), m.subjectLine(),
                    m.text(), m.html(), m.ics(), m.icsMethod() == null ? null : m.icsMethod().name(),
                    toDb(m.createdAt()), toDb(m.createdAt()), m.resendOf());
            return true;
        } catch (DuplicateKeyException e) {
            // MariaDB rolls back the statement only: the caller's transaction goes on.
            return false;
        }
    }

    public boolean exists(String dedupKey) {
        return !jdbc.queryForList("select id from outbound_message where dedup_key = ?", Long.class, dedupKey).isEmpty();
    }

    /**
     * Locks up to {@code limit} due messages that no other transaction holds, skipping the locked ones, so two
     * dispatchers never claim the same message.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Long> lockDue(Instant now, int limit, boolean includeReminders, java.util.Collection<String> channels) {
        if (channels.isEmpty()) {
            return List.of();
        }
        var params = new MapSqlParameterSource("now", toDb(now)).addValue("reminders", includeReminders)
                .addValue("channels", channels).addValue("limit", limit);
        // Only the channels this dispatcher can send: an instance without a text-message provider leaves them
        // to one that has it, instead of failing them.
        return named.queryForList("""
                select id from outbound_message
                where status = 'PENDING' and next_attempt_at <= :now and (:reminders or kind <> 'REMINDER')
                  and channel in (:channels)
                order by next_attempt_at, id
                limit :limit
                for update skip locked""", params, Long.class);
    }

    /**
     * Extends the lease of claimed messages that {@code owner} still holds, and returns those: a message whose
     * lease ran out and that another dispatcher took back is not among them, so it is not sent twice.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Long> renewLease(List<Long> ids, String owner, Instant leaseUntil) {
        if (ids.isEmpty()) {
            return List.of();
        }
        var params = new MapSqlParameterSource("until", toDb(leaseUntil)).addValue("owner", owner).addValue("ids", ids);
        named.update("update outbound_message set lease_until = :until where status = 'SENDING' and lease_owner = :owner"
                + " and id in (:ids)", params);
        return named.queryForList("select id from outbound_message where status = 'SENDING' and lease_owner = :owner"
                + " and id in (:ids)", params, Long.class);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void lease(List<Long> ids, String owner, Instant leaseUntil) {
        if (ids.isEmpty()) {
            return;
        }
        named.update("update outbound_message set status = 'SENDING', lease_owner = :owner, lease_until = :until,"
                + " attempts = attempts + 1 where status = 'PENDING' and id in (:ids)",
                new MapSqlParameterSource("owner", owner).addValue("until", toDb(leaseUntil)).addValue("ids", ids));
    }

    public List<StoredMessage> load(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return named.query("select " + STORED_COLUMNS + " from outbound_message where id in (:ids) order by id",
                new MapSqlParameterSource("ids", ids), OutboxRepository::stored);
    }

    public Optional<StoredMessage> find(long id) {
        return jdbc.query("select " + STORED_COLUMNS + " from outbound_message where id = ?", OutboxRepository::stored, id)
                .stream().findFirst();
    }

    /**
     * Messages whose lease ran out (the instance died while sending) are due again, or FAILED when they have had
     * all their attempts. They may have left before the crash: the deterministic Message-ID lets the receiving
     * side recognise the copy.
     */
    public int releaseExpiredLeases(Instant now, int maxAttempts) {
        return jdbc.update("""
                update outbound_message
                set status = case when attempts >= ? then 'FAILED' else 'PENDING' end,
                    last_error = ?, lease_owner = null, lease_until = null, next_attempt_at = ?
                where status = 'SENDING' and lease_until < ?""", maxAttempts,
                StaffNote.of(StaffNote.Code.SENDING_INTERRUPTED).stored(LAST_ERROR_LENGTH), toDb(now), toDb(now));
    }

    /** Records the outcome of a batch; only rows still leased by {@code owner} change. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String owner, List<Outcome> outcomes) {
        record(jdbc, owner, outcomes);
    }

    private static void record(JdbcTemplate jdbc, String owner, List<Outcome> outcomes) {
        var sent = new ArrayList<Object[]>();
        var failed = new ArrayList<Object[]>();
        for (Outcome o : outcomes) {
            if (o.error() == null) {
                sent.add(new Object[] {toDb(o.at()), o.id(), owner});
            } else {
                failed.add(new Object[] {o.giveUp() ? "FAILED" : "PENDING", toDb(o.nextAttemptAt()),
                        o.error().stored(LAST_ERROR_LENGTH), o.id(), owner});
            }
        }
        if (!sent.isEmpty()) {
            jdbc.batchUpdate("""
                    update outbound_message set status = 'SENT', sent_at = ?, last_error = null, lease_owner = null,
                        lease_until = null
                    where id = ? and status = 'SENDING' and lease_owner = ?""", sent);
        }
        if (!failed.isEmpty()) {
            jdbc.batchUpdate("""
                    update outbound_message set status = ?, next_attempt_at = ?, last_error = ?, lease_owner = null,
                        lease_until = null
                    where id = ? and status = 'SENDING' and lease_owner = ?""", failed);
        }
    }

    /**
     * A connection held while a chunk is sent, on which each outcome is written alone, in autocommit, as soon as
     * it is known. Between the mail server's answer and the record there is then no wait for a pooled connection
     * and no transaction to open: a sender that dies in that gap leaves its mail to be sent a second time.
     */
    public Recorder recorder(String owner) {
        try {
            Connection connection = Objects.requireNonNull(jdbc.getDataSource()).getConnection();
            if (!connection.getAutoCommit()) {
                connection.setAutoCommit(true);
            }
            return new Recorder(owner, connection);
        } catch (SQLException e) {
            log.debug("No connection held for the chunk's outcomes: they are recorded in transactions", e);
            return new Recorder(owner, null);
        }
    }

    /** See {@link #recorder(String)}. */
    public static final class Recorder implements AutoCloseable {

        private final String owner;
        private final Connection connection;
        private final JdbcTemplate held;
        private boolean usable;

        private Recorder(String owner, Connection connection) {
            this.owner = owner;
            this.connection = connection;
            this.held = connection == null ? null : new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            this.usable = connection != null;
        }

        /**
         * @return false when it could not be written here (no connection, or the statement failed): the caller
         *     records it in a transaction of its own. Writing it twice changes nothing, the row is no longer leased.
         */
        public boolean record(Outcome outcome) {
            if (!usable) {
                return false;
            }
            try {
                OutboxRepository.record(held, owner, List.of(outcome));
                return true;
            } catch (DataAccessException e) {
                log.debug("Outcome of message {} not recorded on the chunk's connection", outcome.id(), e);
                usable = false;
                return false;
            }
        }

        @Override
        public void close() {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException e) {
                    log.debug("Closing the chunk's connection", e);
                }
            }
        }
    }

    /** What happened to one claimed message. */
    public record Outcome(long id, Instant at, StaffNote error, boolean giveUp, Instant nextAttemptAt) {
    }

    public Slice<OutboxRow> list(long structureId, DeliveryStatus status, Pageable pageable) {
        var args = new ArrayList<Object>();
        args.add(structureId);
        String filter = "";
        if (status != null) {
            filter = " and status = ?";
            args.add(status.name());
        }
        int size = pageable.isPaged() ? pageable.getPageSize() : 500;
        long offset = pageable.isPaged() ? pageable.getOffset() : 0;
        args.add(size + 1);
        args.add(offset);
        List<OutboxRow> rows = jdbc.query("""
                select id, created_at, channel, kind, recipient, subject, status, attempts, next_attempt_at, sent_at,
                    last_error, resend_of
                from outbound_message where structure_id = ?""" + filter + " order by id desc limit ? offset ?",
                OutboxRepository::row, args.toArray());
        boolean more = rows.size() > size;
        var content = more ? rows.subList(0, size) : rows;
        return new SliceImpl<>(new ArrayList<>(content), pageable.isPaged() ? pageable : Pageable.ofSize(size), more);
    }

    /** A FAILED message is tried again from scratch, under the same key and Message-ID (it never arrived). */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean retryFailed(long id, Instant now) {
        return jdbc.update("""
                update outbound_message set status = 'PENDING', attempts = 0, next_attempt_at = ?, last_error = null
                where id = ? and status = 'FAILED'""", toDb(now), id) == 1;
    }

    /** How many copies of a message were made for a re-send, counted under a lock on the original. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int lockAndCountResends(long id) {
        jdbc.queryForList("select id from outbound_message where id = ? for update", Long.class, id);
        Integer count = jdbc.queryForObject("select count(*) from outbound_message where resend_of = ?", Integer.class, id);
        return count == null ? 0 : count;
    }

    public Optional<Long> lastResendOf(long id) {
        return jdbc.queryForList("select max(id) from outbound_message where resend_of = ?", Long.class, id)
                .stream().filter(java.util.Objects::nonNull).findFirst();
    }

    /**
     * Deletes sent and failed messages created before {@code cutoff} (names, addresses, private texts); a newer
     * copy made by "Renvoyer" loses its link to the deleted original.
     */
    public int deleteFinishedBefore(Instant cutoff) {
        jdbc.update("""
                update outbound_message copy join outbound_message original on copy.resend_of = original.id
                set copy.resend_of = null
                where original.created_at < ? and original.status in ('SENT', 'FAILED')""", toDb(cutoff));
        return jdbc.update("delete from outbound_message where created_at < ? and status in ('SENT', 'FAILED')",
                toDb(cutoff));
    }


    private static StoredMessage stored(ResultSet rs, int rowNum) throws SQLException {
        String method = rs.getString("ics_method");
        return new StoredMessage(rs.getLong("id"), rs.getString("dedup_key"), rs.getString("message_id"),
                rs.getString("channel"), MessageKind.valueOf(rs.getString("kind")), rs.getLong("structure_id"),
                new SubjectRef(rs.getString("subject_type"), rs.getLong("subject_id")), rs.getInt("sequence_no"),
                rs.getString("recipient"), rs.getString("recipient_name"), rs.getString("reply_to"),
                rs.getString("subject"), rs.getString("body_text"), rs.getString("body_html"), rs.getString("ics"),
                method == null ? null : CalendarMethod.valueOf(method), DeliveryStatus.valueOf(rs.getString("status")),
                rs.getInt("attempts"));
    }

    private static OutboxRow row(ResultSet rs, int rowNum) throws SQLException {
        return new OutboxRow(rs.getLong("id"), instant(rs, "created_at"), rs.getString("channel"), MessageKind.valueOf(rs.getString("kind")),
                rs.getString("recipient"), rs.getString("subject"), DeliveryStatus.valueOf(rs.getString("status")),
                rs.getInt("attempts"), instant(rs, "next_attempt_at"), instant(rs, "sent_at"), StaffNote.parse(rs.getString("last_error")),
                rs.getObject("resend_of", Long.class));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return fromDb(rs.getObject(column, LocalDateTime.class));
    }
}
