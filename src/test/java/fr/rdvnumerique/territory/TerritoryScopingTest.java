package fr.rdvnumerique.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.rdvnumerique.base.security.StaffAccountForm;
import fr.rdvnumerique.base.security.StaffAccountService;
import fr.rdvnumerique.base.security.StaffLogin;
import fr.rdvnumerique.base.security.Role;
import fr.rdvnumerique.testing.IntegrationTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;

/** A Saint-Usage coordinator can neither read nor change Ludres data, whatever the service and the id. */
@IntegrationTest
class TerritoryScopingTest {

    @Autowired TerritoryFixtures fixtures;
    @Autowired CommuneService communes;
    @Autowired PlaceService places;
    @Autowired AdvisorService advisors;
    @Autowired ConventionService conventions;
    @Autowired StructureService structures;
    @Autowired StaffAccountService accounts;
    @Autowired TerritoryDirectory directory;

    TerritoryFixtures.TestTerritory ludres;
    TerritoryFixtures.TestTerritory saintUsage;
    long ludresConvention;

    @BeforeEach
    void territories() {
        ludres = fixtures.create("Ludres portée");
        saintUsage = fixtures.create("Saint-Usage portée", "21577");
        StaffLogin.coordinator(ludres.structureId());
        ludresConvention = conventions.create(convention(ludres.communeId()));
        StaffLogin.coordinator(saintUsage.structureId());
    }

    @AfterEach
    void signOut() {
        StaffLogin.signOut();
    }

