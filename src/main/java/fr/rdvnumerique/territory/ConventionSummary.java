package fr.rdvnumerique.territory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A convention with what reporting needs: who hosts, the hours of each commune, how the subsidy is paid.
 *
 * @param weeklyHoursByCommune commune id → weekly hours, in the convention's order
 * @param active               false once the coordinator switched it off (never in force then)
 */
public record ConventionSummary(long id, long structureId, String title, long hostCommuneId, String hostCommuneName,
                                LocalDate signedOn, LocalDate validFrom, LocalDate validUntil, int posts,
                                BigDecimal subsidyAmount, BigDecimal otherAnnualCosts,
                                Map<Long, BigDecimal> weeklyHoursByCommune, BigDecimal totalWeeklyHours,
                                List<InstalmentLine> instalments, boolean active) {

    /** One payment of the subsidy. */
    public record InstalmentLine(LocalDate dueOn, int percent, BigDecimal amount) {
    }
}
