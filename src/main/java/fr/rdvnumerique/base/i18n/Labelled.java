package fr.rdvnumerique.base.i18n;

/**
 * A value shown to users by its label, e.g. an enum constant. {@code I18nBundlesTest} finds every enum that
 * implements this and checks that each constant's key exists in the bundles.
 */
public interface Labelled {

    /** The i18n key of the label, e.g. {@code territory.place.kind.MEDIATHEQUE}. */
    String labelKey();
}
