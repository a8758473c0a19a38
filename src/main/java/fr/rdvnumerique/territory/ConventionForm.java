package fr.rdvnumerique.territory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What a coordinator types for a convention de mutualisation. */
public record ConventionForm(String title, Long hostCommuneId, LocalDate signedOn, LocalDate validFrom,
                             LocalDate validUntil, int posts, BigDecimal subsidyAmount, BigDecimal otherAnnualCosts,
                             List<Share> shares, List<Instalment> instalments) {

    public record Share(Long communeId, BigDecimal weeklyHours) {
    }

    public record Instalment(int percent, int monthsAfterSignature) {
    }
}
