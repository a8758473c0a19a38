package fr.rdvnumerique.reporting;

import java.math.BigDecimal;

/**
 * One commune's line in the cost-sharing table: the advisor hours the convention allocates to it over the period,
 * the hours of help actually given at its places, and its share of the costs the subsidy does not cover.
 *
 * @param allocatedHours hours owed under the convention(s) in force during the period; zero without a convention
 * @param deliveredHours rendez-vous, walk-in help and atelier sessions at the commune's places
 * @param costShare      the commune's share of the uncovered costs of the period, in euros; null without a convention
 */
public record CommuneHours(long communeId, String communeName, BigDecimal weeklyHours, BigDecimal allocatedHours,
                           BigDecimal deliveredHours, int deliveredPercent, BigDecimal costShare) {
}
