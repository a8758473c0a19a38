package fr.rdvnumerique.base.ui;

import com.vaadin.flow.server.VaadinResponse;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The HTTP status of a page opened by its address: a private link nobody has, or no longer works, answers 404 like
 * any unknown page (a link checker, a search engine or a mail scanner learn nothing from a 200), while the page
 * still says in plain French what happened (« Rendez-vous introuvable »).
 */
public final class PageStatus {

    private PageStatus() {
    }

    /** 404 for the request that opens the page; nothing when the page changes within the application. */
    public static void notFound() {
        if (VaadinResponse.getCurrent() instanceof com.vaadin.flow.server.VaadinServletResponse response) {
            try {
                if (!response.getHttpServletResponse().isCommitted()) {
                    response.setStatus(HttpServletResponse.SC_NOT_FOUND);
                }
            } catch (UnsupportedOperationException e) {
                // Browserless tests' mock response: there is no HTTP answer to give a status to.
            }
        }
    }
}
