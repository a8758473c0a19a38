package fr.rdvnumerique.territory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Part of the State subsidy paid so many months after signature (e.g. 20 % at 0, 30 % at 6, 50 % at 12). */
@Embeddable
public record SubsidyInstalment(
        @Column(name = "percent", nullable = false) int percent,
        @Column(name = "months_after_signature", nullable = false) int monthsAfterSignature) {
}
