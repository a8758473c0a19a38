package fr.rdvnumerique.territory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AdvisorScheduleBlocksTest {

    @Test
    void an_hour_is_twelve_blocks_of_five_minutes() {
        var start = Instant.parse("2026-12-01T13:00:00Z");
        assertThat(AdvisorSchedule.blocks(start, start.plusSeconds(3600))).hasSize(12)
                .startsWith(start).endsWith(Instant.parse("2026-12-01T13:55:00Z"));
    }

    @Test
    void times_between_blocks_claim_the_whole_blocks_they_touch() {
        assertThat(AdvisorSchedule.blocks(Instant.parse("2026-12-01T13:02:00Z"), Instant.parse("2026-12-01T13:11:00Z")))
                .containsExactly(Instant.parse("2026-12-01T13:00:00Z"), Instant.parse("2026-12-01T13:05:00Z"),
                        Instant.parse("2026-12-01T13:10:00Z"));
    }
}
