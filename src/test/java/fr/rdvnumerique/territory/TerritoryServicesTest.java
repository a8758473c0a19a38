package fr.rdvnumerique.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.base.security.StaffLogin;
import fr.rdvnumerique.testing.IntegrationTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

/** Staff of one structure manage its territory and can neither read nor change another's. */
@IntegrationTest
class TerritoryServicesTest {

    @Autowired TerritoryFixtures fixtures;
    @Autowired CommuneService communes;
    @Autowired PlaceService places;
    @Autowired AdvisorService advisors;
    @Autowired ConventionService conventions;
    @Autowired TerritoryDirectory directory;

    TerritoryFixtures.TestTerritory ludres;
    TerritoryFixtures.TestTerritory saintUsage;

    @BeforeEach
    void territories() {
        ludres = fixtures.create("Ludres");
        saintUsage = fixtures.create("Saint-Usage", "21577");
    }

    @AfterEach
    void signOut() {
        StaffLogin.signOut();
    }

    @Test
    void a_coordinator_adds_a_place_that_the_public_directory_then_shows() {
        StaffLogin.coordinator(ludres.structureId());
        long id = places.create(new PlaceForm(ludres.communeId(), "Tiers-lieu du Haut", null, PlaceKind.TIERS_LIEU,
                "4 rue Haute", StepFreeAccess.YES, "Bus 3", null, "Au fond de la cour"));
        StaffLogin.signOut();
        assertThat(directory.places(ludres.structureId())).extracting(PlaceSummary::id, PlaceSummary::name)
                .contains(org.assertj.core.groups.Tuple.tuple(id, "Tiers-lieu du Haut"));
    }

    @Test
    void a_saint_usage_coordinator_cannot_read_or_change_ludres_data() {
        StaffLogin.coordinator(saintUsage.structureId());
        assertThat(places.list(Pageable.unpaged()).getContent()).extracting(PlaceSummary::structureId)
                .containsOnly(saintUsage.structureId());
        assertThatThrownBy(() -> places.load(ludres.placeId())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> places.setActive(ludres.placeId(), false)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> communes.update(ludres.communeId(), 0, new CommuneForm("Pirate", "54328", "54710")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> advisors.load(ludres.advisorId())).isInstanceOf(AccessDeniedException.class);
        // Nor attach another structure's commune to its own place.
        assertThatThrownBy(() -> places.create(new PlaceForm(ludres.communeId(), "Intrus", null, PlaceKind.AUTRE, "1 rue",
                StepFreeAccess.UNKNOWN, null, null, null))).isInstanceOf(AccessDeniedException.class);
        StaffLogin.signOut();
        assertThat(directory.place(ludres.placeId())).get().extracting(PlaceSummary::active).isEqualTo(true);
    }

    @Test
    void an_advisor_cannot_manage_the_territory_and_visitors_cannot_at_all() {
        StaffLogin.advisor(ludres.structureId(), ludres.advisorId());
        assertThatThrownBy(() -> communes.create(new CommuneForm("Ludres", "54328", "54710")))
                .isInstanceOf(AccessDeniedException.class);
        StaffLogin.signOut();
        assertThatThrownBy(() -> places.list(Pageable.unpaged())).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    void the_same_commune_cannot_be_added_twice() {
        StaffLogin.coordinator(ludres.structureId());
        assertThatThrownBy(() -> communes.create(new CommuneForm("Ludres bis", "54328", "54710")))
                .isInstanceOf(BusinessRuleException.class).extracting("messageKey").isEqualTo("territory.commune.insee.taken");
    }

    @Test
    void an_edit_based_on_an_old_version_is_refused() {
        StaffLogin.coordinator(ludres.structureId());
        var loaded = communes.load(ludres.communeId());
        communes.update(loaded.id(), loaded.version(), new CommuneForm("Ludres", "54328", "54710"));
        assertThatThrownBy(() -> communes.update(loaded.id(), loaded.version(), new CommuneForm("Ludres 2", "54328", "54710")))
                .extracting("messageKey").isEqualTo("error.concurrent-change");
    }

    @Test
    void a_deactivated_advisor_disappears_from_the_directory() {
        StaffLogin.coordinator(ludres.structureId());
        advisors.setActive(ludres.advisorId(), false);
        assertThat(directory.advisors(ludres.structureId())).isEmpty();
        advisors.setActive(ludres.advisorId(), true);
        assertThat(directory.advisors(ludres.structureId())).hasSize(1);
    }

    @Test
    void a_convention_is_saved_and_splits_costs_by_hours() {
        StaffLogin.coordinator(ludres.structureId());
        long other = communes.create(new CommuneForm("Houdemont", "54265", "54180"));
        long id = conventions.create(new ConventionForm("Convention 2026", ludres.communeId(), LocalDate.of(2026, 1, 5),
                LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31), 1, new BigDecimal("50000"), new BigDecimal("7000"),
                List.of(new ConventionForm.Share(ludres.communeId(), new BigDecimal("21")),
                        new ConventionForm.Share(other, new BigDecimal("14"))),
                List.of(new ConventionForm.Instalment(20, 0), new ConventionForm.Instalment(30, 6),
                        new ConventionForm.Instalment(50, 12))));
        assertThat(conventions.splitCost(id, new BigDecimal("7000")))
                .containsEntry(ludres.communeId(), new BigDecimal("4200.00")).containsEntry(other, new BigDecimal("2800.00"));
        assertThat(conventions.inForce(LocalDate.of(2026, 6, 1))).get().extracting(ConventionSummary::totalWeeklyHours)
                .satisfies(h -> assertThat((BigDecimal) h).isEqualByComparingTo("35"));
        StaffLogin.coordinator(saintUsage.structureId());
        assertThatThrownBy(() -> conventions.splitCost(id, BigDecimal.TEN)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void an_advisor_can_only_work_at_places_of_their_structure() {
        StaffLogin.coordinator(ludres.structureId());
        assertThatThrownBy(() -> advisors.create(new AdvisorForm("Intrus", "intrus@exemple.fr",
                AdvisorKind.MEDIATEUR_NUMERIQUE, Set.of(saintUsage.placeId())))).isInstanceOf(AccessDeniedException.class);
    }
}
