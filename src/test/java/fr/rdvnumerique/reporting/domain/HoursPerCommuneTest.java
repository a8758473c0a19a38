package fr.rdvnumerique.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdvnumerique.reporting.CommuneHours;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

class HoursPerCommuneTest {

    private static final long LUDRES = 1;
    private static final long HOUDEMONT = 2;
    private static final long HEILLECOURT = 3;
    private static final Map<Long, String> NAMES = Map.of(LUDRES, "Ludres", HOUDEMONT, "Houdemont", HEILLECOURT, "Heillecourt");
    private static final LocalDate JAN_1 = LocalDate.of(2025, 1, 1);
    private static final LocalDate DEC_31 = LocalDate.of(2025, 12, 31);

    /** 20 h for Ludres, 10 h for Houdemont, 5 h for Heillecourt; 7,000 € a year that the subsidy does not cover. */
    private static HoursPerCommune.Terms convention(LocalDate from, LocalDate until) {
        return new HoursPerCommune.Terms(9, from, until, Map.of(LUDRES, new BigDecimal("20"), HOUDEMONT,
                new BigDecimal("10"), HEILLECOURT, new BigDecimal("5")), new BigDecimal("7000"));
    }

    /** Proportional to the hours, as the convention's own rule does (rounding left aside here). */
    private static final BiFunction<Long, BigDecimal, Map<Long, BigDecimal>> PROPORTIONAL = (id, cost) -> {
        var shares = new HashMap<Long, BigDecimal>();
        shares.put(LUDRES, cost.multiply(new BigDecimal("20")).divide(new BigDecimal("35"), 2, RoundingMode.HALF_UP));
        shares.put(HOUDEMONT, cost.multiply(new BigDecimal("10")).divide(new BigDecimal("35"), 2, RoundingMode.HALF_UP));
        shares.put(HEILLECOURT, cost.multiply(new BigDecimal("5")).divide(new BigDecimal("35"), 2, RoundingMode.HALF_UP));
        return shares;
    };

    private static CommuneHours line(List<CommuneHours> lines, long commune) {
        return lines.stream().filter(l -> l.communeId() == commune).findFirst().orElseThrow();
    }

    @Test
    void a_commune_is_owed_its_weekly_hours_for_every_week_of_the_period() {
        var lines = HoursPerCommune.lines(JAN_1, DEC_31, Map.of(), List.of(convention(JAN_1, DEC_31)), NAMES, PROPORTIONAL);

        // 365 days = 52.14 weeks.
        assertThat(line(lines, LUDRES).allocatedHours()).isEqualByComparingTo("1042.9");
        assertThat(line(lines, HOUDEMONT).allocatedHours()).isEqualByComparingTo("521.4");
        assertThat(line(lines, HEILLECOURT).weeklyHours()).isEqualByComparingTo("5");
    }

    @Test
    void only_the_weeks_the_convention_was_in_force_count() {
        // Signed for the second half of the year only: 184 days.
        var lines = HoursPerCommune.lines(JAN_1, DEC_31, Map.of(),
                List.of(convention(LocalDate.of(2025, 7, 1), LocalDate.of(2027, 6, 30))), NAMES, PROPORTIONAL);

        assertThat(line(lines, LUDRES).allocatedHours()).isEqualByComparingTo("525.7");
        assertThat(line(lines, LUDRES).costShare()).isEqualByComparingTo("2016.44");
    }

    @Test
    void uncovered_costs_are_shared_in_proportion_to_the_allocated_hours_for_the_days_of_the_period() {
        var lines = HoursPerCommune.lines(JAN_1, DEC_31, Map.of(), List.of(convention(JAN_1, DEC_31)), NAMES, PROPORTIONAL);

        assertThat(line(lines, LUDRES).costShare()).isEqualByComparingTo("4000.00");
        assertThat(line(lines, HOUDEMONT).costShare()).isEqualByComparingTo("2000.00");
        assertThat(line(lines, HEILLECOURT).costShare()).isEqualByComparingTo("1000.00");
    }

