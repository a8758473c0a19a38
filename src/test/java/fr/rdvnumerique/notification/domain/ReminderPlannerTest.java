package fr.rdvnumerique.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdvnumerique.base.time.ParisTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When reminders go out: offsets before the start, never at night, never in the past. */
class ReminderPlannerTest {

    final ReminderPlanner planner = new ReminderPlanner(new QuietHours(20, 8));

    static Instant paris(int month, int day, int hour, int minute) {
        return ZonedDateTime.of(2026, month, day, hour, minute, 0, 0, ParisTime.ZONE).toInstant();
    }

    @Test
    void a_reminder_goes_out_the_chosen_time_before_the_start() {
        assertThat(planner.due(paris(12, 3, 14, 0), Duration.ofHours(48), paris(11, 20, 10, 0)))
                .contains(paris(12, 1, 14, 0));
    }

    @Test
    void a_reminder_due_in_the_evening_waits_for_eight_the_next_morning() {
        // Atelier on Thursday at 9:30: 48 h before is Tuesday 9:30; 24 h before is Wednesday 9:30. At 21:00: moved.
        assertThat(planner.due(paris(12, 3, 21, 0), Duration.ofHours(24), paris(11, 20, 10, 0)))
                .contains(paris(12, 3, 8, 0));
        assertThat(planner.due(paris(12, 3, 20, 0), Duration.ofHours(24), paris(11, 20, 10, 0)))
                .as("20:00 is already night").contains(paris(12, 3, 8, 0));
    }

    @Test
    void a_reminder_due_before_dawn_waits_for_eight_the_same_morning() {
        assertThat(planner.due(paris(12, 3, 9, 0), Duration.ofHours(3), paris(11, 20, 10, 0)))
                .contains(paris(12, 3, 8, 0));
        assertThat(planner.due(paris(12, 3, 7, 59), Duration.ofMinutes(1), paris(11, 20, 10, 0)))
                .as("moved past the start: pointless").isEmpty();
    }

    @Test
    void a_reminder_whose_time_has_passed_is_skipped() {
        // Booked 30 h ahead: the 48 h reminder is gone, the 24 h one stays.
        Instant now = paris(12, 1, 10, 0);
        Instant start = paris(12, 2, 16, 0);
        assertThat(planner.plan(start, List.of(Duration.ofHours(48), Duration.ofHours(24)), now))
                .extracting(ReminderPlanner.Plan::dueAt)
                .containsExactly(Optional.empty(), Optional.of(paris(12, 1, 16, 0)));
    }

    @Test
    void two_reminders_moved_to_the_same_morning_become_one() {
        // 10 h and 12 h before an 8:30 start: 22:30 and 20:30 the evening before, both moved to 8:00.
        Instant start = paris(12, 3, 8, 30);
        assertThat(planner.plan(start, List.of(Duration.ofHours(10), Duration.ofHours(12)), paris(11, 20, 10, 0)))
                .extracting(ReminderPlanner.Plan::dueAt)
                .containsExactly(Optional.of(paris(12, 3, 8, 0)), Optional.empty());
    }

    @Test
    void quiet_hours_follow_paris_time_across_the_clock_change() {
        // 29 March 2026: clocks go forward at 2:00. 7:00 Paris is 5:00 UTC that day, and is moved to 8:00 Paris.
        assertThat(new QuietHours(20, 8).nextAllowed(Instant.parse("2026-03-29T05:00:00Z")))
                .isEqualTo(Instant.parse("2026-03-29T06:00:00Z"));
    }
}