    private static ConventionForm convention(long commune) {
        return new ConventionForm("Convention", commune, LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 1),
                LocalDate.of(2027, 12, 31), 1, new BigDecimal("50000"), BigDecimal.ZERO,
                List.of(new ConventionForm.Share(commune, new BigDecimal("35"))), List.of());
    }

    @Test
    void conventions_of_another_structure_cannot_be_listed_read_changed_switched_off_or_deleted() {
        assertThat(conventions.list(Pageable.unpaged()).getContent()).extracting(ConventionSummary::structureId)
                .doesNotContain(ludres.structureId());
        assertThatThrownBy(() -> conventions.load(ludresConvention)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> conventions.update(ludresConvention, 0, convention(saintUsage.communeId())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> conventions.setActive(ludresConvention, false)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> conventions.delete(ludresConvention)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> conventions.splitCost(ludresConvention, BigDecimal.TEN)).isInstanceOf(AccessDeniedException.class);
        // Nor give hours to another structure's commune in its own convention.
        assertThatThrownBy(() -> conventions.create(new ConventionForm("Intrus", saintUsage.communeId(), LocalDate.of(2026, 1, 5),
                LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31), 1, BigDecimal.ONE, BigDecimal.ZERO,
                List.of(new ConventionForm.Share(saintUsage.communeId(), BigDecimal.TEN),
                        new ConventionForm.Share(ludres.communeId(), BigDecimal.TEN)), List.of())))
                .isInstanceOf(AccessDeniedException.class);

        StaffLogin.coordinator(ludres.structureId());
        assertThat(conventions.load(ludresConvention).value().title()).isEqualTo("Convention");
        assertThat(conventions.list(Pageable.unpaged()).getContent()).extracting(ConventionSummary::active).containsOnly(true);
    }

    @Test
    void communes_of_another_structure_cannot_be_listed_read_or_switched_off() {
        assertThat(communes.list(Pageable.unpaged()).getContent()).extracting(CommuneSummary::structureId)
                .containsOnly(saintUsage.structureId());
        assertThat(communes.all()).extracting(CommuneSummary::id).doesNotContain(ludres.communeId());
        assertThat(communes.active()).extracting(CommuneSummary::id).doesNotContain(ludres.communeId());
        assertThatThrownBy(() -> communes.load(ludres.communeId())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> communes.setActive(ludres.communeId(), false)).isInstanceOf(AccessDeniedException.class);
        assertThat(directory.communes(ludres.structureId())).extracting(CommuneSummary::id).contains(ludres.communeId());
    }

    @Test
    void advisors_of_another_structure_cannot_be_listed_changed_or_switched_off() {
        assertThat(advisors.list(Pageable.unpaged()).getContent()).extracting(AdvisorSummary::structureId)
                .containsOnly(saintUsage.structureId());
        assertThatThrownBy(() -> advisors.update(ludres.advisorId(), 0, new AdvisorForm("Pirate", "pirate@exemple.fr",
                AdvisorKind.CONSEILLER_NUMERIQUE, Set.of()))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> advisors.setActive(ludres.advisorId(), false)).isInstanceOf(AccessDeniedException.class);
        // Nor send its own advisor to the other structure's place.
        var own = advisors.load(saintUsage.advisorId());
        assertThatThrownBy(() -> advisors.update(saintUsage.advisorId(), own.version(), new AdvisorForm("Sacha",
                "sacha@exemple.fr", AdvisorKind.CONSEILLER_NUMERIQUE, Set.of(ludres.placeId()))))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(directory.advisors(ludres.structureId())).extracting(AdvisorSummary::displayName)
                .containsExactly("Conseiller Ludres portée");
    }

    @Test
    void places_of_another_structure_cannot_be_listed_or_changed() {
        assertThat(places.all()).extracting(PlaceSummary::structureId).containsOnly(saintUsage.structureId());
        assertThat(places.active()).extracting(PlaceSummary::id).doesNotContain(ludres.placeId());
        assertThatThrownBy(() -> places.update(ludres.placeId(), 0, new PlaceForm(saintUsage.communeId(), "Pirate",
                null, PlaceKind.AUTRE, "1 rue", StepFreeAccess.UNKNOWN, null, null, null))).isInstanceOf(AccessDeniedException.class);
        // Nor move its own place into the other structure's commune.
        var own = places.load(saintUsage.placeId());
        var form = own.value();
        assertThatThrownBy(() -> places.update(saintUsage.placeId(), own.version(), new PlaceForm(ludres.communeId(),
                form.name(), null, form.kind(), form.address(), form.stepFreeAccess(), null, null, null)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void only_administrators_manage_structures_and_a_coordinator_only_their_own_details() {
        assertThatThrownBy(() -> structures.list(Pageable.unpaged())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> structures.all()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> structures.load(ludres.structureId())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> structures.create(new StructureForm("Pirate", null, "pirate", StructureKind.AUTRE, null, null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> structures.update(saintUsage.structureId(), 0, new StructureForm("Saint-Usage",
                null, "autre-adresse", StructureKind.AUTRE, null, null))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> structures.setActive(ludres.structureId(), false)).isInstanceOf(AccessDeniedException.class);

        var mine = structures.loadMine();
        assertThat(mine.id()).isEqualTo(saintUsage.structureId());
        structures.updateMine(mine.version(), new StructureDetailsForm("Conseiller numérique de Saint-Usage", null,
                "03 80 00 00 01", "cn@saint-usage.example.org"));
        assertThat(directory.structure(saintUsage.structureId())).get().extracting(StructureSummary::name)
                .isEqualTo("Conseiller numérique de Saint-Usage");
        assertThat(directory.structure(saintUsage.structureId())).get().extracting(StructureSummary::slug)
                .as("the portal address stays").isEqualTo(saintUsage.slug());
        assertThat(directory.structure(ludres.structureId())).get().extracting(StructureSummary::name)
                .asString().startsWith("Structure Ludres portée");

        StaffLogin.advisor(saintUsage.structureId(), saintUsage.advisorId());
        assertThatThrownBy(() -> structures.loadMine()).isInstanceOf(AccessDeniedException.class);
        StaffLogin.admin();
        assertThatThrownBy(() -> structures.loadMine()).as("an administrator belongs to no structure")
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void advisors_manage_no_account_and_coordinators_only_their_structure_s_without_administrators() {
        var form = new StaffAccountForm("pirate" + System.nanoTime() + "@exemple.fr", "Pirate", EnumSet.of(Role.ADVISOR),
                saintUsage.structureId(), null);
        StaffLogin.advisor(saintUsage.structureId(), saintUsage.advisorId());
        assertThatThrownBy(() -> accounts.list(Pageable.unpaged())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.invite(form)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.load(1)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.update(1, 0, form)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.setActive(1, false)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.sendPasswordLink(1)).isInstanceOf(AccessDeniedException.class);

        StaffLogin.admin();
        long ludresAccount = accounts.invite(new StaffAccountForm("coordination" + System.nanoTime() + "@ludres.example.org",
                "Coordination Ludres", EnumSet.of(Role.COORDINATOR), ludres.structureId(), null));
        long admin = accounts.invite(new StaffAccountForm("admin" + System.nanoTime() + "@exemple.fr",
                "Administration", EnumSet.of(Role.ADMIN), null, null));
        StaffLogin.coordinator(saintUsage.structureId());
        assertThat(accounts.ofMyStructure()).extracting(a -> a.id()).doesNotContain(ludresAccount);
        assertThatThrownBy(() -> accounts.load(ludresAccount)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.load(admin)).isInstanceOf(AccessDeniedException.class);
        var loaded = new StaffAccountForm("x" + System.nanoTime() + "@exemple.fr", "X", EnumSet.of(Role.ADVISOR),
                ludres.structureId(), null);
        assertThatThrownBy(() -> accounts.update(ludresAccount, 0, loaded)).isInstanceOf(AccessDeniedException.class);
        StaffLogin.coordinator(ludres.structureId());
        assertThat(accounts.ofMyStructure()).extracting(a -> a.id()).contains(ludresAccount);
    }
}
