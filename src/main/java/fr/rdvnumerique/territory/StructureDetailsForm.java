package fr.rdvnumerique.territory;

import fr.rdvnumerique.base.i18n.Article;

/** What a coordinator may change about their own structure: what residents read on the portal. */
public record StructureDetailsForm(String name, Article article, String phone, String email) {
}
