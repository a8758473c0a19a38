package fr.rdvnumerique.atelier.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import fr.rdvnumerique.atelier.AtelierFixtures;
import fr.rdvnumerique.atelier.AtelierFixtures.TestAtelier;
import fr.rdvnumerique.atelier.RegistrationService;
import fr.rdvnumerique.atelier.RegistrationStatus;
import fr.rdvnumerique.atelier.Seats;
import fr.rdvnumerique.base.domain.PlaceResult;
import fr.rdvnumerique.base.web.SecretTokens;
import fr.rdvnumerique.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The private page: where the person stands, and cancelling, which promotes the next person. */
@IntegrationTest
class ManageRegistrationViewTest extends SpringBrowserlessTest {

    @Autowired AtelierFixtures fixtures;
    @Autowired RegistrationService registrations;

    @Test
    void a_person_sees_their_seat_and_cancels_it_and_the_first_waiting_gets_it() {
        TestAtelier atelier = fixtures.create("Gestion", 1);
        var mine = (PlaceResult.Confirmed<Seats, Void>) registrations.register(AtelierFixtures.request(atelier.sessionId(), "Anne", "Petit"));
        var next = (PlaceResult.Waitlisted<Seats, Void>) registrations.register(AtelierFixtures.request(atelier.sessionId(), "Jean", "Dupont"));

        navigate("inscription/" + mine.managementToken(), ManageRegistrationView.class);
        assertThat($(Paragraph.class).id("atelier-status").getText()).isEqualTo("Votre place est réservée.");
        test($(Button.class).id("atelier-cancel")).click();
        test($(Button.class).id("atelier-cancel-confirm")).click();

        assertThat($(Paragraph.class).id("atelier-status").getText()).isEqualTo("Cette inscription est annulée.");
        assertThat($(Paragraph.class).id("atelier-notice").getText()).startsWith("Votre inscription est annulée.");
        assertThat($(Button.class).all()).noneMatch(b -> "atelier-cancel".equals(b.getId().orElse("")));
        assertThat(registrations.details(next.id()).status()).isEqualTo(RegistrationStatus.CONFIRMED);
    }

    @Test
    void a_waiting_person_sees_their_position_and_can_keep_it() {
        TestAtelier atelier = fixtures.create("Gestion attente", 1);
        registrations.register(AtelierFixtures.request(atelier.sessionId(), "Anne", "Petit"));
        var waiting = (PlaceResult.Waitlisted<Seats, Void>) registrations.register(AtelierFixtures.request(atelier.sessionId(), "Jean", "Dupont"));
        navigate("inscription/" + waiting.managementToken(), ManageRegistrationView.class);
        assertThat($(Paragraph.class).id("atelier-status").getText()).isEqualTo("Vous êtes sur la liste d’attente, en position 1.");
        test($(Button.class).id("atelier-cancel")).click();
        test($(Button.class).id("atelier-cancel-keep")).click();
        assertThat(registrations.details(waiting.id()).status()).isEqualTo(RegistrationStatus.WAITING);
    }

    @Test
    void a_person_moves_to_another_date_and_the_first_waiting_gets_the_old_seat() {
        TestAtelier atelier = fixtures.create("Changer date", 1);
        long thursday = fixtures.session(atelier.territory(), atelier.workshopId(), fixtures.at(10, 14, 0), 4);
        var mine = (PlaceResult.Confirmed<Seats, Void>) registrations.register(AtelierFixtures.request(atelier.sessionId(), "Anne", "Petit"));
        var next = (PlaceResult.Waitlisted<Seats, Void>) registrations.register(AtelierFixtures.request(atelier.sessionId(), "Jean", "Dupont"));

        navigate("inscription/" + mine.managementToken(), ManageRegistrationView.class);
        test($(Button.class).id("atelier-move")).click();
        test($(Button.class).id("atelier-move-" + thursday)).click();

        assertThat($(Paragraph.class).id("atelier-notice").getText()).startsWith("C’est noté : vous êtes inscrit le ");
        assertThat(registrations.details(mine.id()).sessionId()).isEqualTo(thursday);
        assertThat(registrations.details(mine.id()).status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(registrations.details(next.id()).status()).as("the old seat went to the first waiting")
                .isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(fixtures.counts(thursday).confirmedSeats()).isEqualTo(1);
        assertThat(fixtures.counts(atelier.sessionId()).confirmedSeats()).isEqualTo(1);
        assertThat(registrations.findByToken(mine.managementToken())).as("the same link follows the booking").isPresent();
    }

    @Test
    void a_person_gives_another_email_and_a_wrong_one_is_explained_next_to_the_field() {
        TestAtelier atelier = fixtures.create("Changer contact", 2);
        var mine = (PlaceResult.Confirmed<Seats, Void>) registrations.register(AtelierFixtures.request(atelier.sessionId(), "Anne", "Petit"));
        navigate("inscription/" + mine.managementToken(), ManageRegistrationView.class);
        test($(Button.class).id("atelier-change-contact")).click();

        test($(com.vaadin.flow.component.textfield.EmailField.class).id("atelier-contact-email")).setValue("pas-une-adresse");
        test($(Button.class).id("atelier-contact-save")).click();
        assertThat($(com.vaadin.flow.component.textfield.EmailField.class).id("atelier-contact-email").isInvalid()).isTrue();
        assertThat(registrations.details(mine.id()).email()).as("nothing saved").isNotEqualTo("pas-une-adresse");

        test($(com.vaadin.flow.component.textfield.EmailField.class).id("atelier-contact-email")).setValue("");
        test($(com.vaadin.flow.component.textfield.TextField.class).id("atelier-contact-phone")).setValue("06 12 34 56 78");
        test($(Button.class).id("atelier-contact-save")).click();

        assertThat($(Paragraph.class).id("atelier-notice").getText())
                .isEqualTo("C’est noté : les prochains messages iront aux nouvelles coordonnées.");
        assertThat(registrations.details(mine.id()).email()).isNull();
        assertThat(registrations.details(mine.id()).phone()).isEqualTo("+33612345678");
    }

    @Test
    void an_unknown_or_malformed_link_says_so_in_plain_french() {
        navigate("inscription/" + SecretTokens.generate(), ManageRegistrationView.class);
        assertThat($(H1.class).single().getText()).isEqualTo("Lien non valide");
        navigate("inscription/123", ManageRegistrationView.class);
        assertThat($(H1.class).single().getText()).isEqualTo("Lien non valide");
    }
}
