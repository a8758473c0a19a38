package fr.rdvnumerique.territory.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.rdvnumerique.base.domain.EmailAddress;
import fr.rdvnumerique.base.domain.PhoneNumber;
import fr.rdvnumerique.territory.AdvisorKind;
import fr.rdvnumerique.territory.PlaceKind;
import fr.rdvnumerique.territory.StepFreeAccess;
import fr.rdvnumerique.territory.StructureKind;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a place and an advisor refuse, whatever screen or service feeds them. */
class PlaceAndAdvisorTest {

    private static Place.PlaceDetails details(String name, PlaceKind kind, String address, StepFreeAccess access) {
        return new Place.PlaceDetails(7, name, null, kind, address, access, "  Bus 21  ", " ", null);
    }

    @Test
    void a_place_needs_a_name_a_kind_and_an_address() {
        assertThatThrownBy(() -> new Place(1, details(" ", PlaceKind.MAIRIE, "1 place de la Mairie", StepFreeAccess.YES)))
                .extracting("messageKey").isEqualTo("validation.required");
        assertThatThrownBy(() -> new Place(1, details("Mairie", null, "1 place de la Mairie", StepFreeAccess.YES)))
                .extracting("messageKey").isEqualTo("validation.required");
        assertThatThrownBy(() -> new Place(1, details("Mairie", PlaceKind.MAIRIE, "", StepFreeAccess.YES)))
                .extracting("messageKey").isEqualTo("validation.required");
        assertThatThrownBy(() -> new Place(1, details("M".repeat(121), PlaceKind.MAIRIE, "1 rue", StepFreeAccess.YES)))
                .extracting("messageKey").isEqualTo("validation.too-long");
    }

    @Test
    void unknown_access_is_said_so_and_blank_notes_are_no_notes() {
        var place = new Place(1, details("Mairie", PlaceKind.MAIRIE, "1 place de la Mairie", null));
        var d = place.details();
        assertThat(d.stepFreeAccess()).isEqualTo(StepFreeAccess.UNKNOWN);
        assertThat(d.transport()).isEqualTo("Bus 21");
        assertThat(d.parking()).isNull();
        assertThat(d.publicNotes()).isNull();
        assertThat(place.isActive()).isTrue();
    }

    @Test
    void a_place_keeps_its_structure_when_edited() {
        var place = new Place(3, details("Mairie", PlaceKind.MAIRIE, "1 place de la Mairie", StepFreeAccess.NO));
        place.update(new Place.PlaceDetails(9, "Mairie annexe", null, PlaceKind.MAIRIE_DE_QUARTIER, "2 rue", StepFreeAccess.YES,
                null, null, "Au fond de la cour"));
        assertThat(place.getStructureId()).isEqualTo(3);
        assertThat(place.getCommuneId()).isEqualTo(9);
        assertThat(place.details().publicNotes()).isEqualTo("Au fond de la cour");
    }

    @Test
    void an_advisor_needs_a_name_an_email_and_a_function() {
        var email = EmailAddress.of("camille@ludres.example.org");
        assertThatThrownBy(() -> new Advisor(1, "", email, AdvisorKind.CONSEILLER_NUMERIQUE, Set.of()))
                .extracting("messageKey").isEqualTo("validation.required");
        assertThatThrownBy(() -> new Advisor(1, "Camille", null, AdvisorKind.CONSEILLER_NUMERIQUE, Set.of()))
                .extracting("messageKey").isEqualTo("validation.required");
        assertThatThrownBy(() -> new Advisor(1, "Camille", email, null, Set.of()))
                .extracting("messageKey").isEqualTo("validation.required");
    }

    @Test
    void an_advisor_works_at_the_places_given_and_no_others() {
        var advisor = new Advisor(1, "Camille", EmailAddress.of("camille@ludres.example.org"),
                AdvisorKind.CONSEILLER_NUMERIQUE, Set.of(10L, 11L));
        assertThat(advisor.worksAt(10)).isTrue();
        assertThat(advisor.worksAt(12)).isFalse();
        advisor.update("Camille R.", EmailAddress.of("Camille@Ludres.example.org"), AdvisorKind.MEDIATEUR_NUMERIQUE, null);
        assertThat(advisor.getPlaceIds()).as("no places given, none kept").isEmpty();
        assertThat(advisor.getKind()).isEqualTo(AdvisorKind.MEDIATEUR_NUMERIQUE);
    }

    @Test
    void an_unknown_place_cannot_be_given_to_an_advisor() {
        var places = new HashSet<Long>();
        places.add(null);
        assertThatThrownBy(() -> new Advisor(1, "Camille", EmailAddress.of("camille@ludres.example.org"),
                AdvisorKind.CONSEILLER_NUMERIQUE, places)).extracting("messageKey").isEqualTo("validation.required");
    }

    @Test
    void coordinators_change_a_structure_s_details_but_not_its_portal_address() {
        var structure = new Structure("Ludres", "ludres", StructureKind.MUTUALISATION, null, null);
        structure.updateDetails("Conseiller numérique de Ludres", PhoneNumber.parse("03 53 01 00 01"),
                EmailAddress.of("cn@ludres.example.org"));
        assertThat(structure.getName()).isEqualTo("Conseiller numérique de Ludres");
        assertThat(structure.getSlug()).isEqualTo("ludres");
        assertThat(structure.getPhone().display()).isEqualTo("03 53 01 00 01");
        assertThatThrownBy(() -> structure.updateDetails(" ", null, null)).extracting("messageKey")
                .isEqualTo("validation.required");
        assertThat(Structure.checkSlug("saint-usage")).isEqualTo("saint-usage");
        assertThatThrownBy(() -> Structure.checkSlug("saint--usage")).extracting("messageKey")
                .isEqualTo("territory.structure.slug.invalid");
    }
}
