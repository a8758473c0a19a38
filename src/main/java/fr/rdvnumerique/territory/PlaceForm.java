package fr.rdvnumerique.territory;

import fr.rdvnumerique.base.i18n.Article;

/** What a coordinator types for a place; {@code article}: how sentences name it (« à la Médiathèque »). */
public record PlaceForm(Long communeId, String name, Article article, PlaceKind kind, String address, StepFreeAccess stepFreeAccess,
                        String transport, String parking, String publicNotes) {
}
