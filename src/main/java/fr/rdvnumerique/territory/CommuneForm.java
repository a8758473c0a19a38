package fr.rdvnumerique.territory;

/** What a coordinator types for a commune. */
public record CommuneForm(String name, String inseeCode, String postalCode) {
}
