package fr.rdvnumerique.atelier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.rdvnumerique.atelier.AtelierFixtures.TestAtelier;
import fr.rdvnumerique.atelier.domain.Participant;
import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.base.domain.CancelledBy;
import fr.rdvnumerique.base.domain.Channel;
import fr.rdvnumerique.base.domain.Origin;
import fr.rdvnumerique.base.domain.PlaceResult;
import fr.rdvnumerique.base.domain.Resident;
import fr.rdvnumerique.base.taxonomy.AgeBand;
import fr.rdvnumerique.base.taxonomy.Theme;
import fr.rdvnumerique.base.web.SecretTokens;
import fr.rdvnumerique.testing.IntegrationTest;
import fr.rdvnumerique.testing.TestClock;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Residents register, are told where they stand, and cancel through their private link. */
@IntegrationTest
@RecordApplicationEvents
class RegistrationServiceTest {

    @Autowired AtelierFixtures fixtures;
    @Autowired RegistrationService registrations;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;
    @Autowired ApplicationEvents events;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void a_person_gets_a_seat_then_the_next_ones_join_the_waiting_list_in_order() {
        TestAtelier atelier = fixtures.create("Inscription", 2);
        var first = registrations.register(AtelierFixtures.request(atelier.sessionId(), "Marie-Hélène", "N'Diaye"));
        var second = registrations.register(AtelierFixtures.request(atelier.sessionId(), "Jean", "Dupont"));
        var third = registrations.register(AtelierFixtures.request(atelier.sessionId(), "Lucie", "Martin"));
        var fourth = registrations.register(AtelierFixtures.request(atelier.sessionId(), "Paul", "Bernard"));

        assertThat(first).isInstanceOf(PlaceResult.Confirmed.class);
        assertThat(second).isInstanceOf(PlaceResult.Confirmed.class);
        assertThat(third).isInstanceOfSatisfying(PlaceResult.Waitlisted.class, w -> assertThat(w.position()).isEqualTo(1));
        assertThat(fourth).isInstanceOfSatisfying(PlaceResult.Waitlisted.class, w -> assertThat(w.position()).isEqualTo(2));
        var confirmed = (PlaceResult.Confirmed<Seats, Void>) first;
        assertThat(registrations.details(confirmed.id())).satisfies(d -> {
            assertThat(d.firstName()).isEqualTo("Marie-Hélène");
            assertThat(d.lastName()).isEqualTo("N'Diaye");
            assertThat(d.status()).isEqualTo(RegistrationStatus.CONFIRMED);
            assertThat(d.sessionTitle()).startsWith("Découvrir sa tablette");
            assertThat(d.start()).isEqualTo(atelier.start());
            assertThat(d.placeId()).isEqualTo(atelier.territory().placeId());
            assertThat(d.sequence()).isZero();
        });
        assertThat(events.stream(RegistrationConfirmed.class)).hasSize(2);
        assertThat(events.stream(RegistrationWaitlisted.class)).extracting(RegistrationWaitlisted::position).containsExactly(1, 2);
    }

    @Test
    void the_private_link_is_random_stored_only_as_a_hash_and_shows_the_registration() {
        TestAtelier atelier = fixtures.create("Lien", 5);
        var result = (PlaceResult.Confirmed<Seats, Void>) registrations.register(AtelierFixtures.request(atelier.sessionId(), "Anne", "Petit"));
        String token = result.managementToken();
        assertThat(SecretTokens.looksValid(token)).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from atelier_registration_token where token_hash = ?", Integer.class, token))
                .as("the plain token is never stored").isZero();
        assertThat(jdbc.queryForObject("select count(*) from atelier_registration_token where token_hash = ? and registration_id = ?",
                Integer.class, SecretTokens.hash(token), result.id())).isEqualTo(1);
        assertThat(registrations.findByToken(token)).get().satisfies(m -> {
            assertThat(m.firstName()).isEqualTo("Anne");
            assertThat(m.status()).isEqualTo(RegistrationStatus.CONFIRMED);
            assertThat(m.cancellable()).isTrue();
            assertThat(m.structureSlug()).isEqualTo(atelier.territory().slug());
        });
        assertThat(registrations.findByToken(SecretTokens.generate())).isEmpty();
        assertThat(registrations.findByToken("12")).isEmpty();
        assertThat(registrations.findByToken(null)).isEmpty();
    }

