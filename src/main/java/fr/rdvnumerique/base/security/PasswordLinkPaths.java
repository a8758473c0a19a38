package fr.rdvnumerique.base.security;

/** Where the password pages are, for the mails and the sign-in page's « Mot de passe oublié ». */
public final class PasswordLinkPaths {

    public static final String FORGOTTEN = "connexion/mot-de-passe-oublie";
    /** The route of the page a link opens; the token follows. */
    public static final String CHOOSE = "connexion/mot-de-passe";

    private PasswordLinkPaths() {
    }

    static String choose(String token) {
        return CHOOSE + "/" + token;
    }
}
