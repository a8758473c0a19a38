package fr.rdvnumerique.appointment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdvnumerique.appointment.FreeSlot;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Free slots in every edge case, without Spring: hours, buffers, busy time, holidays, DST, leap days, notice, horizon. */
class SlotCalculatorTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final long ADVISOR = 1;
    private static final long OTHER_ADVISOR = 2;
    private static final long PLACE = 10;
    private static final SlotRules HOUR = rules(45, 15, 24, 42);

    private final SlotCalculator calculator = new SlotCalculator(PARIS);
    private final List<OpeningWindow> windows = new ArrayList<>();
    private final Map<Long, List<TimeInterval>> busy = new HashMap<>();
    private Set<LocalDate> closed = Set.of();

    private static SlotRules rules(int duration, int buffer, int noticeHours, int horizonDays) {
        return new SlotRules(Duration.ofMinutes(duration), Duration.ofMinutes(buffer), Duration.ofHours(noticeHours), horizonDays);
    }

    private static Instant paris(int y, int m, int d, int h, int min) {
        return ZonedDateTime.of(y, m, d, h, min, 0, 0, PARIS).toInstant();
    }

    private void open(long advisor, DayOfWeek day, String from, String to) {
        windows.add(new OpeningWindow(advisor, PLACE, day, LocalTime.parse(from), LocalTime.parse(to), LocalDate.of(2020, 1, 1), null));
    }

    private void busy(long advisor, Instant from, Instant to) {
        busy.computeIfAbsent(advisor, a -> new ArrayList<>()).add(new TimeInterval(from, to));
    }

    private List<FreeSlot> slots(SlotRules rules, Instant now, LocalDate from, LocalDate to) {
        return calculator.freeSlots(new SlotCalculator.Availability(windows, closed, busy), rules, now, from, to);
    }

    private List<FreeSlot> slotsOn(LocalDate day, SlotRules rules) {
        // "Now" a week before, at midnight: far enough for the notice, close enough for the horizon.
        return slots(rules, day.minusDays(7).atStartOfDay(PARIS).toInstant(), day, day);
    }

    private static List<LocalTime> times(List<FreeSlot> slots) {
        return slots.stream().map(s -> s.start().atZone(PARIS).toLocalTime()).toList();
    }

    // Tuesday 1 December 2026
    private static final LocalDate TUESDAY = LocalDate.of(2026, 12, 1);

    @Test
    void a_morning_of_opening_hours_gives_one_slot_per_duration_and_buffer() {
        open(ADVISOR, DayOfWeek.TUESDAY, "09:00", "12:00");
        List<FreeSlot> slots = slotsOn(TUESDAY, HOUR);
        assertThat(times(slots)).containsExactly(LocalTime.of(9, 0), LocalTime.of(10, 0), LocalTime.of(11, 0));
        assertThat(slots.getFirst().end()).isEqualTo(paris(2026, 12, 1, 9, 45));
        assertThat(slots.getFirst().advisorIds()).containsExactly(ADVISOR);
    }

    @Test
    void the_last_appointment_ends_by_closing_time_and_its_buffer_may_run_past_it() {
        open(ADVISOR, DayOfWeek.TUESDAY, "09:00", "12:00");
        // 30 min + 10 min buffer: 9:00, 9:40, 10:20, 11:00; 11:40 would end at 12:10.
        assertThat(times(slotsOn(TUESDAY, rules(30, 10, 0, 42))))
                .containsExactly(LocalTime.of(9, 0), LocalTime.of(9, 40), LocalTime.of(10, 20), LocalTime.of(11, 0));
        // 45 min without buffer: 9:00, 9:45, 10:30, 11:15 ends exactly at noon.
        assertThat(times(slotsOn(TUESDAY, rules(45, 0, 0, 42))))
                .containsExactly(LocalTime.of(9, 0), LocalTime.of(9, 45), LocalTime.of(10, 30), LocalTime.of(11, 15));
    }

    @Test
    void overlapping_opening_hours_of_one_advisor_are_merged_without_duplicate_slots() {
        open(ADVISOR, DayOfWeek.TUESDAY, "09:00", "11:00");
        open(ADVISOR, DayOfWeek.TUESDAY, "10:00", "12:00");
        open(ADVISOR, DayOfWeek.TUESDAY, "09:30", "10:30");
        assertThat(times(slotsOn(TUESDAY, HOUR))).containsExactly(LocalTime.of(9, 0), LocalTime.of(10, 0), LocalTime.of(11, 0));
    }

    @Test
    void two_advisors_free_at_the_same_time_make_one_slot_with_both() {
        open(ADVISOR, DayOfWeek.TUESDAY, "09:00", "11:00");
        open(OTHER_ADVISOR, DayOfWeek.TUESDAY, "10:00", "12:00");
        List<FreeSlot> slots = slotsOn(TUESDAY, HOUR);
        assertThat(times(slots)).containsExactly(LocalTime.of(9, 0), LocalTime.of(10, 0), LocalTime.of(11, 0));
        assertThat(slots.get(1).advisorIds()).containsExactly(ADVISOR, OTHER_ADVISOR);
        assertThat(slots.get(2).advisorIds()).containsExactly(OTHER_ADVISOR);
    }

    @Test
    void a_booked_appointment_and_its_buffer_take_the_time() {
        open(ADVISOR, DayOfWeek.TUESDAY, "09:00", "12:00");
        busy(ADVISOR, paris(2026, 12, 1, 10, 0), paris(2026, 12, 1, 11, 0));
        assertThat(times(slotsOn(TUESDAY, HOUR))).containsExactly(LocalTime.of(9, 0), LocalTime.of(11, 0));
    }

    @Test
    void a_slot_whose_buffer_would_overlap_something_is_not_offered() {
        open(ADVISOR, DayOfWeek.TUESDAY, "09:00", "12:00");
        // Busy from 9:50: the 9:00 appointment ends at 9:45 but its buffer runs to 10:00.
        busy(ADVISOR, paris(2026, 12, 1, 9, 50), paris(2026, 12, 1, 10, 0));
        assertThat(times(slotsOn(TUESDAY, HOUR))).containsExactly(LocalTime.of(10, 0), LocalTime.of(11, 0));
    }

    @Test
    void the_advisors_own_atelier_session_elsewhere_moves_the_next_slot_to_its_end() {
        open(ADVISOR, DayOfWeek.TUESDAY, "09:00", "12:00");
        busy(ADVISOR, paris(2026, 12, 1, 9, 30), paris(2026, 12, 1, 10, 10));
        assertThat(times(slotsOn(TUESDAY, HOUR))).containsExactly(LocalTime.of(10, 10), LocalTime.of(11, 10));
    }

    @Test
    void an_absence_removes_the_advisor_but_not_a_colleague() {
        open(ADVISOR, DayOfWeek.TUESDAY, "09:00", "12:00");
        open(OTHER_ADVISOR, DayOfWeek.TUESDAY, "09:00", "10:00");
        busy(ADVISOR, paris(2026, 11, 30, 0, 0), paris(2026, 12, 5, 0, 0));
        List<FreeSlot> slots = slotsOn(TUESDAY, HOUR);
        assertThat(times(slots)).containsExactly(LocalTime.of(9, 0));
        assertThat(slots.getFirst().advisorIds()).containsExactly(OTHER_ADVISOR);
    }

    @Test
    void overlapping_busy_periods_are_merged() {
        open(ADVISOR, DayOfWeek.TUESDAY, "09:00", "12:00");
        busy(ADVISOR, paris(2026, 12, 1, 9, 0), paris(2026, 12, 1, 10, 0));
        busy(ADVISOR, paris(2026, 12, 1, 9, 30), paris(2026, 12, 1, 10, 30));
        busy(ADVISOR, paris(2026, 12, 1, 10, 30), paris(2026, 12, 1, 10, 35));
        assertThat(times(slotsOn(TUESDAY, HOUR))).containsExactly(LocalTime.of(10, 35));
    }

    @Test
    void closed_days_give_no_slot() {
        open(ADVISOR, DayOfWeek.TUESDAY, "09:00", "12:00");
        closed = Set.of(TUESDAY);
        assertThat(slotsOn(TUESDAY, HOUR)).isEmpty();
        assertThat(slotsOn(TUESDAY.plusWeeks(1), HOUR)).hasSize(3);
    }

    @Test
    void good_friday_and_26_december_are_closed_in_moselle_but_not_in_meurthe_et_moselle() {
        // Good Friday 2027 is 26 March; 26 December 2028 is a Tuesday.
        open(ADVISOR, DayOfWeek.FRIDAY, "09:00", "12:00");
        open(ADVISOR, DayOfWeek.TUESDAY, "09:00", "12:00");
        LocalDate goodFriday = LocalDate.of(2027, 3, 26);
        LocalDate stStephen = LocalDate.of(2028, 12, 26);

        closed = FrenchHolidays.between(goodFriday, goodFriday, "57");
        assertThat(slotsOn(goodFriday, HOUR)).isEmpty();
        closed = FrenchHolidays.between(stStephen, stStephen, "57");
        assertThat(slotsOn(stStephen, HOUR)).isEmpty();

        closed = FrenchHolidays.between(goodFriday, goodFriday, "54");
        assertThat(slotsOn(goodFriday, HOUR)).hasSize(3);
        closed = FrenchHolidays.between(stStephen, stStephen, "54");
        assertThat(slotsOn(stStephen, HOUR)).hasSize(3);
    }

    @Test
    void national_holidays_are_closed_everywhere_including_easter_monday() {
        open(ADVISOR, DayOfWeek.MONDAY, "09:00", "12:00");
        LocalDate easterMonday = LocalDate.of(2027, 3, 29);
        closed = FrenchHolidays.between(easterMonday, easterMonday, "21");
        assertThat(slotsOn(easterMonday, HOUR)).isEmpty();
    }

    @Test
    void slots_keep_their_wall_clock_times_across_the_march_clock_change() {
        // Last Sunday of March 2027: 28 March, 2:00 becomes 3:00.
        open(ADVISOR, DayOfWeek.SATURDAY, "09:00", "12:00");
        open(ADVISOR, DayOfWeek.SUNDAY, "09:00", "12:00");
        List<FreeSlot> slots = slots(HOUR, paris(2027, 3, 20, 0, 0), LocalDate.of(2027, 3, 27), LocalDate.of(2027, 3, 28));
        assertThat(slots).extracting(FreeSlot::start).containsExactly(
                Instant.parse("2027-03-27T08:00:00Z"), Instant.parse("2027-03-27T09:00:00Z"), Instant.parse("2027-03-27T10:00:00Z"),
                Instant.parse("2027-03-28T07:00:00Z"), Instant.parse("2027-03-28T08:00:00Z"), Instant.parse("2027-03-28T09:00:00Z"));
    }

    @Test
    void opening_hours_over_the_missing_hour_in_march_last_one_hour_less() {
        open(ADVISOR, DayOfWeek.SUNDAY, "01:00", "04:00");
        List<FreeSlot> slots = slots(rules(60, 0, 0, 42), paris(2027, 3, 20, 0, 0), LocalDate.of(2027, 3, 28), LocalDate.of(2027, 3, 28));
        assertThat(slots).extracting(FreeSlot::start)
                .containsExactly(Instant.parse("2027-03-28T00:00:00Z"), Instant.parse("2027-03-28T01:00:00Z"));
        assertThat(times(slots)).containsExactly(LocalTime.of(1, 0), LocalTime.of(3, 0));
    }

    @Test
    void opening_hours_over_the_repeated_hour_in_october_last_one_hour_more() {
        // Last Sunday of October 2027: 31 October, 3:00 becomes 2:00 again.
        open(ADVISOR, DayOfWeek.SUNDAY, "01:00", "04:00");
        List<FreeSlot> slots = slots(rules(60, 0, 0, 42), paris(2027, 10, 20, 0, 0), LocalDate.of(2027, 10, 31), LocalDate.of(2027, 10, 31));
        assertThat(slots).extracting(FreeSlot::start).containsExactly(Instant.parse("2027-10-30T23:00:00Z"),
                Instant.parse("2027-10-31T00:00:00Z"), Instant.parse("2027-10-31T01:00:00Z"), Instant.parse("2027-10-31T02:00:00Z"));
        assertThat(times(slots)).containsExactly(LocalTime.of(1, 0), LocalTime.of(2, 0), LocalTime.of(2, 0), LocalTime.of(3, 0));
    }

    @Test
    void daytime_slots_follow_the_october_clock_change() {
        open(ADVISOR, DayOfWeek.SATURDAY, "14:00", "15:00");
        open(ADVISOR, DayOfWeek.SUNDAY, "14:00", "15:00");
        List<FreeSlot> slots = slots(HOUR, paris(2027, 10, 20, 0, 0), LocalDate.of(2027, 10, 30), LocalDate.of(2027, 10, 31));
        assertThat(slots).extracting(FreeSlot::start)
                .containsExactly(Instant.parse("2027-10-30T12:00:00Z"), Instant.parse("2027-10-31T13:00:00Z"));
    }

    @Test
    void the_leap_day_has_slots_and_the_horizon_counts_it() {
        // 29 February 2028 is a Tuesday; 9 days after 20 February is 29 February.
        open(ADVISOR, DayOfWeek.TUESDAY, "09:00", "10:00");
        open(ADVISOR, DayOfWeek.WEDNESDAY, "09:00", "10:00");
        List<FreeSlot> slots = slots(rules(45, 15, 24, 9), paris(2028, 2, 20, 8, 0), LocalDate.of(2028, 2, 20), LocalDate.of(2028, 3, 10));
        assertThat(slots).extracting(FreeSlot::day)
                .containsExactly(LocalDate.of(2028, 2, 22), LocalDate.of(2028, 2, 23), LocalDate.of(2028, 2, 29));
    }

    @Test
    void the_minimum_notice_hides_slots_that_are_too_soon() {
        open(ADVISOR, DayOfWeek.TUESDAY, "09:00", "12:00");
        open(ADVISOR, DayOfWeek.MONDAY, "09:00", "12:00");
        // Monday 30 November 2026 at 9:30: with 24 h notice, Monday is gone and Tuesday starts at 10:00.
        List<FreeSlot> slots = slots(HOUR, paris(2026, 11, 30, 9, 30), LocalDate.of(2026, 11, 30), TUESDAY);
        assertThat(slots).extracting(FreeSlot::start)
                .containsExactly(paris(2026, 12, 1, 10, 0), paris(2026, 12, 1, 11, 0));
        // Without notice, what remains of today from now on.
        assertThat(slots(rules(45, 15, 0, 42), paris(2026, 11, 30, 9, 30), LocalDate.of(2026, 11, 30), LocalDate.of(2026, 11, 30)))
                .extracting(FreeSlot::start).containsExactly(paris(2026, 11, 30, 10, 0), paris(2026, 11, 30, 11, 0));
    }

    @Test
    void the_horizon_stops_after_its_last_day_and_past_days_give_nothing() {
        open(ADVISOR, DayOfWeek.TUESDAY, "09:00", "10:00");
        Instant now = paris(2026, 12, 1, 8, 0);
        List<FreeSlot> slots = slots(rules(45, 15, 0, 42), now, LocalDate.of(2026, 11, 1), LocalDate.of(2027, 3, 1));
        // 42 days after Tuesday 1 December is Tuesday 12 January: seven Tuesdays including both.
        assertThat(slots).extracting(FreeSlot::day).first().isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(slots).extracting(FreeSlot::day).last().isEqualTo(LocalDate.of(2027, 1, 12));
        assertThat(slots).hasSize(7);
    }

    @Test
    void opening_hours_apply_only_between_their_dates() {
        windows.add(new OpeningWindow(ADVISOR, PLACE, DayOfWeek.TUESDAY, LocalTime.of(9, 0), LocalTime.of(10, 0),
                LocalDate.of(2026, 12, 8), LocalDate.of(2026, 12, 15)));
        List<FreeSlot> slots = slots(HOUR, paris(2026, 11, 28, 0, 0), TUESDAY, LocalDate.of(2026, 12, 31));
        assertThat(slots).extracting(FreeSlot::day).containsExactly(LocalDate.of(2026, 12, 8), LocalDate.of(2026, 12, 15));
    }

    @Test
    void ceil_to_grid_rounds_up_to_five_minutes() {
        assertThat(SlotCalculator.ceilToGrid(Instant.parse("2026-12-01T09:01:00Z"))).isEqualTo(Instant.parse("2026-12-01T09:05:00Z"));
        assertThat(SlotCalculator.ceilToGrid(Instant.parse("2026-12-01T09:05:00Z"))).isEqualTo(Instant.parse("2026-12-01T09:05:00Z"));
        assertThat(SlotCalculator.ceilToGrid(LocalDateTime.of(2026, 12, 1, 9, 5, 0, 1).toInstant(java.time.ZoneOffset.UTC)))
                .isEqualTo(Instant.parse("2026-12-01T09:10:00Z"));
    }
}
