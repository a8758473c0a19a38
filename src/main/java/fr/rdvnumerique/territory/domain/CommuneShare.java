package fr.rdvnumerique.territory.domain;

import java.math.BigDecimal;

/** Weekly advisor hours a convention allocates to one commune. */
public record CommuneShare(long communeId, BigDecimal weeklyHours) {
}
