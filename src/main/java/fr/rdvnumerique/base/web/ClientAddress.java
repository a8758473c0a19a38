package fr.rdvnumerique.base.web;

import com.vaadin.flow.server.VaadinRequest;

/**
 * The resident's address as the server sees it. Behind a reverse proxy, {@code server.forward-headers-strategy}
 * makes the servlet container report the real client, so nothing here trusts headers itself.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String current() {
        VaadinRequest request = VaadinRequest.getCurrent();
        return request == null || request.getRemoteAddr() == null ? "unknown" : request.getRemoteAddr();
    }
}
