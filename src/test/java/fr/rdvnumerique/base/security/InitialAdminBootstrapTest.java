package fr.rdvnumerique.base.security;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

class InitialAdminBootstrapTest {

    private final StaffAccountRepository accounts = mock(StaffAccountRepository.class);

    @Test
    void without_any_administrator_and_without_environment_the_application_refuses_to_start() {
        when(accounts.existsActiveAdmin()).thenReturn(false);
        var bootstrap = new InitialAdminBootstrap(accounts, PasswordEncoderFactories.createDelegatingPasswordEncoder(),
                new AdminProperties(null, null, null));
        assertThatThrownBy(bootstrap::ensureAdministrator).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("RDV_ADMIN_EMAIL");
    }

    @Test
    void a_short_admin_password_from_the_environment_is_refused() {
        when(accounts.existsActiveAdmin()).thenReturn(false);
        var bootstrap = new InitialAdminBootstrap(accounts, PasswordEncoderFactories.createDelegatingPasswordEncoder(),
                new AdminProperties("admin@exemple.fr", "court", null));
        assertThatThrownBy(bootstrap::ensureAdministrator).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("RDV_ADMIN_PASSWORD must be at least 12 characters");
        verify(accounts, never()).save(any());
    }

    @Test
    void an_admin_password_longer_than_bcrypt_reads_stops_the_start_with_a_clear_message() {
        when(accounts.existsActiveAdmin()).thenReturn(false);
        // 40 letters of two bytes each: 40 characters, 80 bytes.
        var bootstrap = new InitialAdminBootstrap(accounts, PasswordEncoderFactories.createDelegatingPasswordEncoder(),
                new AdminProperties("admin@exemple.fr", "é".repeat(40), null));
        assertThatThrownBy(bootstrap::ensureAdministrator).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("RDV_ADMIN_PASSWORD is longer than 72 bytes");
        verify(accounts, never()).save(any());
        when(accounts.existsActiveAdmin()).thenReturn(true);
        assertThatThrownBy(bootstrap::ensureAdministrator).as("even once an administrator exists")
                .hasMessageContaining("RDV_ADMIN_PASSWORD is longer than 72 bytes");
    }

    @Test
    void the_administrator_from_the_environment_is_created_with_a_hashed_password() {
        when(accounts.existsActiveAdmin()).thenReturn(false);
        when(accounts.findByEmail("admin@exemple.fr")).thenReturn(Optional.empty());
        var bootstrap = new InitialAdminBootstrap(accounts, PasswordEncoderFactories.createDelegatingPasswordEncoder(),
                new AdminProperties("Admin@Exemple.fr", "une longue phrase de passe", "Mairie"));
        bootstrap.ensureAdministrator();
        verify(accounts).save(org.mockito.ArgumentMatchers.argThat(account -> account.getEmail().equals("admin@exemple.fr")
                && account.getRoles().contains(Role.ADMIN) && account.getPasswordHash().startsWith("{bcrypt}")));
    }

    @Test
    void nothing_happens_when_an_administrator_exists() {
        when(accounts.existsActiveAdmin()).thenReturn(true);
        new InitialAdminBootstrap(accounts, PasswordEncoderFactories.createDelegatingPasswordEncoder(),
                new AdminProperties(null, null, null)).ensureAdministrator();
        verify(accounts, never()).save(any());
    }
}
