package fr.rdvnumerique.territory;

import fr.rdvnumerique.base.i18n.Article;

/** What an administrator types for a structure; {@code article}: how sentences name it (« Appelez le … »). */
public record StructureForm(String name, Article article, String slug, StructureKind kind, String phone, String email) {
}
