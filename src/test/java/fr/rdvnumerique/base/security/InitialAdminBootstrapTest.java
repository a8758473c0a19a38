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
        assertThatThrownBy(bootstrap::ensureAdministrator).hasMessageContaining("staff.password.too-short");
        verify(accounts, never()).save(any());
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
