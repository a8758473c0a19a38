package fr.rdvnumerique.base.web;

/**
 * Where the legal pages are (the territory module serves them): a structure's three pages, and the index of every
 * structure's pages for screens that belong to none (the portal's home, the sign-in page, a kiosk not yet enrolled).
 */
public final class LegalPaths {

    public static final String INDEX = "informations-legales";

    private LegalPaths() {
    }

    public static String legalNotice(String slug) {
        return "territoire/" + slug + "/mentions-legales";
    }

    public static String personalData(String slug) {
        return "territoire/" + slug + "/donnees-personnelles";
    }

    public static String accessibility(String slug) {
        return "territoire/" + slug + "/accessibilite";
    }
}