    @Test
    void each_mail_can_carry_a_new_link_and_all_of_them_work() {
        TestAtelier atelier = fixtures.create("Liens", 5);
        var result = (PlaceResult.Confirmed<Seats, Void>) registrations.register(AtelierFixtures.request(atelier.sessionId(), "Anne", "Petit"));
        String second = registrations.issueManagementToken(result.id());
        assertThat(second).isNotEqualTo(result.managementToken());
        assertThat(registrations.findByToken(second)).get().extracting(ManagedRegistration::registrationId)
                .isEqualTo(result.id());
        assertThat(registrations.findByToken(result.managementToken())).isPresent();
        assertThatThrownBy(() -> registrations.issueManagementToken(-1)).isInstanceOf(BusinessRuleException.class);
    }

    @Test
    void every_link_of_a_registration_stops_working_thirty_days_after_the_session() {
        TestAtelier atelier = fixtures.create("Liens duree", 5);
        var result = (PlaceResult.Confirmed<Seats, Void>) registrations.register(AtelierFixtures.request(atelier.sessionId(), "Anne", "Petit"));
        String mailed = registrations.issueManagementToken(result.id());

        clock.set(atelier.end().plus(java.time.Duration.ofDays(30)).minusSeconds(1));
        assertThat(registrations.findByToken(mailed)).as("a month after, still the person's").isPresent();
        assertThat(registrations.findByToken(result.managementToken())).isPresent();

        clock.set(atelier.end().plus(java.time.Duration.ofDays(30)));
        assertThat(registrations.findByToken(mailed)).as("every link of the booking ends together").isEmpty();
        assertThat(registrations.findByToken(result.managementToken())).isEmpty();
        assertThatThrownBy(() -> registrations.cancelByToken(mailed)).isInstanceOf(BusinessRuleException.class);
    }

