package fr.rdvnumerique.atelier.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import fr.rdvnumerique.atelier.AtelierFixtures;
import fr.rdvnumerique.atelier.AtelierFixtures.TestAtelier;
import fr.rdvnumerique.atelier.CancellationReason;
import fr.rdvnumerique.atelier.OfferExpiryJob;
import fr.rdvnumerique.atelier.RegistrationService;
import fr.rdvnumerique.atelier.RegistrationStatus;
import fr.rdvnumerique.atelier.RosterEntry;
import fr.rdvnumerique.atelier.RosterService;
import fr.rdvnumerique.atelier.Seats;
import fr.rdvnumerique.base.domain.PlaceResult;
import fr.rdvnumerique.base.security.StaffLogin;
import fr.rdvnumerique.base.web.SecretTokens;
import fr.rdvnumerique.testing.IntegrationTest;
import fr.rdvnumerique.testing.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * « Je viens / Je ne pourrai pas venir » through the screen: opening the link changes nothing, each button does
 * what it says, a seat freed late is offered to the next person, who takes it from their own link or from staff
 * on the phone, and passes on when nobody answers.
 */
@IntegrationTest
class RegistrationPresenceViewTest extends SpringBrowserlessTest {

    @Autowired AtelierFixtures fixtures;
    @Autowired RegistrationService registrations;
    @Autowired RosterService rosters;
    @Autowired OfferExpiryJob offers;
    @Autowired TestClock clock;

    @AfterEach
    void reset() {
        StaffLogin.signOut();
        clock.reset();
    }

    private PlaceResult.Confirmed<Seats, Void> seat(TestAtelier atelier, String first, String last) {
        return (PlaceResult.Confirmed<Seats, Void>) registrations.register(AtelierFixtures.request(atelier.sessionId(), first, last));
    }

    private PlaceResult.Waitlisted<Seats, Void> waiting(TestAtelier atelier, String first, String last) {
        return (PlaceResult.Waitlisted<Seats, Void>) registrations.register(AtelierFixtures.request(atelier.sessionId(), first, last));
    }

    private void open(String token) {
        navigate("inscription/" + token + "/presence", RegistrationPresenceView.class);
    }

    private String status() {
        return $(Paragraph.class).id("presence-status").getText();
    }

    private String notice() {
        return $(Paragraph.class).id("presence-notice").getText();
    }

    @Test
    void opening_the_link_changes_nothing_and_i_am_coming_is_noted_for_staff() {
        TestAtelier atelier = fixtures.create("Presence oui", 2);
        var mine = seat(atelier, "Anne", "Petit");

        open(mine.managementToken());
        assertThat($(H1.class).single().getText()).isEqualTo("Venez-vous à l’atelier ?");
        assertThat(status()).isEqualTo("Votre place est réservée.");
        assertThat(registrations.findByToken(mine.managementToken()).orElseThrow().presenceConfirmedAt())
                .as("a link scanner opening the page decides nothing").isNull();

        test($(Button.class).id("presence-yes")).click();

        assertThat(notice()).isEqualTo("Merci ! C’est noté : vous venez.");
        assertThat(status()).isEqualTo("Votre place est réservée et vous nous avez dit que vous venez.");
        StaffLogin.advisor(atelier.territory().structureId(), atelier.territory().advisorId());
        assertThat(rosters.roster(atelier.sessionId()).confirmed()).singleElement()
                .extracting(RosterEntry::presenceConfirmedAt).isNotNull();
    }

    @Test
    void i_cannot_come_a_week_before_gives_the_seat_to_the_first_waiting_at_once() {
        TestAtelier atelier = fixtures.create("Presence non", 1);
        var mine = seat(atelier, "Anne", "Petit");
        var next = waiting(atelier, "Jean", "Dupont");

        open(mine.managementToken());
        test($(Button.class).id("presence-no")).click();

        assertThat(notice()).startsWith("C’est noté : votre place est donnée à quelqu’un d’autre.");
        assertThat(status()).isEqualTo("Cette inscription est annulée.");
        assertThat($(Button.class).all()).noneMatch(b -> b.getId().orElse("").startsWith("presence-"));
        assertThat(registrations.details(next.id()).status()).isEqualTo(RegistrationStatus.CONFIRMED);
    }

