package fr.rdvnumerique.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdvnumerique.base.domain.Origin;
import fr.rdvnumerique.base.domain.PlaceResult;
import fr.rdvnumerique.base.security.Role;
import fr.rdvnumerique.base.security.StaffAccountProvisioning;
import fr.rdvnumerique.territory.TerritoryFixtures;
import fr.rdvnumerique.territory.TerritoryFixtures.TestTerritory;
import fr.rdvnumerique.testing.BrowserTest;
import fr.rdvnumerique.testing.TestClock;
import java.time.DayOfWeek;
import java.util.EnumSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A resident books alone in a real browser (place, motif, day, time, name, confirmation), opens the private link
 * and cancels; then the advisor sees the agenda. Every page is scanned for WCAG A/AA violations.
 */
class AppointmentJourneyIT extends BrowserTest {

    @Autowired TerritoryFixtures territories;
    @Autowired AppointmentFixtures fixtures;
    @Autowired StaffAccountProvisioning accounts;
    @Autowired TestClock clock;
    @Autowired org.springframework.transaction.support.TransactionTemplate transactions;

    TestTerritory territory;
    long motif;

    @BeforeEach
    void territory() {
        clock.setParis(2026, 11, 30, 9, 0);
        territory = territories.create("Parcours");
        motif = fixtures.motif(territory, "Faire une démarche en ligne", 45, 15, 24, 42, 2, true);
        fixtures.open(territory, DayOfWeek.TUESDAY, "09:00", "12:00");
        resize(1280, 900);
    }

    @AfterEach
    void reset() {
        clock.reset();
        signOut();
    }

    @Test
    void a_resident_books_sees_the_confirmation_and_cancels_with_the_private_link() {
        open("territoire/" + territory.slug() + "/rendez-vous");
        waitForText("Où voulez-vous être reçu ?");
        screenshot("01-lieu");
        assertAccessible("étape lieu");
        click("place-" + territory.placeId());

        waitForText("De quoi avez-vous besoin ?");
        screenshot("02-motif");
        assertAccessible("étape motif");
        click("motif-" + motif);

        waitForText("Que voulez-vous apprendre ?");
        screenshot("03-themes");
        assertAccessible("étape thèmes");
        click("themes-skip");

        waitForText("Choisissez un jour");
        screenshot("04-jour");
        assertAccessible("calendrier");
        click("day-2026-12-01");

        waitForText("Choisissez l’heure");
        screenshot("05-heure");
        assertAccessible("horaires");
        click("time-" + java.time.ZonedDateTime.of(2026, 12, 1, 10, 0, 0, 0, fr.rdvnumerique.base.time.ParisTime.ZONE)
                .toInstant().getEpochSecond());

        waitForText("Comment vous appelez-vous ?");
        type("contact-first-name", "Jeanne");
        type("contact-last-name", "Martin");
        type("contact-email", "jeanne@" + territory.slug() + ".example.org");
        screenshot("06-coordonnees");
        assertAccessible("coordonnées");
        click("contact-next");

        waitForText("Vérifiez votre rendez-vous");
        screenshot("07-verification");
        assertAccessible("vérification");
        click("confirm-booking");

        waitForText("Votre rendez-vous est confirmé");
        assertThat(bodyText()).contains("mardi 1er décembre 2026 à 10 h 00", "1 rue de la Paix", "votre pièce d’identité");
        screenshot("08-confirmation");
        assertAccessible("confirmation");

        String link = waitFor(By.id("manage-link")).getAttribute("href");
        assertThat(link).contains("/rendez-vous/");
        click("manage-link");
        waitForText("Mon rendez-vous");
        screenshot("09-mon-rendez-vous");
        assertAccessible("page du lien privé");

        click("manage-cancel");
        waitForText("Annuler ce rendez-vous ?");
        assertAccessible("confirmation d’annulation");
        click("cancel-yes");
        waitForText("Votre rendez-vous est annulé");
        screenshot("10-annule");
        assertAccessible("rendez-vous annulé");

        // The link still works after a reload, and shows the cancellation.
        driver.get(link);
        waitForVaadin();
        waitForText("Annulé");
    }

