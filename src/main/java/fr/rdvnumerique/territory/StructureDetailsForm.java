package fr.rdvnumerique.territory;

/** What a coordinator may change about their own structure: what residents read on the portal. */
public record StructureDetailsForm(String name, String phone, String email) {
}
