package fr.rdvnumerique.territory;

import fr.rdvnumerique.base.i18n.Article;
import fr.rdvnumerique.base.i18n.SentenceName;

/**
 * A place where the advisor receives people, with what a resident needs to get there.
 */
public record PlaceSummary(long id, long structureId, String name, Article article, PlaceKind kind, String address, long communeId,
                           String communeName, String postalCode, String inseeCode, StepFreeAccess stepFreeAccess,
                           String transport, String parking, String publicNotes, boolean active) {

    /** How sentences name the place: « à la Médiathèque de Ludres ». */
    public SentenceName named() {
        return SentenceName.of(name, article);
    }

    /** "1 rue de la Paix, 54710 Ludres". */
    public String fullAddress() {
        return address + ", " + postalCode + " " + communeName;
    }

    public String departmentCode() {
        return Departments.ofInseeCode(inseeCode);
    }
}
