package fr.rdvnumerique.territory;

/** What an administrator types for a structure. */
public record StructureForm(String name, String slug, StructureKind kind, String phone, String email) {
}