    @Test
    void cancelling_through_the_link_gives_the_seat_to_the_first_person_waiting() {
        TestAtelier atelier = fixtures.create("Annulation", 1);
        var holder = (PlaceResult.Confirmed<Seats, Void>) registrations.register(AtelierFixtures.request(atelier.sessionId(), "Anne", "Petit"));
        var first = (PlaceResult.Waitlisted<Seats, Void>) registrations.register(AtelierFixtures.request(atelier.sessionId(), "Jean", "Dupont"));
        var second = (PlaceResult.Waitlisted<Seats, Void>) registrations.register(AtelierFixtures.request(atelier.sessionId(), "Lucie", "Martin"));

        ManagedRegistration cancelled = registrations.cancelByToken(holder.managementToken());

        assertThat(cancelled.status()).isEqualTo(RegistrationStatus.CANCELLED);
        assertThat(cancelled.cancelledBy()).isEqualTo(CancelledBy.PERSON);
        assertThat(registrations.details(first.id()).status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(registrations.findByToken(second.managementToken())).get().extracting(ManagedRegistration::position).isEqualTo(1);
        assertThat(events.stream(RegistrationCancelled.class)).singleElement().satisfies(e -> {
            assertThat(e.registrationId()).isEqualTo(holder.id());
            assertThat(e.cancelledBy()).isEqualTo(CancelledBy.PERSON);
            assertThat(e.reason()).isEqualTo(CancellationReason.PERSON_REQUEST);
            assertThat(e.previousStatus()).isEqualTo(RegistrationStatus.CONFIRMED);
            assertThat(e.sequence()).isEqualTo(1);
        });
        assertThat(events.stream(RegistrationPromoted.class)).singleElement().satisfies(e -> {
            assertThat(e.registrationId()).isEqualTo(first.id());
            assertThat(e.structureId()).isEqualTo(atelier.territory().structureId());
            assertThat(e.byStaff()).isFalse();
            assertThat(e.sequence()).isEqualTo(1);
        });
        var counts = fixtures.counts(atelier.sessionId());
        assertThat(counts.confirmedSeats()).isEqualTo(1).isEqualTo(counts.confirmedRowSeats());
        assertThat(counts.waitingCount()).isEqualTo(1).isEqualTo(counts.waitingRows());
        assertThatThrownBy(() -> registrations.cancelByToken(holder.managementToken()))
                .hasFieldOrPropertyWithValue("messageKey", "atelier.registration.already-cancelled");
    }

    @Test
    void the_same_email_or_phone_cannot_register_twice_for_one_session() {
        TestAtelier atelier = fixtures.create("Doublon", 1);
        String email = AtelierFixtures.email("claire");
        var first = registrations.register(RegistrationRequest.simple(atelier.sessionId(), "Claire", "Roux", email,
                "06 12 34 56 78", AtelierFixtures.web()));
        var sameEmail = registrations.register(RegistrationRequest.simple(atelier.sessionId(), "Claire", "Roux",
                email.toUpperCase(), null, AtelierFixtures.web()));
        var samePhone = registrations.register(RegistrationRequest.simple(atelier.sessionId(), "Claire", "Roux", null,
                "+33 6 12 34 56 78", Origin.kiosk("borne-doublon")));

        long id = ((PlaceResult.Confirmed<Seats, Void>) first).id();
        assertThat(sameEmail).isEqualTo(new PlaceResult.AlreadyHeld<>(id, null));
        assertThat(samePhone).isEqualTo(new PlaceResult.AlreadyHeld<>(id, null));
        assertThat(fixtures.counts(atelier.sessionId()).confirmedRows()).isEqualTo(1);
        assertThat(fixtures.counts(atelier.sessionId()).waitingRows()).isZero();
    }

    @Test
    void after_cancelling_a_person_may_register_again() {
        TestAtelier atelier = fixtures.create("Retour", 3);
        String email = AtelierFixtures.email("remi");
        var first = (PlaceResult.Confirmed<Seats, Void>) registrations.register(RegistrationRequest.simple(atelier.sessionId(),
                "Rémi", "Faure", email, null, AtelierFixtures.web()));
        registrations.cancelByToken(first.managementToken());
        assertThat(registrations.register(RegistrationRequest.simple(atelier.sessionId(), "Rémi", "Faure", email, null,
                AtelierFixtures.web()))).isInstanceOf(PlaceResult.Confirmed.class);
    }

    @Test
    void one_contact_may_hold_only_six_upcoming_registrations() {
        TestAtelier atelier = fixtures.create("Plafond", 5, 3);
        String email = AtelierFixtures.email("accapareur");
        for (int day = 0; day < 6; day++) {
            long session = day == 0 ? atelier.sessionId()
                    : fixtures.session(atelier.territory(), atelier.workshopId(), fixtures.at(3 + day, 14, 0), 5);
            assertThat(registrations.register(RegistrationRequest.simple(session, "Hugo", "Blanc", email, null, AtelierFixtures.web())))
                    .isInstanceOf(PlaceResult.Confirmed.class);
        }
        long seventh = fixtures.session(atelier.territory(), atelier.workshopId(), fixtures.at(10, 14, 0), 5);
        assertThat(registrations.register(RegistrationRequest.simple(seventh, "Hugo", "Blanc", email, null, AtelierFixtures.web())))
                .isEqualTo(new PlaceResult.Refused<>("atelier.registration.refused.too-many", java.util.List.of(6)));
        assertThat(fixtures.counts(seventh).confirmedRows()).isZero();
    }

    @Test
    void registration_closes_before_the_start_and_past_sessions_refuse_it() {
        TestAtelier atelier = fixtures.create("Fermeture", 5, 2);
        clock.set(atelier.start().minus(Duration.ofMinutes(90)));
        assertThat(registrations.register(AtelierFixtures.request(atelier.sessionId(), "Léa", "Morel")))
                .isEqualTo(new PlaceResult.Refused<>("atelier.registration.refused.closed", java.util.List.of()));
        clock.set(atelier.end().plus(Duration.ofDays(1)));
        assertThat(registrations.register(AtelierFixtures.request(atelier.sessionId(), "Léa", "Morel")))
                .isEqualTo(new PlaceResult.Refused<>("atelier.registration.refused.past", java.util.List.of()));
        assertThat(fixtures.counts(atelier.sessionId()).confirmedSeats()).isZero();
    }

    @Test
    void names_with_accents_apostrophes_and_hyphens_and_an_accompanying_person_are_kept_as_typed() {
        TestAtelier atelier = fixtures.create("Accents", 5);
        var request = new RegistrationRequest(atelier.sessionId(), "  Marie-Hélène ", "N’Diaye", null, "06 98 76 54 32",
                "Jean-Noël", "d'Arc", atelier.territory().communeId(), false, AgeBand.PLUS_DE_70,
                Set.of(Theme.EMAIL, Theme.SANTE), false, Origin.kiosk("borne-mediatheque"));
        var result = (PlaceResult.Confirmed<Seats, Void>) registrations.register(request);
        assertThat(result.details().count()).isEqualTo(2);
        var details = registrations.details(result.id());
        assertThat(details.firstName()).isEqualTo("Marie-Hélène");
        assertThat(details.lastName()).isEqualTo("N’Diaye");
        assertThat(details.companionName()).isEqualTo("Jean-Noël d'Arc");
        assertThat(details.phone()).isEqualTo("+33698765432");
        assertThat(details.email()).isNull();
        assertThat(details.wantsReminders()).isFalse();
        assertThat(details.channel()).isEqualTo(Channel.KIOSK);
        assertThat(jdbc.queryForObject("select kiosk_device_id from atelier_registration where id = ?", String.class,
                result.id())).isEqualTo("borne-mediatheque");
        assertThat(jdbc.queryForList("select theme from atelier_registration_interest where registration_id = ?", String.class,
                result.id())).containsExactlyInAnyOrder("EMAIL", "SANTE");
        assertThat(fixtures.counts(atelier.sessionId()).confirmedSeats()).isEqualTo(2);
    }

    @Test
    void markup_in_names_is_stored_verbatim_as_text() {
        TestAtelier atelier = fixtures.create("Balises", 5);
        var result = (PlaceResult.Confirmed<Seats, Void>) registrations.register(new RegistrationRequest(atelier.sessionId(),
                "<script>alert(1)</script>", "<b>Dupont</b>", AtelierFixtures.email("balise"), null, "<i>Paul</i>",
                "O'Neil & fils", null, false, null, Set.of(), true, AtelierFixtures.web()));
        assertThat(jdbc.queryForMap("select first_name, last_name, companion_first_name, companion_last_name "
                + "from atelier_registration where id = ?", result.id()))
                .containsEntry("first_name", "<script>alert(1)</script>").containsEntry("last_name", "<b>Dupont</b>")
                .containsEntry("companion_first_name", "<i>Paul</i>").containsEntry("companion_last_name", "O'Neil & fils");
        assertThat(registrations.details(result.id()).companionName()).isEqualTo("<i>Paul</i> O'Neil & fils");
    }

    @Test
    void bad_input_is_refused_with_a_reason_and_nothing_is_saved() {
        TestAtelier atelier = fixtures.create("Saisie", 5);
        long session = atelier.sessionId();
        assertRefused(RegistrationRequest.simple(session, "", "Dupont", "a@exemple.fr", null, AtelierFixtures.web()), Resident.GIVEN_NAME, "validation.required");
        assertRefused(RegistrationRequest.simple(session, "x".repeat(10_000), "Dupont", "a@exemple.fr", null, AtelierFixtures.web()),
                Resident.GIVEN_NAME, "validation.too-long");
        assertRefused(RegistrationRequest.simple(session, "1234 !", "Dupont", "a@exemple.fr", null, AtelierFixtures.web()),
                Resident.GIVEN_NAME, "validation.name.characters");
        assertRefused(RegistrationRequest.simple(session, "Jean\u202E", "Dupont", "a@exemple.fr", null, AtelierFixtures.web()),
                Resident.GIVEN_NAME, "validation.control-characters");
        assertRefused(RegistrationRequest.simple(session, "Jean", "Dupont", null, null, AtelierFixtures.web()), Resident.CONTACT, "validation.contact.required");
        assertRefused(RegistrationRequest.simple(session, "Jean", "Dupont", "pas-une-adresse", null, AtelierFixtures.web()), Resident.EMAIL, "validation.email");
        assertRefused(RegistrationRequest.simple(session, "Jean", "Dupont", null, "12", AtelierFixtures.web()), Resident.PHONE, "validation.phone");
        assertRefused(RegistrationRequest.simple(session, "Jean", "Dupont", "a@exemple.fr", null, AtelierFixtures.web())
                .withCompanion("Paul", ""), Participant.COMPANION, "atelier.registration.companion.incomplete");
        assertRefused(new RegistrationRequest(session, "Jean", "Dupont", "a@exemple.fr", null, null, null,
                fixtures.create("Autre commune", 1).territory().communeId(), false, null, Set.of(), true, AtelierFixtures.web()),
                Participant.COMMUNE, "atelier.registration.commune.invalid");
        assertThatThrownBy(() -> registrations.register(RegistrationRequest.simple(session, "Jean", "Dupont", "a@exemple.fr",
                null, Origin.staff()))).isInstanceOf(IllegalArgumentException.class);
        var counts = fixtures.counts(session);
        assertThat(counts.confirmedRows() + counts.waitingRows()).isZero();
        assertThat(counts.confirmedSeats()).isZero();
    }

    private void assertRefused(RegistrationRequest request, String field, String key) {
        assertThat(registrations.register(request)).isInstanceOfSatisfying(PlaceResult.Invalid.class, invalid -> {
            assertThat(invalid.field()).isEqualTo(field);
            assertThat(invalid.messageKey()).isEqualTo(key);
        });
    }
}
