package fr.rdvnumerique.base.security;

import com.vaadin.flow.spring.security.RequestUtil;
import fr.rdvnumerique.base.web.PublicAddresses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The page a browser opens at an unknown public address, or at a private link that no longer works, answers HTTP
 * 404 (Vaadin answers 200 with its shell and shows « Page introuvable » a request later): link checkers, search
 * engines and mail scanners then learn the address is dead, while the person still reads the French page. Only the
 * status changes; the page is the same.
 */
@Component
class PublicPageStatusFilter extends OncePerRequestFilter {

    private final RequestUtil vaadin;
    private final List<PublicAddresses> modules;

    PublicPageStatusFilter(RequestUtil vaadin, List<PublicAddresses> modules) {
        this.vaadin = vaadin;
        this.modules = modules;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = path(request);
        // Pages only: files (icons, styles, calendar files), the staff space and Vaadin's own requests keep theirs.
        String last = path.substring(path.lastIndexOf('/') + 1);
        return !"GET".equals(request.getMethod()) || last.contains(".") || path.startsWith("/staff")
                || path.startsWith("/VAADIN") || path.startsWith("/actuator") || path.equals("/livez")
                || path.equals("/readyz") || Arrays.stream(SecurityConfiguration.PUBLIC_PATHS)
                        .anyMatch(pattern -> path.startsWith(pattern.replace("**", "")))
                || vaadin.isFrameworkInternalRequest(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!deadAddress(request)) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void setStatus(int status) {
                // Vaadin's shell says 200; the address is still dead.
                super.setStatus(status == SC_OK ? SC_NOT_FOUND : status);
            }
        });
    }

    private boolean deadAddress(HttpServletRequest request) {
        if (SecurityConfiguration.unknownPublicPage(request, vaadin)) {
            return true;
        }
        String path = path(request);
        return modules.stream().anyMatch(module -> module.namesNothing(path));
    }

    private static String path(HttpServletRequest request) {
        return request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    }
}
