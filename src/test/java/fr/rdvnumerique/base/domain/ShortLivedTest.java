package fr.rdvnumerique.base.domain;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdvnumerique.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ShortLivedTest {

    private final TestClock clock = new TestClock();
    private final AtomicInteger reads = new AtomicInteger();

    ShortLivedTest() {
        clock.set(Instant.parse("2026-12-07T10:00:00Z"));
    }

    private String read(String key) {
        reads.incrementAndGet();
        return key == null ? null : key.toUpperCase() + reads.get();
    }

    @Test
    void an_answer_is_read_once_while_it_lives_then_read_again() {
        var cache = new ShortLived<String, String>(Duration.ofSeconds(30), 10, clock);
        assertThat(cache.get("ludres", this::read)).isEqualTo("LUDRES1");
        clock.advance(Duration.ofSeconds(29));
        assertThat(cache.get("ludres", this::read)).isEqualTo("LUDRES1");
        clock.advance(Duration.ofSeconds(1));
        assertThat(cache.get("ludres", this::read)).isEqualTo("LUDRES2");
    }

    @Test
    void no_answer_and_no_key_are_kept_too() {
        var cache = new ShortLived<String, String>(Duration.ofSeconds(30), 10, clock);
        assertThat(cache.get(null, this::read)).isNull();
        assertThat(cache.get(null, this::read)).isNull();
        assertThat(reads).hasValue(1);
    }

    @Test
    void a_change_made_here_is_seen_at_once() {
        var cache = new ShortLived<String, String>(Duration.ofSeconds(30), 10, clock);
        cache.get("ludres", this::read);
        cache.clear();
        assertThat(cache.get("ludres", this::read)).isEqualTo("LUDRES2");
    }

    @Test
    void it_never_holds_more_than_its_bound() {
        var cache = new ShortLived<String, String>(Duration.ofSeconds(30), 3, clock);
        for (int i = 0; i < 10; i++) {
            cache.get("commune" + i, this::read);
        }
        reads.set(0);
        cache.get("commune9", this::read);
        assertThat(reads).as("the newest answer is still kept").hasValue(0);
        cache.get("commune0", this::read);
        assertThat(reads).as("the oldest were dropped").hasValue(1);
    }
}
