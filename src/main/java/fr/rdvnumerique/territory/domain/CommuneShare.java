package fr.rdvnumerique.territory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

/** Weekly advisor hours a convention allocates to one commune. */
@Embeddable
public record CommuneShare(
        @Column(name = "commune_id", nullable = false) long communeId,
        @Column(name = "weekly_hours", nullable = false, precision = 5, scale = 2) BigDecimal weeklyHours) {
}
