package fr.rdvnumerique.territory;

/** What a coordinator types for a place. */
public record PlaceForm(Long communeId, String name, PlaceKind kind, String address, StepFreeAccess stepFreeAccess,
                        String transport, String parking, String publicNotes) {
}
