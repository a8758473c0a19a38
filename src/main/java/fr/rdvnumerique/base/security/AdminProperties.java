package fr.rdvnumerique.base.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first administrator, from the environment ({@code RDV_ADMIN_EMAIL}, {@code RDV_ADMIN_PASSWORD},
 * {@code RDV_ADMIN_NAME}). There is no default password outside the demo run.
 */
@ConfigurationProperties("rdv.admin")
public record AdminProperties(String email, String password, String name) {
}
