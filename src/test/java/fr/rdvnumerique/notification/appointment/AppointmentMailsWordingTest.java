package fr.rdvnumerique.notification.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdvnumerique.appointment.AppointmentCancelled;
import fr.rdvnumerique.appointment.AppointmentDetails;
import fr.rdvnumerique.appointment.AppointmentRescheduled;
import fr.rdvnumerique.appointment.AppointmentStatus;
import fr.rdvnumerique.base.domain.CancelledBy;
import fr.rdvnumerique.base.domain.Channel;
import fr.rdvnumerique.base.i18n.SentenceName;
import fr.rdvnumerique.notification.internal.MailRequest;
import fr.rdvnumerique.notification.internal.Recipient;
import fr.rdvnumerique.notification.mail.MailComposer;
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
 * Every mail about an appointment, for a structure and a place named with each article, starting with a vowel or
 * not, and a person whose name starts with a vowel: no « à Médiathèque », « Appelez Conseiller… », « de Espace ».
 */
@IntegrationTest
class AppointmentMailsWordingTest {

    @Autowired AppointmentMails mails;
    @Autowired MailComposer composer;
    @Autowired TerritoryFixtures territories;
    @Autowired TerritoryDirectory directory;
    @Autowired JdbcTemplate jdbc;

    @Test
    void every_appointment_mail_names_places_and_structures_in_correct_french() {
        var territory = territories.create("Libellés RDV");
        Instant start = Instant.parse("2030-01-15T13:00:00Z");
        Instant end = Instant.parse("2030-01-15T13:45:00Z");
        var names = FrenchWording.samples("RDV");
        var mistakes = new ArrayList<String>();
        int rendered = 0;
        for (SentenceName structureName : names) {
            for (SentenceName placeName : List.of(names.get(0), names.get(4), names.get(2))) {
                FrenchWording.rename(jdbc, territory.structureId(), territory.placeId(), structureName, placeName);
                var a = new AppointmentDetails(1, territory.structureId(), territory.placeId(), territory.advisorId(),
                        "Émile Ardent", "Amélie Ouvrard", "amelie@exemple.fr", "06 12 34 56 78", true,
                        AppointmentStatus.BOOKED, 1, "Aide aux démarches", true, "Votre carte Vitale", start, end, 1,
                        Channel.WEB);
                var to = Recipient.of("amelie@exemple.fr", "Amélie Ouvrard");
                var requests = List.of(mails.booked(a, 1, to),
                        mails.moved(a, new AppointmentRescheduled(1, territory.advisorId(), territory.placeId(),
                                territory.structureId(), start.minusSeconds(86_400), end.minusSeconds(86_400),
                                territory.advisorId(), start, end, 2), to),
                        mails.cancelled(a, new AppointmentCancelled(1, territory.advisorId(), territory.placeId(),
                                territory.structureId(), start, end, 3, CancelledBy.STAFF, "Fermeture"), to),
                        mails.cancelled(a, new AppointmentCancelled(1, territory.advisorId(), territory.placeId(),
                                territory.structureId(), start, end, 3, CancelledBy.PERSON, null), to),
                        mails.reminder(a, to));
                for (MailRequest request : requests) {
                    var mail = composer.render(request, directory.structure(territory.structureId()).orElseThrow(),
                            directory.place(territory.placeId()).orElseThrow());
                    var both = List.of(structureName, placeName);
                    mistakes.addAll(FrenchWording.mistakes(mail.subject() + "\n" + mail.text(), both));
                    mistakes.addAll(FrenchWording.mistakes(mail.html(), both));
                    rendered++;
                }
                var notice = mails.bookedNotice(a, 1);
                mistakes.addAll(FrenchWording.mistakes(notice.summary() + "\n" + String.join("\n", notice.details()),
                        List.of(structureName, placeName)));
            }
        }
        assertThat(rendered).isEqualTo(names.size() * 3 * 5);
        assertThat(mistakes).isEmpty();
    }

    @Test
    void the_contact_lines_say_the_structure_with_its_article() {
        var territory = territories.create("Libellés contact");
        FrenchWording.rename(jdbc, territory.structureId(), territory.placeId(),
                SentenceName.of("Conseiller numérique de Ludres", fr.rdvnumerique.base.i18n.Article.LE),
                SentenceName.of("Espace Émeraude", fr.rdvnumerique.base.i18n.Article.L));
        Instant start = Instant.parse("2030-01-15T13:00:00Z");
        var a = new AppointmentDetails(1, territory.structureId(), territory.placeId(), territory.advisorId(),
                "Émile Ardent", "Amélie Ouvrard", "amelie@exemple.fr", null, true, AppointmentStatus.BOOKED, 1,
                "Aide", false, null, start, start.plusSeconds(1800), 1, Channel.WEB);
        var mail = composer.render(mails.booked(a, 1, Recipient.of("amelie@exemple.fr", "Amélie Ouvrard")),
                directory.structure(territory.structureId()).orElseThrow(),
                directory.place(territory.placeId()).orElseThrow());
        assertThat(mail.text()).contains("Appelez le Conseiller numérique de Ludres au ")
                .contains("Message envoyé automatiquement par le Conseiller numérique de Ludres avec RDV Numérique.");
    }
}
