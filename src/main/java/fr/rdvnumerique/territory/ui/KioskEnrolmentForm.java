package fr.rdvnumerique.territory.ui;

/**
 * What the coordinator types to equip a kiosk. Public, like every record a {@code Binder} reads: the binder
 * calls its accessors by reflection, which a record nested in a package-private view does not allow.
 */
public record KioskEnrolmentForm(Long placeId, String label) {
}
