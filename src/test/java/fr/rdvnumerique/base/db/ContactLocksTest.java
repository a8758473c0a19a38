package fr.rdvnumerique.base.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.rdvnumerique.base.web.SecretTokens;
import fr.rdvnumerique.testing.IntegrationTest;
import fr.rdvnumerique.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class ContactLocksTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;
    ContactLocks locks;

    @BeforeEach
    void table() {
        jdbc.execute("create table if not exists test_contact_lock (contact_hash char(64) not null primary key, "
                + "last_used_at datetime(6) not null) engine = InnoDB");
        jdbc.update("delete from test_contact_lock");
        locks = new ContactLocks("test_contact_lock", jdbc, clock);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void a_contact_has_one_row_per_email_and_per_phone_marked_with_its_last_use() {
        clock.setParis(2026, 12, 1, 9, 0);
        locks.lock(List.of("marie@exemple.fr"), List.of("+33612345678"));
        clock.advance(Duration.ofDays(3));
        locks.lock(List.of("marie@exemple.fr"), List.of());

        assertThat(lastUse("email:marie@exemple.fr")).isEqualTo(clock.instant());
        assertThat(lastUse("phone:+33612345678")).isEqualTo(clock.instant().minus(Duration.ofDays(3)));
        assertThat(jdbc.queryForObject("select count(*) from test_contact_lock", Integer.class)).isEqualTo(2);
    }

    @Test
    void a_late_lock_with_an_older_clock_never_moves_the_last_use_back() {
        clock.setParis(2026, 12, 1, 9, 0);
        locks.lock(List.of("marie@exemple.fr"), List.of());
        Instant first = clock.instant();
        clock.set(first.minus(Duration.ofHours(1)));
        locks.lock(List.of("marie@exemple.fr"), List.of());
        assertThat(lastUse("email:marie@exemple.fr")).isEqualTo(first);
    }

    @Test
    void only_the_rows_unused_since_the_limit_are_forgotten() {
        clock.setParis(2026, 1, 10, 9, 0);
        locks.lock(List.of("ancien@exemple.fr"), List.of());
        clock.setParis(2026, 11, 10, 9, 0);
        locks.lock(List.of("recent@exemple.fr"), List.of());

        int forgotten = locks.forgetUnusedSince(clock.instant().minus(Duration.ofDays(30)));

        assertThat(forgotten).isEqualTo(1);
        assertThat(lastUse("email:ancien@exemple.fr")).isNull();
        assertThat(lastUse("email:recent@exemple.fr")).isNotNull();
    }

    @Test
    void nothing_to_lock_writes_nothing() {
        locks.lock(List.of(), List.of());
        assertThat(jdbc.queryForObject("select count(*) from test_contact_lock", Integer.class)).isZero();
    }

    @Test
    void the_table_name_is_a_plain_identifier() {
        assertThatThrownBy(() -> new ContactLocks("t; drop table x", jdbc, clock))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private Instant lastUse(String contact) {
        return jdbc.query("select last_used_at from test_contact_lock where contact_hash = ?",
                rs -> rs.next() ? UtcColumns.fromDb(rs.getObject(1, java.time.LocalDateTime.class)) : null,
                SecretTokens.hash(contact));
    }
}
