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
        // 12 h before a 9:00 appointment is 21:00 the evening before: moved to 8:00.
        assertThat(planner.due(paris(12, 3, 9, 0), Duration.ofHours(12), paris(11, 20, 10, 0)))
                .contains(paris(12, 3, 8, 0));
        assertThat(planner.due(paris(12, 3, 8, 30), Duration.ofMinutes(750), paris(11, 20, 10, 0)))
                .as("20:00 is already night").contains(paris(12, 3, 8, 0));
    }

    @Test
    void the_day_before_is_the_same_clock_time_on_the_previous_day() {
        assertThat(planner.due(paris(12, 3, 14, 0), Duration.ofHours(24), paris(11, 20, 10, 0)))
                .contains(paris(12, 2, 14, 0));
        // 29 March 2026, clocks go forward: the day before a Monday 9:00 atelier is Sunday 9:00, 23 hours earlier.
        assertThat(planner.due(paris(3, 30, 9, 0), Duration.ofHours(24), paris(3, 1, 10, 0)))
                .contains(paris(3, 29, 9, 0));
    }

    @Test
    void the_day_before_stays_on_the_day_before_whatever_the_quiet_hours() {
        // A 21:00 atelier: the day before at 21:00 is night; it goes at 19:00 that evening, not at 8:00 on the day.
        assertThat(planner.due(paris(12, 3, 21, 0), Duration.ofHours(24), paris(11, 20, 10, 0)))
                .contains(paris(12, 2, 19, 0));
        // A 7:30 start: the day before at 7:30 is night; it goes at 8:00 the day before.
        assertThat(planner.due(paris(12, 3, 7, 30), Duration.ofHours(24), paris(11, 20, 10, 0)))
                .contains(paris(12, 2, 8, 0));
        assertThat(planner.due(paris(12, 3, 21, 0), Duration.ofHours(48), paris(11, 20, 10, 0)))
                .as("two days before, the same way").contains(paris(12, 1, 19, 0));
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
