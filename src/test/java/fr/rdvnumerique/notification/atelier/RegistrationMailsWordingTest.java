package fr.rdvnumerique.notification.atelier;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdvnumerique.atelier.CancellationReason;
import fr.rdvnumerique.atelier.RegistrationCancelled;
import fr.rdvnumerique.atelier.RegistrationDetails;
import fr.rdvnumerique.atelier.RegistrationStatus;
import fr.rdvnumerique.atelier.SessionRescheduled;
import fr.rdvnumerique.atelier.SessionStatus;
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
 * Every mail about an atelier registration, for structures and places named with each article, starting with a
 * vowel or not: no « à Médiathèque », « Appelez Conseiller… », « de Espace »; and the link block offers only what
 * an atelier's page does (see and cancel, not move).
 */
@IntegrationTest
class RegistrationMailsWordingTest {

    @Autowired RegistrationMails mails;
    @Autowired MailComposer composer;
    @Autowired TerritoryFixtures territories;
    @Autowired TerritoryDirectory directory;
    @Autowired JdbcTemplate jdbc;

    @Test
    void every_atelier_mail_names_places_and_structures_in_correct_french_and_offers_what_the_link_does() {
        var territory = territories.create("Libellés atelier");
        Instant start = Instant.parse("2030-01-15T13:00:00Z");
        Instant end = Instant.parse("2030-01-15T15:00:00Z");
        var names = FrenchWording.samples("atelier");
        var mistakes = new ArrayList<String>();
        int rendered = 0;
        for (SentenceName structureName : names) {
            for (SentenceName placeName : List.of(names.get(0), names.get(2), names.get(6), names.get(8))) {
                FrenchWording.rename(jdbc, territory.structureId(), territory.placeId(), structureName, placeName);
                var r = details(territory.structureId(), territory.placeId(), territory.advisorId(),
                        RegistrationStatus.CONFIRMED, start, end);
                var waiting = details(territory.structureId(), territory.placeId(), territory.advisorId(),
                        RegistrationStatus.WAITING, start, end);
                var to = Recipient.of("ines@exemple.fr", "Inès Ollivier");
                var requests = List.of(mails.confirmed(r, 1, to), mails.waitlisted(waiting, 1, 2, to),
                        mails.promoted(r, 2, to),
                        mails.cancelled(r, new RegistrationCancelled(1, 2, territory.structureId(), CancelledBy.PERSON,
                                CancellationReason.PERSON_REQUEST, RegistrationStatus.CONFIRMED, 3), to),
                        mails.cancelled(r, new RegistrationCancelled(1, 2, territory.structureId(), CancelledBy.STAFF,
                                CancellationReason.SESSION_CANCELLED, RegistrationStatus.CONFIRMED, 3), to),
                        mails.moved(r, new SessionRescheduled(1, 2, territory.structureId(), start.minusSeconds(3600),
                                end.minusSeconds(3600), territory.secondPlaceId(), start, end, territory.placeId(), 4), to),
                        mails.movedToWaitingList(r, 5, 1, to), mails.reminder(r, to));
                for (MailRequest request : requests) {
                    var mail = composer.render(request, directory.structure(territory.structureId()).orElseThrow(),
                            directory.place(territory.placeId()).orElseThrow());
                    var both = List.of(structureName, placeName);
                    mistakes.addAll(FrenchWording.mistakes(mail.subject() + "\n" + mail.text(), both));
                    mistakes.addAll(FrenchWording.mistakes(mail.html(), both));
                    assertThat(mail.text()).doesNotContain("déplacer");
                    rendered++;
                }
            }
        }
        assertThat(rendered).isEqualTo(names.size() * 4 * 8);
        assertThat(mistakes).isEmpty();
    }

    @Test
    void a_moved_session_says_where_with_the_place_s_article() {
        var territory = territories.create("Libellés déplacement");
        FrenchWording.rename(jdbc, territory.structureId(), territory.placeId(),
                SentenceName.of("Centre social", fr.rdvnumerique.base.i18n.Article.LE),
                SentenceName.of("Espace Europe", fr.rdvnumerique.base.i18n.Article.L));
        Instant start = Instant.parse("2030-01-15T13:00:00Z");
        var r = details(territory.structureId(), territory.placeId(), territory.advisorId(), RegistrationStatus.CONFIRMED,
                start, start.plusSeconds(3600));
        var mail = composer.render(mails.moved(r, new SessionRescheduled(1, 2, territory.structureId(), start,
                        start.plusSeconds(3600), territory.secondPlaceId(), start, start.plusSeconds(3600),
                        territory.placeId(), 2), Recipient.of("ines@exemple.fr", null)),
                directory.structure(territory.structureId()).orElseThrow(),
                directory.place(territory.placeId()).orElseThrow());
        assertThat(mail.text()).contains("à 14 h 00, à l’Espace Europe.")
                .contains("Annuler votre inscription").doesNotContain("Annuler ou déplacer");
        assertThat(mail.html()).contains("Voir ou annuler").doesNotContain("Annuler ou déplacer");
    }

    private static RegistrationDetails details(long structureId, long placeId, long advisorId, RegistrationStatus status,
                                               Instant start, Instant end) {
        return new RegistrationDetails(1, 2, structureId, 3, advisorId, "Inès", "Ollivier", "Albert Ancel", 2,
                "ines@exemple.fr", "+33612345678", true, status, status == RegistrationStatus.WAITING ? 2 : null,
                Channel.WEB, 1, "Envoyer un e-mail", "Pas à pas", "Votre téléphone", "Ordinateurs", start, end, placeId,
                SessionStatus.SCHEDULED);
    }
}
