package fr.rdvnumerique.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdvnumerique.base.i18n.SentenceName;
import fr.rdvnumerique.territory.TerritoryDirectory;
import fr.rdvnumerique.territory.TerritoryFixtures;
import fr.rdvnumerique.testing.FrenchWording;
import fr.rdvnumerique.testing.IntegrationTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The texts of calendar events (invitations and « Ajouter à mon agenda » files), for places and structures named
 * with each article: correct French, and an atelier's event offers what its link does (see or cancel).
 */
@IntegrationTest
class CalendarWordingTest {

    @Autowired Outbox outbox;
    @Autowired TerritoryFixtures territories;
    @Autowired TerritoryDirectory directory;
    @Autowired JdbcTemplate jdbc;

    @Test
    void calendar_texts_name_places_in_correct_french_and_offer_what_the_link_does() {
        var territory = territories.create("Libellés agenda");
        var names = FrenchWording.samples("agenda");
        var mistakes = new ArrayList<String>();
        Instant start = Instant.parse("2030-01-15T13:00:00Z");
        var event = new MailEvent("Atelier « Envoyer un e-mail »", start, start.plusSeconds(7200), territory.placeId());
        for (SentenceName name : names) {
            FrenchWording.rename(jdbc, territory.structureId(), territory.placeId(), name, name);
            var structure = directory.structure(territory.structureId()).orElseThrow();
            var place = directory.place(territory.placeId()).orElseThrow();
            var atelier = outbox.calendarEntry(SubjectRef.of("ATELIER_REGISTRATION", 1), 1, CalendarMethod.PUBLISH,
                    event, structure, place, "https://exemple.fr/inscription/x", null);
            var appointment = outbox.calendarEntry(SubjectRef.of("APPOINTMENT", 1), 1, CalendarMethod.PUBLISH, event,
                    structure, place, "https://exemple.fr/rendez-vous/x", null);
            for (var entry : List.of(atelier, appointment)) {
                mistakes.addAll(FrenchWording.mistakes(entry.summary() + "\n" + entry.location() + "\n"
                        + entry.description(), List.of(name)));
            }
            assertThat(atelier.description()).contains("Pour voir ou annuler votre inscription : ")
                    .doesNotContain("déplacer");
            assertThat(appointment.description()).contains("Pour annuler ou déplacer : ");
        }
        assertThat(mistakes).isEmpty();
    }
}
