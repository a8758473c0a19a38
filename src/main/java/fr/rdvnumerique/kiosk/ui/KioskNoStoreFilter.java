package fr.rdvnumerique.kiosk.ui;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The kiosk's pages are never stored by the browser ({@code Cache-Control: no-store}): after a reset, the back
 * button must not bring back the previous person's page from a cache (the layout also reloads a page restored
 * from the back-forward cache). Whoever else sets the header later (Spring Security, Vaadin) cannot weaken it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class KioskNoStoreFilter extends OncePerRequestFilter {

    static final String NO_STORE = "no-store";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.equals("/" + KioskView.ROUTE) || path.startsWith("/" + KioskView.ROUTE + "/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Cache-Control", NO_STORE);
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void setHeader(String name, String value) {
                if (!"Cache-Control".equalsIgnoreCase(name)) {
                    super.setHeader(name, value);
                }
            }

            @Override
            public void addHeader(String name, String value) {
                if (!"Cache-Control".equalsIgnoreCase(name)) {
                    super.addHeader(name, value);
                }
            }
        });
    }
}
