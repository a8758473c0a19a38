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
    void an_unknown_or_malformed_link_says_so_in_plain_french() {
        navigate("inscription/" + SecretTokens.generate(), ManageRegistrationView.class);
        assertThat($(H1.class).single().getText()).isEqualTo("Lien non valide");
        navigate("inscription/123", ManageRegistrationView.class);
        assertThat($(H1.class).single().getText()).isEqualTo("Lien non valide");
    }
}
