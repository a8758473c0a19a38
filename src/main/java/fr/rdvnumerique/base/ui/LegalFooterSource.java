package fr.rdvnumerique.base.ui;

/**
 * What the footer of public pages needs of the legal pages: the accessibility state to announce, for a structure or,
 * without one, for the whole portal (the territory module implements it).
 */
public interface LegalFooterSource {

    /**
     * The bundle key of the accessibility state to show (« non conforme »…): the structure's, or the lowest of the
     * active structures' when {@code slug} is null or unknown.
     */
    String accessibilityStateKey(String slug);

    /** The structure's name and retention, for the notice next to a form; null for an unknown slug. */
    NoticeFacts noticeFacts(String slug);

    /** Who collects the data of a form, and for how long it is kept. */
    record NoticeFacts(String structureName, String slug, int retentionMonths) {
    }
}