    @Test
    void delivered_hours_stand_beside_allocated_ones_with_their_share() {
        var delivered = Map.of(LUDRES, 600L * 60, HOUDEMONT, 150L * 60, HEILLECOURT, 0L);

        var lines = HoursPerCommune.lines(JAN_1, DEC_31, delivered, List.of(convention(JAN_1, DEC_31)), NAMES, PROPORTIONAL);

        assertThat(line(lines, LUDRES).deliveredHours()).isEqualByComparingTo("600.0");
        assertThat(line(lines, LUDRES).deliveredPercent()).isEqualTo(80);
        assertThat(line(lines, HOUDEMONT).deliveredPercent()).isEqualTo(20);
        assertThat(line(lines, HEILLECOURT).deliveredHours()).isEqualByComparingTo("0");
        assertThat(lines).extracting(CommuneHours::communeName).containsExactly("Heillecourt", "Houdemont", "Ludres");
    }

    @Test
    void without_a_convention_only_delivered_hours_are_shown() {
        var lines = HoursPerCommune.lines(JAN_1, DEC_31, Map.of(LUDRES, 90L), List.of(convention(LocalDate.of(2020, 1, 1),
                LocalDate.of(2021, 12, 31))), NAMES, PROPORTIONAL);

        assertThat(lines).singleElement().satisfies(l -> {
            assertThat(l.communeName()).isEqualTo("Ludres");
            assertThat(l.deliveredHours()).isEqualByComparingTo("1.5");
            assertThat(l.allocatedHours()).isEqualByComparingTo("0");
            assertThat(l.costShare()).isNull();
        });
    }

    @Test
    void a_whole_year_costs_one_yearly_amount_whatever_its_length() {
        for (int year = 2027; year <= 2029; year++) {
            LocalDate first = LocalDate.of(year, 1, 1);
            LocalDate last = LocalDate.of(year, 12, 31);
            var lines = HoursPerCommune.lines(first, last, Map.of(), List.of(convention(first, last)), NAMES, PROPORTIONAL);

            assertThat(line(lines, LUDRES).costShare()).as("year %d", year).isEqualByComparingTo("4000.00");
            assertThat(line(lines, HOUDEMONT).costShare()).as("year %d", year).isEqualByComparingTo("2000.00");
            assertThat(line(lines, HEILLECOURT).costShare()).as("year %d", year).isEqualByComparingTo("1000.00");
        }
    }

    @Test
    void a_period_across_a_leap_year_counts_each_year_by_its_own_length() {
        // From 1 July 2027 to 30 June 2028: 184/365 of 2027 and 182/366 of 2028 (leap year).
        var from = LocalDate.of(2027, 7, 1);
        var to = LocalDate.of(2028, 6, 30);
        var lines = HoursPerCommune.lines(from, to, Map.of(), List.of(convention(LocalDate.of(2027, 1, 1),
                LocalDate.of(2029, 12, 31))), NAMES, PROPORTIONAL);

        var expected = new BigDecimal("7000").multiply(new BigDecimal(184).divide(new BigDecimal(365), 12, RoundingMode.HALF_UP)
                .add(new BigDecimal(182).divide(new BigDecimal(366), 12, RoundingMode.HALF_UP))).setScale(2, RoundingMode.HALF_UP);
        assertThat(expected).isEqualByComparingTo("7009.64");
        assertThat(line(lines, LUDRES).costShare()).isEqualByComparingTo(
                expected.multiply(new BigDecimal("20")).divide(new BigDecimal("35"), 2, RoundingMode.HALF_UP));
    }

    @Test
    void the_29th_of_february_costs_a_366th_of_its_year() {
        var leapDay = LocalDate.of(2028, 2, 29);
        var lines = HoursPerCommune.lines(leapDay, leapDay, Map.of(), List.of(convention(LocalDate.of(2028, 1, 1),
                LocalDate.of(2028, 12, 31))), NAMES, PROPORTIONAL);

        // 7000 / 366 = 19.13 for the day, 20/35 of it for Ludres.
        assertThat(line(lines, LUDRES).costShare()).isEqualByComparingTo("10.93");
    }

    @Test
    void overlap_counts_both_ends() {
        assertThat(HoursPerCommune.overlapDays(JAN_1, JAN_1, JAN_1, DEC_31)).isEqualTo(1);
        assertThat(HoursPerCommune.overlapDays(JAN_1, DEC_31, DEC_31, LocalDate.of(2026, 5, 1))).isEqualTo(1);
        assertThat(HoursPerCommune.overlapDays(JAN_1, LocalDate.of(2025, 1, 31), LocalDate.of(2025, 2, 1), DEC_31)).isZero();
    }
}
