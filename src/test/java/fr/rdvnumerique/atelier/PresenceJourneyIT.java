package fr.rdvnumerique.atelier;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdvnumerique.atelier.AtelierFixtures.TestAtelier;
import fr.rdvnumerique.base.domain.PlaceResult;
import fr.rdvnumerique.testing.BrowserTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A reminder's « Je ne pourrai pas venir » on a phone-sized screen: opening the link changes nothing, the press
 * cancels, and the first person waiting gets the seat at once. Each page is scanned with axe-core.
 */
class PresenceJourneyIT extends BrowserTest {

    @Autowired AtelierFixtures fixtures;
    @Autowired RegistrationService registrations;

    @Test
    void i_cannot_come_on_a_phone_gives_the_seat_to_the_next_person() {
        TestAtelier atelier = fixtures.create("Parcours presence", 1, 5);
        var mine = (PlaceResult.Confirmed<Seats, Void>) registrations.register(
                AtelierFixtures.request(atelier.sessionId(), "Anne", "Petit"));
        var next = (PlaceResult.Waitlisted<Seats, Void>) registrations.register(
                AtelierFixtures.request(atelier.sessionId(), "Jean", "Dupont"));

        resize(390, 844);
        open("inscription/" + mine.managementToken() + "/presence");
        waitForText("Venez-vous à l’atelier ?");
        assertThat(bodyText()).contains("Je viens", "Je ne pourrai pas venir", "Découvrir sa tablette Parcours presence");
        screenshot("presence-01-question");
        assertAccessible("page « Je viens / Je ne pourrai pas venir »");
        assertThat(registrations.details(mine.id()).status()).as("opening changed nothing")
                .isEqualTo(RegistrationStatus.CONFIRMED);

        click("presence-no");
        waitForText("C’est noté : votre place est donnée à quelqu’un d’autre.");
        screenshot("presence-02-annule");
        assertAccessible("après « Je ne pourrai pas venir »");
        assertThat(registrations.details(mine.id()).status()).isEqualTo(RegistrationStatus.CANCELLED);
        assertThat(registrations.details(next.id()).status()).isEqualTo(RegistrationStatus.CONFIRMED);
    }
}
