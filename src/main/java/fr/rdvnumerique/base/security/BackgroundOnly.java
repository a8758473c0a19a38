package fr.rdvnumerique.base.security;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Guards the service methods that mint a private link or return a resident's data by a bare numeric id: they exist
 * for the notification module's listeners and jobs, which run outside any web request. Called while a web request
 * is being served (a view, a controller, whoever is on the other end), they refuse: a page must go through the
 * private link (the token is the authority) or a staff service scoped to the signed-in person's structure.
 */
public final class BackgroundOnly {

    private BackgroundOnly() {
    }

    public static void check() {
        if (RequestContextHolder.getRequestAttributes() != null) {
            throw new AccessDeniedException("For background work only (listeners and jobs), not while serving a request");
        }
    }
}
