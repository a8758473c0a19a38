package fr.rdvnumerique.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.base.domain.InvalidValueException;
import fr.rdvnumerique.base.security.StaffLogin;
import fr.rdvnumerique.testing.IntegrationTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;

/**
 * Editing keeps what a record already has: a commune or place deactivated since stays with its hours or advisors,
 * while nothing new is sent there; unique rules answer with their sentence on the edit path too.
 */
@IntegrationTest
class TerritoryRulesTest {

    @Autowired TerritoryFixtures fixtures;
    @Autowired CommuneService communes;
    @Autowired PlaceService places;
    @Autowired AdvisorService advisors;
    @Autowired ConventionService conventions;
    @Autowired StructureService structures;
    @Autowired TerritoryDirectory directory;

    TerritoryFixtures.TestTerritory ludres;
    long houdemont;

    @BeforeEach
    void territory() {
        ludres = fixtures.create("Règles");
        StaffLogin.coordinator(ludres.structureId());
        houdemont = communes.create(new CommuneForm("Houdemont", "54265", "54180"));
    }

    @AfterEach
    void signOut() {
        StaffLogin.signOut();
    }

    private ConventionForm convention(long host, Map<Long, String> hours) {
        return new ConventionForm("Convention 2026", host, LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 1),
                LocalDate.of(2027, 12, 31), 1, new BigDecimal("50000"), new BigDecimal("7000"),
                hours.entrySet().stream().map(e -> new ConventionForm.Share(e.getKey(), new BigDecimal(e.getValue()))).toList(),
                List.of(new ConventionForm.Instalment(20, 0), new ConventionForm.Instalment(30, 6),
                        new ConventionForm.Instalment(50, 12)));
    }

    @Test
    void changing_a_commune_to_an_insee_code_already_listed_is_refused_with_its_sentence() {
        var loaded = communes.load(houdemont);
        assertThatThrownBy(() -> communes.update(houdemont, loaded.version(), new CommuneForm("Houdemont", "54328", "54180")))
                .isInstanceOf(BusinessRuleException.class).extracting("messageKey").isEqualTo("territory.commune.insee.taken");
        assertThat(communes.load(houdemont).value().inseeCode()).as("nothing changed").isEqualTo("54265");
        // The commune keeps its own code on the edit path.
        communes.update(houdemont, loaded.version(), new CommuneForm("Houdemont (54)", "54265", "54180"));
        assertThat(communes.load(houdemont).value().name()).isEqualTo("Houdemont (54)");
    }

    @Test
    void changing_a_structure_to_a_portal_address_already_taken_is_refused_with_its_sentence() {
        var other = fixtures.create("Autre adresse");
        StaffLogin.admin();
        var loaded = structures.load(ludres.structureId());
        var form = loaded.value();
        assertThatThrownBy(() -> structures.update(ludres.structureId(), loaded.version(),
                new StructureForm(form.name(), null, other.slug(), form.kind(), form.phone(), form.email())))
                .isInstanceOf(BusinessRuleException.class).extracting("messageKey").isEqualTo("territory.structure.slug.taken");
        assertThat(structures.load(ludres.structureId()).value().slug()).isEqualTo(ludres.slug());
    }

    @Test
    void editing_a_convention_after_a_partner_commune_was_deactivated_keeps_its_hours() {
        long id = conventions.create(convention(ludres.communeId(), Map.of(ludres.communeId(), "21", houdemont, "14")));
        communes.setActive(houdemont, false);

        var loaded = conventions.load(id);
        assertThat(loaded.value().shares()).extracting(ConventionForm.Share::communeId).contains(houdemont);
        var form = loaded.value();
        conventions.update(id, loaded.version(), new ConventionForm("Convention 2026 modifiée", form.hostCommuneId(),
                form.signedOn(), form.validFrom(), form.validUntil(), form.posts(), form.subsidyAmount(),
                form.otherAnnualCosts(), form.shares(), form.instalments()));

        var summary = conventions.list(Pageable.unpaged()).stream().filter(c -> c.id() == id).findFirst().orElseThrow();
        assertThat(summary.title()).isEqualTo("Convention 2026 modifiée");
        assertThat(summary.weeklyHoursByCommune()).containsKey(houdemont);
        assertThat(summary.totalWeeklyHours()).isEqualByComparingTo("35");
    }

    @Test
    void a_host_commune_deactivated_since_does_not_stop_the_convention_from_being_saved() {
        long id = conventions.create(convention(houdemont, Map.of(houdemont, "20", ludres.communeId(), "15")));
        communes.setActive(houdemont, false);
        var loaded = conventions.load(id);
        conventions.update(id, loaded.version(), loaded.value());
        assertThat(conventions.load(id).value().hostCommuneId()).isEqualTo(houdemont);
    }

    @Test
    void a_deactivated_commune_never_joins_a_convention() {
        communes.setActive(houdemont, false);
        assertThatThrownBy(() -> conventions.create(convention(ludres.communeId(), Map.of(ludres.communeId(), "21", houdemont, "14"))))
                .isInstanceOf(InvalidValueException.class).extracting("messageKey").isEqualTo("territory.convention.commune.inactive");
        long id = conventions.create(convention(ludres.communeId(), Map.of(ludres.communeId(), "21")));
        var loaded = conventions.load(id);
        assertThatThrownBy(() -> conventions.update(id, loaded.version(),
                convention(ludres.communeId(), Map.of(ludres.communeId(), "21", houdemont, "14"))))
                .extracting("messageKey").isEqualTo("territory.convention.commune.inactive");
    }

    @Test
    void a_place_in_a_commune_deactivated_since_can_still_be_edited_but_no_place_moves_there() {
        long place = places.create(new PlaceForm(houdemont, "Mairie de Houdemont", null, PlaceKind.MAIRIE, "2 rue de la République",
                StepFreeAccess.PARTIAL, null, null, null));
        communes.setActive(houdemont, false);
        var loaded = places.load(place);
        var form = loaded.value();
        places.update(place, loaded.version(), new PlaceForm(form.communeId(), "Mairie de Houdemont (salle du conseil)",
                null, form.kind(), form.address(), form.stepFreeAccess(), form.transport(), form.parking(), form.publicNotes()));
        assertThat(places.load(place).value().communeId()).isEqualTo(houdemont);

        var other = places.load(ludres.placeId());
        var otherForm = other.value();
        assertThatThrownBy(() -> places.update(ludres.placeId(), other.version(), new PlaceForm(houdemont, otherForm.name(),
                null, otherForm.kind(), otherForm.address(), otherForm.stepFreeAccess(), null, null, null)))
                .extracting("messageKey").isEqualTo("territory.place.commune.inactive");
        assertThatThrownBy(() -> places.create(new PlaceForm(houdemont, "Nouveau lieu", null, PlaceKind.AUTRE, "1 rue",
                StepFreeAccess.UNKNOWN, null, null, null))).extracting("messageKey").isEqualTo("territory.place.commune.inactive");
    }

    @Test
    void an_advisor_keeps_a_place_deactivated_since_but_is_never_sent_to_one() {
        places.setActive(ludres.secondPlaceId(), false);
        var loaded = advisors.load(ludres.advisorId());
        assertThat(loaded.value().placeIds()).contains(ludres.secondPlaceId());
        var form = loaded.value();
        advisors.update(ludres.advisorId(), loaded.version(), new AdvisorForm("Conseiller renommé", form.email(), form.kind(),
                form.placeIds()));
        assertThat(advisors.load(ludres.advisorId()).value().placeIds())
                .containsExactlyInAnyOrder(ludres.placeId(), ludres.secondPlaceId());

        assertThatThrownBy(() -> advisors.create(new AdvisorForm("Nouveau", "nouveau@exemple.fr",
                AdvisorKind.MEDIATEUR_NUMERIQUE, Set.of(ludres.secondPlaceId()))))
                .extracting("messageKey").isEqualTo("territory.advisor.place.inactive");
    }

    @Test
    void a_deactivated_convention_is_listed_as_such_and_no_longer_in_force() {
        long id = conventions.create(convention(ludres.communeId(), Map.of(ludres.communeId(), "35")));
        LocalDate day = LocalDate.of(2026, 6, 1);
        assertThat(conventions.inForce(day)).get().extracting(ConventionSummary::id).isEqualTo(id);
        conventions.setActive(id, false);
        assertThat(conventions.inForce(day)).isEmpty();
        assertThat(conventions.list(Pageable.unpaged()).stream().filter(c -> c.id() == id))
                .singleElement().extracting(ConventionSummary::active).isEqualTo(false);
        conventions.setActive(id, true);
        assertThat(conventions.inForce(day)).isPresent();
    }

    @Test
    void residents_are_not_sent_to_a_place_of_a_deactivated_commune() {
        long place = places.create(new PlaceForm(houdemont, "Mairie de Houdemont", null, PlaceKind.MAIRIE, "2 rue de la République",
                StepFreeAccess.PARTIAL, null, null, null));
        assertThat(directory.places(ludres.structureId())).extracting(PlaceSummary::id).contains(place);
        communes.setActive(houdemont, false);
        assertThat(directory.places(ludres.structureId())).extracting(PlaceSummary::id)
                .doesNotContain(place).contains(ludres.placeId());
    }
}