    @Test
    void a_seat_freed_the_day_before_is_offered_and_the_next_person_takes_it_from_their_link() {
        TestAtelier atelier = fixtures.create("Presence offre", 1);
        var mine = seat(atelier, "Anne", "Petit");
        var next = waiting(atelier, "Jean", "Dupont");
        var after = waiting(atelier, "Lea", "Martin");
        clock.set(atelier.start().minus(Duration.ofHours(20)));

        open(mine.managementToken());
        test($(Button.class).id("presence-no")).click();
        assertThat(registrations.details(next.id()).status()).as("offered, not given silently")
                .isEqualTo(RegistrationStatus.WAITING);

        open(next.managementToken());
        assertThat($(H1.class).single().getText()).isEqualTo("Une place s’est libérée pour vous");
        assertThat(status()).startsWith("Une place s’est libérée. Nous vous la gardons jusqu’au ");
        clock.advance(Duration.ofHours(2));
        test($(Button.class).id("presence-yes")).click();

        assertThat(notice()).isEqualTo("Merci ! La place est à vous.");
        assertThat(registrations.details(next.id()).status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(registrations.details(after.id()).position()).isEqualTo(1);
        var counts = fixtures.counts(atelier.sessionId());
        assertThat(counts.confirmedSeats()).isEqualTo(1).isEqualTo(counts.confirmedRowSeats());
    }

    @Test
    void an_offer_declined_goes_to_the_next_and_one_not_answered_lapses_to_the_one_after() {
        TestAtelier atelier = fixtures.create("Presence delai", 1);
        var mine = seat(atelier, "Anne", "Petit");
        var second = waiting(atelier, "Jean", "Dupont");
        var third = waiting(atelier, "Lea", "Martin");
        var fourth = waiting(atelier, "Paul", "Bernard");
        clock.set(atelier.start().minus(Duration.ofHours(12)));
        registrations.cancelByToken(mine.managementToken());

        open(second.managementToken());
        test($(Button.class).id("presence-no")).click();
        assertThat(notice()).startsWith("C’est noté : la place est proposée à quelqu’un d’autre.");
        assertThat(registrations.findByToken(third.managementToken()).orElseThrow().hasOffer()).isTrue();

        clock.advance(Duration.ofHours(3));
        assertThat(offers.runOnce()).isGreaterThanOrEqualTo(1);
        assertThat(registrations.details(third.id()).status()).isEqualTo(RegistrationStatus.CANCELLED);
        assertThat(registrations.findByToken(third.managementToken()).orElseThrow().cancellationReason())
                .isEqualTo(CancellationReason.OFFER_LAPSED);
        assertThat(registrations.findByToken(fourth.managementToken()).orElseThrow().hasOffer()).isTrue();

        open(third.managementToken());
        assertThat(status()).isEqualTo("La place proposée n’a pas été confirmée à temps : elle est allée à la personne suivante.");
        assertThat($(Button.class).all()).noneMatch(b -> b.getId().orElse("").startsWith("presence-"));
    }

    @Test
    void staff_see_the_offer_and_its_deadline_and_confirm_it_on_the_phone() {
        TestAtelier atelier = fixtures.create("Presence staff", 1);
        var mine = seat(atelier, "Anne", "Petit");
        var next = waiting(atelier, "Jean", "Dupont");
        clock.set(atelier.start().minus(Duration.ofHours(6)));
        registrations.cancelByToken(mine.managementToken());

        StaffLogin.advisor(atelier.territory().structureId(), atelier.territory().advisorId());
        navigate("staff/ateliers/seance/" + atelier.sessionId(), SessionView.class);
        @SuppressWarnings("unchecked")
        Grid<RosterEntry> waitingGrid = $(Grid.class).id("roster-waiting");
        assertThat(test(waitingGrid).getCellText(0, 6)).startsWith("Jusqu’au ");
        var actions = (com.vaadin.flow.component.html.Div) test(waitingGrid).getCellComponent(0, 7);
        Button confirm = $(Button.class, actions).first();
        assertThat(confirm.getId()).contains("roster-confirm-offer-" + next.id());
        assertThat(confirm.getText()).isEqualTo("Confirmer la place (au téléphone)");
        test(confirm).click();

        assertThat(registrations.details(next.id()).status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat($(Paragraph.class).id("roster-counts").getText())
                .isEqualTo("1 place(s) réservée(s) sur 1 · 0 personne(s) en liste d’attente");
    }

    @Test
    void an_unknown_link_says_so_and_offers_no_button() {
        open(SecretTokens.generate());
        assertThat($(H1.class).single().getText()).isEqualTo("Lien non valide");
        assertThat($(Button.class).all()).noneMatch(b -> b.getId().orElse("").startsWith("presence-"));
    }
}
