package fr.rdvnumerique.base.security;

import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import fr.rdvnumerique.base.ui.LoginView;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;

/**
 * Staff sign in through the Vaadin login view; residents never need an account. Views are checked with
 * {@code @RolesAllowed}/{@code @AnonymousAllowed}, services again with {@code @PreAuthorize}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
class SecurityConfiguration {

    /**
     * Paths outside Vaadin that anyone may read: calendar files, feeds, and the liveness and readiness probes
     * (status only) that load balancers and the Docker health check ask on the application's own port.
     */
    static final String[] PUBLIC_PATHS = {"/public/**", "/styles/**", "/images/**", "/livez", "/readyz"};

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, Environment environment, RequestUtil vaadinRequests,
                                            JdbcTemplate jdbc, StaffSessions sessions,
                                            SecurityContextHolderStrategy securityContexts) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers(request -> onManagementPort(request, environment)).permitAll()
                .requestMatchers(PUBLIC_PATHS).permitAll()
                .requestMatchers(request -> unknownPublicPage(request, vaadinRequests)).permitAll()
                .requestMatchers("/actuator/**").hasRole(Role.ADMIN_NAME));
        // Idle and maximum duration of staff sessions; sessions of changed accounts ended (ADR 015). Right after the
        // context is set up, before anything (Vaadin included) reads it: an ended session goes on anonymous.
        // The application's own strategy (Vaadin's), the one the filters before it filled: the static holder is set
        // only once every bean exists, so reading it here would give the default one.
        http.addFilterAfter(new StaffSessionGuard(jdbc, sessions, securityContexts), SecurityContextHolderFilter.class);
        // CSP, Referrer-Policy and Permissions-Policy: SecurityHeadersFilter, which also covers Vaadin's pages.
        http.headers(headers -> headers.frameOptions(frame -> frame.deny()));
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class, "/")
                .defaultSuccessUrl("/staff"));
        return http.build();
    }

    /**
     * A page nobody has: an address outside the staff space that no view answers. Vaadin would send it to the
     * staff sign-in page (it asks a signed-in user for every path it does not know); let in, it reaches the
     * router, which shows {@code NotFoundView}: « Page introuvable », HTTP 404, with the way back to the portal.
     */
    static boolean unknownPublicPage(HttpServletRequest request, RequestUtil vaadin) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return "GET".equals(request.getMethod()) && !path.startsWith("/staff") && !path.startsWith("/actuator")
                && !path.startsWith("/VAADIN") && !vaadin.isFrameworkInternalRequest(request)
                && !vaadin.isAnonymousRoute(request) && !vaadin.isSecuredFlowRoute(request);
    }

    /**
     * A request to the management server (health with details, metrics), which listens on its own port bound to
     * the loopback address ({@code RDV_MANAGEMENT_PORT}, {@code RDV_MANAGEMENT_ADDRESS}): whoever reaches that port
     * is on the machine, or was let in by the operator. On the application's own port the actuator stays for
     * administrators only.
     */
    static boolean onManagementPort(HttpServletRequest request, Environment environment) {
        Integer management = environment.getProperty("local.management.port", Integer.class);
        return management != null && management > 0
                && !management.equals(environment.getProperty("local.server.port", Integer.class))
                && request.getLocalPort() == management;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * The only way to sign in. As a bean it becomes the global authentication provider, so no second,
     * unthrottled provider is built from the UserDetailsService.
     */
    @Bean
    AuthenticationProvider staffAuthenticationProvider(StaffUserDetailsService users, PasswordEncoder encoder,
                                                       LoginThrottle throttle, SignInAttempts attempts,
                                                       SecondFactors secondFactors, MeterRegistry meters) {
        var dao = new DaoAuthenticationProvider(users);
        dao.setPasswordEncoder(encoder);
        return new ThrottledAuthenticationProvider(dao, throttle, attempts, secondFactors, meters);
    }
}
