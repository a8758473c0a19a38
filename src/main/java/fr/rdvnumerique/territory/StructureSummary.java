package fr.rdvnumerique.territory;

import fr.rdvnumerique.base.domain.PhoneNumber;
import fr.rdvnumerique.base.i18n.Article;
import fr.rdvnumerique.base.i18n.SentenceName;

/** A structure as residents and other modules see it. */
public record StructureSummary(long id, String name, Article article, String slug, StructureKind kind,
                               PhoneNumber phone, String email, boolean active) {

    /** How sentences name the structure: « Appelez le Conseiller numérique de Ludres ». */
    public SentenceName named() {
        return SentenceName.of(name, article);
    }
}