    @Test
    void the_advisor_sees_the_appointment_in_the_agenda() {
        String email = "conseiller@" + territory.slug() + ".example.org";
        transactions.executeWithoutResult(status -> accounts.provision(email, "Conseiller Parcours",
                "mot-de-passe-du-parcours", EnumSet.of(Role.ADVISOR), territory.structureId(), territory.advisorId()));
        var request = new BookingRequest(territory.placeId(), motif,
                java.time.ZonedDateTime.of(2026, 12, 1, 9, 0, 0, 0, fr.rdvnumerique.base.time.ParisTime.ZONE).toInstant(),
                "Paul", "Durand", "paul@" + territory.slug() + ".example.org", null, true, java.util.Set.of(), null,
                Origin.kiosk("borne"));
        assertThat(applicationContext().getBean(BookingService.class).book(request)).isInstanceOf(PlaceResult.Confirmed.class);

        signIn(email, "mot-de-passe-du-parcours");
        open("staff/agenda");
        waitForText("Paul Durand");
        screenshot("11-agenda");
        click("open-" + bookedId());
        waitForText("Déplacer");
        screenshot("12-rendez-vous-equipe");
    }

    @Test
    void a_coordinator_sees_the_team_and_the_advisor_records_the_activity() {
        long second = territories.addAdvisor(territory, "Deuxième Conseillère");
        fixtures.open(territory, second, territory.secondPlaceId(), DayOfWeek.TUESDAY, "09:00", "12:00");
        String coordinator = "coordination@" + territory.slug() + ".example.org";
        String advisor = "conseiller@" + territory.slug() + ".example.org";
        transactions.executeWithoutResult(status -> {
            accounts.provision(coordinator, "Coordination Parcours", "mot-de-passe-du-parcours",
                    EnumSet.of(Role.COORDINATOR), territory.structureId(), null);
            accounts.provision(advisor, "Conseiller Parcours", "mot-de-passe-du-parcours", EnumSet.of(Role.ADVISOR),
                    territory.structureId(), territory.advisorId());
        });
        var booking = applicationContext().getBean(BookingService.class);
        for (long place : new long[] {territory.placeId(), territory.secondPlaceId()}) {
            var request = new BookingRequest(place, motif,
                    java.time.ZonedDateTime.of(2026, 12, 1, 10, 0, 0, 0, fr.rdvnumerique.base.time.ParisTime.ZONE).toInstant(),
                    place == territory.placeId() ? "Paul" : "Lucie", place == territory.placeId() ? "Durand" : "Petit",
                    "p" + place + "@" + territory.slug() + ".example.org", null, true,
                    java.util.Set.of(fr.rdvnumerique.base.taxonomy.Theme.EMAIL), null, Origin.kiosk("borne"));
            assertThat(booking.book(request)).isInstanceOf(PlaceResult.Confirmed.class);
        }

        signIn(coordinator, "mot-de-passe-du-parcours");
        open("staff/agenda");
        waitForText("Tous les conseillers");
        waitForText("Lucie Petit");
        assertThat(bodyText()).contains("Paul Durand", "Deuxième Conseillère", "Conseiller Parcours");
        screenshot("13-agenda-equipe");
        assertAccessible("agenda de l’équipe");
        // Selects in a form, required through a validator: no aria-required where axe refuses it.
        open("staff/plages");
        click("grid-add");
        waitFor(org.openqa.selenium.By.id("hours-save"));
        screenshot("13-plage-horaire");
        assertAccessible("nouvelle plage horaire");
        signOut();

        clock.setParis(2026, 12, 1, 10, 50);
        signIn(advisor, "mot-de-passe-du-parcours");
        open("staff/agenda");
        waitForText("Paul Durand");
        long paul = jdbc.queryForObject("select id from appointment where place_id = ? and person_name = 'Paul Durand'",
                Long.class, territory.placeId());
        click("open-" + paul);
        click("appointment-done");
        waitForText("La personne (facultatif)");
        screenshot("14-compte-rendu");
        assertAccessible("compte rendu");

        // Date-time pickers (a "group") and selects, required through a validator.
        open("staff/absences");
        click("grid-add");
        waitFor(org.openqa.selenium.By.id("absence-save"));
        screenshot("15-absence");
        assertAccessible("nouvelle absence");
    }

    @Autowired org.springframework.context.ApplicationContext context;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    private org.springframework.context.ApplicationContext applicationContext() {
        return context;
    }

    private long bookedId() {
        return jdbc.queryForObject("select max(id) from appointment where place_id = ?", Long.class, territory.placeId());
    }
}
