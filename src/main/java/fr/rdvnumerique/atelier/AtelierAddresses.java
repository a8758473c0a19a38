package fr.rdvnumerique.atelier;

import fr.rdvnumerique.base.web.PublicAddresses;
import fr.rdvnumerique.territory.TerritoryDirectory;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * An atelier session's page names nothing when the session does not exist or belongs to another structure; a
 * registration's private link (and its presence page) when it is unknown or has expired (ADR 014).
 */
@Component
class AtelierAddresses implements PublicAddresses {

    private static final Pattern SESSION = Pattern.compile("^/territoire/([^/]+)/ateliers/([0-9]{1,18})/?$");
    private static final Pattern REGISTRATION = Pattern.compile("^/inscription/([^/]+)(/presence)?/?$");

    private final TerritoryDirectory directory;
    private final AtelierCatalogue catalogue;
    private final RegistrationService registrations;

    AtelierAddresses(TerritoryDirectory directory, AtelierCatalogue catalogue, RegistrationService registrations) {
        this.directory = directory;
        this.catalogue = catalogue;
        this.registrations = registrations;
    }

    @Override
    public boolean namesNothing(String path) {
        var session = SESSION.matcher(path);
        if (session.matches()) {
            var structure = directory.structureBySlug(session.group(1));
            return structure.isEmpty() || catalogue.session(Long.parseLong(session.group(2)))
                    .filter(s -> s.structureId() == structure.get().id()).isEmpty();
        }
        var registration = REGISTRATION.matcher(path);
        return registration.matches() && !registrations.linkWorks(registration.group(1));
    }
}
