package fr.rdvnumerique.reporting.domain;

import fr.rdvnumerique.reporting.CommuneHours;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Year;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Hours per commune, the figure cost sharing rests on. A convention allocates weekly hours to each commune; over a
 * period, a commune is owed those hours for every week the convention was in force, and pays the costs the subsidy
 * does not cover (a yearly amount) in proportion to its allocated hours, for the same share of the year.
 * Delivered hours are what the records say was done at the commune's places: the two are shown side by side so the
 * council sees whether the allocation is honoured.
 */
public final class HoursPerCommune {

    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);
    private static final BigDecimal SEVEN = BigDecimal.valueOf(7);

    /** What the rule needs of a convention. */
    public record Terms(long id, LocalDate validFrom, LocalDate validUntil, Map<Long, BigDecimal> weeklyHoursByCommune,
                        BigDecimal otherAnnualCosts) {
    }

    private HoursPerCommune() {
    }

    /**
     * @param deliveredMinutes commune id → minutes of help given at its places during the period
     * @param conventions      the structure's conventions (any period; those not in force are ignored)
     * @param names            commune id → name
     * @param splitCost        how a convention splits a cost between its communes (the convention's own rule)
     */
    public static List<CommuneHours> lines(LocalDate from, LocalDate to, Map<Long, Long> deliveredMinutes,
                                           List<Terms> conventions, Map<Long, String> names,
                                           BiFunction<Long, BigDecimal, Map<Long, BigDecimal>> splitCost) {
        Map<Long, BigDecimal> weekly = new HashMap<>();
        Map<Long, BigDecimal> allocated = new HashMap<>();
        Map<Long, BigDecimal> costs = new HashMap<>();
        Set<Long> communes = new LinkedHashSet<>(deliveredMinutes.keySet());
        for (Terms convention : conventions) {
            long days = overlapDays(from, to, convention.validFrom(), convention.validUntil());
            if (days == 0) {
                continue;
            }
            BigDecimal weeks = BigDecimal.valueOf(days).divide(SEVEN, 6, RoundingMode.HALF_UP);
            convention.weeklyHoursByCommune().forEach((commune, hours) -> {
                communes.add(commune);
                weekly.merge(commune, hours, BigDecimal::max);
                allocated.merge(commune, hours.multiply(weeks), BigDecimal::add);
            });
            BigDecimal cost = convention.otherAnnualCosts().multiply(yearsCovered(from, to, convention))
                    .setScale(2, RoundingMode.HALF_UP);
            splitCost.apply(convention.id(), cost).forEach((commune, share) -> costs.merge(commune, share, BigDecimal::add));
        }
        long totalDelivered = deliveredMinutes.values().stream().mapToLong(Long::longValue).sum();
        var lines = new ArrayList<CommuneHours>();
        for (Long commune : communes) {
            long minutes = deliveredMinutes.getOrDefault(commune, 0L);
            lines.add(new CommuneHours(commune, names.getOrDefault(commune, "?"),
                    weekly.getOrDefault(commune, BigDecimal.ZERO),
                    allocated.getOrDefault(commune, BigDecimal.ZERO).setScale(1, RoundingMode.HALF_UP),
                    BigDecimal.valueOf(minutes).divide(SIXTY, 1, RoundingMode.HALF_UP),
                    totalDelivered == 0 ? 0 : (int) Math.round(100.0 * minutes / totalDelivered),
                    costs.get(commune)));
        }
        lines.sort(Comparator.comparing(CommuneHours::communeName));
        return lines;
    }

    /**
     * The share of a year the convention's costs are owed for over the period: each calendar year counts its own
     * length, so a whole leap year costs one yearly amount, not 366/365 of it.
     */
    static BigDecimal yearsCovered(LocalDate from, LocalDate to, Terms convention) {
        LocalDate start = from.isAfter(convention.validFrom()) ? from : convention.validFrom();
        LocalDate end = to.isBefore(convention.validUntil()) ? to : convention.validUntil();
        BigDecimal years = BigDecimal.ZERO;
        for (int year = start.getYear(); year <= end.getYear(); year++) {
            long days = overlapDays(start, end, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
            int length = Year.of(year).length();
            years = years.add(BigDecimal.valueOf(days).divide(BigDecimal.valueOf(length), 12, RoundingMode.HALF_UP));
        }
        return years;
    }

    /** Days of the period the convention covers, both ends included. */
    static long overlapDays(LocalDate from, LocalDate to, LocalDate validFrom, LocalDate validUntil) {
        LocalDate start = from.isAfter(validFrom) ? from : validFrom;
        LocalDate end = to.isBefore(validUntil) ? to : validUntil;
        return end.isBefore(start) ? 0 : ChronoUnit.DAYS.between(start, end) + 1;
    }
}
