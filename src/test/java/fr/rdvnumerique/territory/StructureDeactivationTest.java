package fr.rdvnumerique.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.rdvnumerique.base.security.Role;
import fr.rdvnumerique.base.security.StaffAccountProvisioning;
import fr.rdvnumerique.base.security.StaffLogin;
import fr.rdvnumerique.testing.IntegrationTest;
import java.util.EnumSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.transaction.support.TransactionTemplate;

/** A structure switched off leaves the portal, and its staff can neither sign in nor go on working. */
@IntegrationTest
class StructureDeactivationTest {

    private static final String PASSWORD = "mot de passe du test";

    @Autowired TerritoryFixtures fixtures;
    @Autowired StructureService structures;
    @Autowired PlaceService places;
    @Autowired TerritoryDirectory directory;
    @Autowired StaffAccountProvisioning provisioning;
    @Autowired TransactionTemplate transactions;
    @Autowired AuthenticationProvider signIn;

    @AfterEach
    void signOut() {
        StaffLogin.signOut();
    }

    @Test
    void a_deactivated_structure_leaves_the_portal_and_its_staff_can_no_longer_sign_in_or_act() {
        var territory = fixtures.create("Fermeture");
        String email = "coordination@" + territory.slug() + ".example.org";
        transactions.executeWithoutResult(s -> provisioning.provision(email, "Coordination Fermeture", PASSWORD,
                EnumSet.of(Role.COORDINATOR), territory.structureId(), null));
        assertThat(signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(email, PASSWORD)).isAuthenticated())
                .isTrue();
        assertThat(directory.structureBySlug(territory.slug())).isPresent();

        StaffLogin.admin();
        structures.setActive(territory.structureId(), false);

        assertThat(directory.structureBySlug(territory.slug())).as("its portal page").isEmpty();
        assertThat(directory.activeStructures()).extracting(StructureSummary::id).doesNotContain(territory.structureId());
        assertThatThrownBy(() -> signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(email, PASSWORD)))
                .isInstanceOf(DisabledException.class);
        // Somebody still signed in is stopped at the next action.
        StaffLogin.coordinator(territory.structureId());
        assertThatThrownBy(() -> places.list(Pageable.unpaged())).isInstanceOf(AccessDeniedException.class);

        StaffLogin.admin();
        structures.setActive(territory.structureId(), true);
        assertThat(directory.structureBySlug(territory.slug())).isPresent();
        assertThat(signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(email, PASSWORD)).isAuthenticated())
                .isTrue();
    }
}
