package fr.rdvnumerique.base.security;

import fr.rdvnumerique.base.web.QrCodes;

/**
 * A second factor offered, not yet kept: the secret stays on the screen (the server side of the view) until the
 * person types a code their app computes from it. {@code qrImage}: a PNG data URL of {@code uri}.
 */
public record SecondFactorEnrolment(String secret, String uri, String qrImage) {

    static SecondFactorEnrolment fresh(String email) {
        String secret = TotpCodes.newSecret();
        String uri = TotpCodes.uri(secret, email);
        return new SecondFactorEnrolment(secret, uri, QrCodes.pngDataUrl(uri, 240));
    }

    /** The secret as people type it: groups of four characters. */
    public String groupedSecret() {
        return TotpCodes.grouped(secret);
    }

    @Override
    public String toString() {
        return "SecondFactorEnrolment[secret hidden]";
    }
}
