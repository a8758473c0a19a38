package fr.rdvnumerique.base.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Absolute links for mails, calendar files and QR codes, from {@code rdv.public-url}. */
@Component
public class PublicUrls {

    private final String base;

    PublicUrls(@Value("${rdv.public-url:http://localhost:8080}") String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** {@code of("inscription/abc")} → "https://rdv.exemple.fr/inscription/abc". */
    public String of(String path) {
        return base + "/" + (path.startsWith("/") ? path.substring(1) : path);
    }
}
