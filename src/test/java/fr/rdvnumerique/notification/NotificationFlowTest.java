package fr.rdvnumerique.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.rdvnumerique.appointment.AppointmentCard;
import fr.rdvnumerique.appointment.AppointmentFixtures;
import fr.rdvnumerique.appointment.BookingRequest;
import fr.rdvnumerique.appointment.BookingService;
import fr.rdvnumerique.appointment.FreeSlot;
import fr.rdvnumerique.atelier.AtelierFixtures;
import fr.rdvnumerique.atelier.AtelierFixtures.TestAtelier;
import fr.rdvnumerique.atelier.RegistrationRequest;
import fr.rdvnumerique.atelier.RegistrationService;
import fr.rdvnumerique.atelier.Seats;
import fr.rdvnumerique.atelier.SessionService;
import fr.rdvnumerique.base.domain.Origin;
import fr.rdvnumerique.base.domain.PlaceResult;
import fr.rdvnumerique.base.security.StaffLogin;
import fr.rdvnumerique.base.time.ParisTime;
import fr.rdvnumerique.base.web.RateLimiter;
import fr.rdvnumerique.notification.internal.Reminders;
import fr.rdvnumerique.notification.internal.ScheduledReminder;
import fr.rdvnumerique.notification.internal.SubjectRef;
import fr.rdvnumerique.territory.TerritoryFixtures;
import fr.rdvnumerique.territory.TerritoryFixtures.TestTerritory;
import fr.rdvnumerique.testing.IntegrationTest;
import fr.rdvnumerique.testing.TestClock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * From a real booking or registration, through the real services, the events, the listeners, the outbox and the
 * dispatcher, to a real SMTP server: each change gives the person the right mail (subject, date written out,
 * private link that works, text and HTML parts), with the right calendar part. Each test writes to addresses of
 * its own domain.
 */
@IntegrationTest
class NotificationFlowTest {

    // Now: Monday 30 November 2026, 9:00. Appointments on Thursday 3 December, ateliers on Monday 7 December.
    static final LocalDate THURSDAY = LocalDate.of(2026, 12, 3);

    @Autowired TerritoryFixtures territories;
    @Autowired AppointmentFixtures appointmentFixtures;
    @Autowired AtelierFixtures ateliers;
    @Autowired BookingService booking;
    @Autowired fr.rdvnumerique.appointment.AgendaService agenda;
    @Autowired RegistrationService registrations;
    @Autowired SessionService sessions;
    @Autowired Reminders reminders;
    @Autowired fr.rdvnumerique.notification.jobs.ReminderJob reminderJob;
    @Autowired fr.rdvnumerique.atelier.OfferExpiryJob offerJob;
    @Autowired NotificationTestKit kit;
    @Autowired RateLimiter limiter;
    @Autowired TestClock clock;
    @Autowired JdbcTemplate jdbc;

    MailServer server;
    String domain;
    String publicUrl;

    @BeforeEach
    void setUp() {
        clock.setParis(2026, 11, 30, 9, 0);
        server = new MailServer().start();
        domain = "f" + NotificationTestKit.newSubjectId() + ".example.org";
        publicUrl = kit.publicUrl();
        limiter.reset();
    }

    @AfterEach
    void tearDown() {
        kit.awaitEvents();
        kit.discard(domain);
        server.close();
        clock.reset();
        StaffLogin.signOut();
    }

    static Instant paris(LocalDate day, int hour, int minute) {
        return ZonedDateTime.of(day, LocalTime.of(hour, minute), ParisTime.ZONE).toInstant();
    }

    /** Lets the listeners run, sends what is due, and returns the mails to {@code address}, oldest first. */
    private List<ReceivedMail> deliver(String address, int expected) {
        kit.awaitEvents();
        kit.dispatcher(server, new TestLinkIssuer()).runOnce();
        await().atMost(Duration.ofSeconds(10)).until(() -> mailsTo(address).size() >= expected);
        var mails = mailsTo(address);
        assertThat(mails).as("mails to " + address).hasSize(expected);
        return mails;
    }

    private List<ReceivedMail> mailsTo(String address) {
        return server.receivedFor(domain).stream().filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().contains(address);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).map(ReceivedMail::of).toList();
    }

    // --- Appointments ---------------------------------------------------------------------------------------------

    private record Booked(TestTerritory territory, long appointmentId, String token) {
    }

    private Booked bookAppointment(String email, boolean wantsReminders) {
        TestTerritory territory = territories.create("Courriels RDV");
        long motif = appointmentFixtures.motif(territory);
        appointmentFixtures.open(territory, DayOfWeek.THURSDAY, "09:00", "17:00");
        var result = booking.book(new BookingRequest(territory.placeId(), motif, paris(THURSDAY, 14, 0), "Jeanne", "Martin",
                email, null, wantsReminders, Set.of(), null, Origin.web("192.0.2.10")));
        assertThat(result).isInstanceOf(PlaceResult.Confirmed.class);
        var booked = (PlaceResult.Confirmed<AppointmentCard, FreeSlot>) result;
        return new Booked(territory, booked.id(), booked.managementToken());
    }

    @Test
    void an_appointment_booked_moved_then_cancelled_gives_three_mails_of_one_calendar_event() {
        String jeanne = "jeanne.martin@" + domain;
        Booked booked = bookAppointment(jeanne, true);

        ReceivedMail confirmation = deliver(jeanne, 1).getFirst().keep("appointment-booked");
        assertThat(confirmation.subject()).isEqualTo("Rendez-vous confirmé : jeudi 3 décembre 2026 à 14 h 00");
        assertThat(confirmation.text()).contains("Votre rendez-vous est confirmé", "Bonjour Jeanne Martin,",
                "Vous avez rendez-vous avec Conseiller Courriels RDV.",
                "Quoi : Rendez-vous : Prendre en main sa tablette",
                "Quand : jeudi 3 décembre 2026, de 14 h 00 à 14 h 45",
                "Où : Médiathèque Courriels RDV, 1 rue de la Paix", "À apporter :", "- Votre tablette, chargée",
                "- Vos codes si vous les avez notés", "03 53 01 00 09");
        String token = confirmation.token(publicUrl, "rendez-vous/");
        assertThat(booking.findByToken(token)).as("the mailed link opens the appointment").get()
                .satisfies(card -> assertThat(card.id()).isEqualTo(booked.appointmentId()));
        assertThat(confirmation.html()).contains("href=\"" + publicUrl + "/rendez-vous/" + token + "\"",
                "jeudi 3 décembre 2026, de 14 h 00 à 14 h 45", "Votre tablette, chargée");
        assertThat(confirmation.calendarContentType()).contains("method=REQUEST");
        assertThat(confirmation.method()).isEqualTo("REQUEST");
        assertThat(confirmation.sequence()).isZero();
        assertThat(confirmation.event().getStatus().getValue()).isEqualTo("CONFIRMED");
        assertThat(confirmation.event().getProperty("ATTENDEE").orElseThrow().getValue()).isEqualTo("mailto:" + jeanne);
        assertThat(confirmation.event().getUrl().getValue()).isEqualTo(publicUrl + "/rendez-vous/" + token);
        assertThat(reminders.of(SubjectRef.of("APPOINTMENT", booked.appointmentId())))
                .as("the person accepted reminders: 48 h before").singleElement()
                .satisfies(r -> assertThat(r.dueAt()).isEqualTo(paris(LocalDate.of(2026, 12, 1), 14, 0)));

        Instant newStart = booking.freeSlotsToMove(token, THURSDAY, THURSDAY).stream().map(FreeSlot::start)
                .filter(start -> start.equals(paris(THURSDAY, 16, 0))).findFirst().orElseThrow();
        booking.rescheduleByToken(token, newStart);
        ReceivedMail moved = deliver(jeanne, 2).get(1).keep("appointment-moved");
        assertThat(moved.subject()).isEqualTo("Rendez-vous déplacé : jeudi 3 décembre 2026 à 16 h 00");
        assertThat(moved.text()).contains("Il n’a plus lieu le jeudi 3 décembre 2026 à 14 h 00.",
                "Nouvelle date : jeudi 3 décembre 2026 à 16 h 00.", "Quand : jeudi 3 décembre 2026, de 16 h 00 à 16 h 45");
        assertThat(booking.findByToken(moved.token(publicUrl, "rendez-vous/"))).isPresent();
        assertThat(moved.method()).isEqualTo("REQUEST");

        booking.cancelByToken(token);
        ReceivedMail cancelled = deliver(jeanne, 3).get(2).keep("appointment-cancelled");
        assertThat(cancelled.subject()).isEqualTo("Rendez-vous annulé : jeudi 3 décembre 2026 à 16 h 00");
        assertThat(cancelled.text()).contains("Vous avez annulé votre rendez-vous du jeudi 3 décembre 2026 à 16 h 00.",
                "Pour prendre un autre rendez-vous : " + publicUrl + "/territoire/" + booked.territory().slug() + "/rendez-vous")
                .doesNotContain("Annuler ou déplacer", "À apporter");
        assertThat(cancelled.calendarContentType()).contains("method=CANCEL");
        assertThat(cancelled.method()).isEqualTo("CANCEL");
        assertThat(cancelled.event().getStatus().getValue()).isEqualTo("CANCELLED");

        // One event in the person's calendar: same UID, SEQUENCE going up.
        assertThat(List.of(confirmation.uid(), moved.uid(), cancelled.uid())).containsOnly(
                "appointment-" + booked.appointmentId() + "@localhost");
        assertThat(List.of(confirmation.sequence(), moved.sequence(), cancelled.sequence())).containsExactly(0, 1, 2);
        assertThat(moved.event().getStartDate().orElseThrow().getValue()).isEqualTo("20261203T150000Z");
        assertThat(reminders.of(SubjectRef.of("APPOINTMENT", booked.appointmentId())))
                .extracting(ScheduledReminder::status).containsOnly("CANCELLED");
    }

    @Test
    void an_appointment_cancelled_by_the_service_says_so_with_the_reason_given() {
        String jeanne = "jeanne.martin@" + domain;
        Booked booked = bookAppointment(jeanne, true);
        deliver(jeanne, 1);
        StaffLogin.advisor(booked.territory().structureId(), booked.territory().advisorId());
        agenda.cancel(booked.appointmentId(), "Le conseiller est en formation ce jour-là.");

        ReceivedMail cancelled = deliver(jeanne, 2).get(1).keep("appointment-cancelled-by-staff");
        assertThat(cancelled.text()).contains("Nous avons dû annuler votre rendez-vous du jeudi 3 décembre 2026 à 14 h 00."
                + " Nous vous prions de nous excuser.", "La raison : Le conseiller est en formation ce jour-là.");
        assertThat(cancelled.method()).isEqualTo("CANCEL");
        assertThat(cancelled.sequence()).isEqualTo(1);
    }

    @Test
    void without_the_reminder_box_ticked_nobody_is_reminded_and_without_an_address_a_text_message_replaces_the_mail() {
        String paul = "paul@" + domain;
        Booked noReminders = bookAppointment(paul, false);
        deliver(paul, 1);
        kit.awaitEvents();
        assertThat(reminders.of(SubjectRef.of("APPOINTMENT", noReminders.appointmentId()))).isEmpty();

        TestTerritory territory = territories.create("Sans courriel");
        long motif = appointmentFixtures.motif(territory);
        appointmentFixtures.open(territory, DayOfWeek.THURSDAY, "09:00", "17:00");
        var phoneOnly = (PlaceResult.Confirmed<AppointmentCard, FreeSlot>) booking.book(new BookingRequest(territory.placeId(), motif,
                paris(THURSDAY, 9, 0), "Lucien", "Petit", null, AppointmentFixtures.uniquePhone(), true, Set.of(), null,
                Origin.web("192.0.2.11")));
        kit.awaitEvents();
        assertThat(jdbc.queryForList("select channel from outbound_message where subject_type = 'APPOINTMENT'"
                + " and subject_id = ? and kind <> 'STAFF_NOTICE'", String.class, phoneOnly.id()))
                .as("a mobile without an address: a text message, no mail").containsExactly("SMS");
        assertThat(reminders.of(SubjectRef.of("APPOINTMENT", phoneOnly.id())))
                .as("reminded by text message").isNotEmpty();
        jdbc.update("update outbound_message set status = 'FAILED' where subject_type = 'APPOINTMENT' and subject_id = ?"
                + " and status = 'PENDING'", phoneOnly.id());
    }

    // --- Ateliers ----------------------------------------------------------------------------------------------------

    private PlaceResult<Seats, Void> register(long sessionId, String first, String email) {
        return registrations.register(RegistrationRequest.simple(sessionId, first, "Dupont", email, null,
                AtelierFixtures.web()));
    }

    @Test
    void a_seat_a_place_in_line_a_seat_freed_and_a_cancellation_each_get_their_mail() {
        TestAtelier atelier = ateliers.create("Courriels atelier", 1);
        String anne = "anne@" + domain;
        String bruno = "bruno@" + domain;
        String when = "lundi 7 décembre 2026 à 14 h 00";
        var first = (PlaceResult.Confirmed<Seats, Void>) register(atelier.sessionId(), "Anne", anne);
        var second = (PlaceResult.Waitlisted<Seats, Void>) register(atelier.sessionId(), "Bruno", bruno);

        ReceivedMail seat = deliver(anne, 1).getFirst().keep("atelier-confirmed");
        String title = "Découvrir sa tablette Courriels atelier";
        assertThat(seat.subject()).isEqualTo("Inscription confirmée : " + title + ", " + when);
        assertThat(seat.text()).contains("Votre place est réservée", "Bonjour Anne Dupont,",
                "Votre inscription à l’atelier « " + title + " » est confirmée.", "C’est gratuit.",
                "Sur place : Tablettes prêtées sur place", "Quand : lundi 7 décembre 2026, de 14 h 00 à 16 h 00",
                "- Votre tablette chargée");
        String anneToken = seat.token(publicUrl, "inscription/");
        assertThat(registrations.findByToken(anneToken)).get()
                .satisfies(m -> assertThat(m.registrationId()).isEqualTo(first.id()));
        assertThat(seat.html()).contains("href=\"" + publicUrl + "/inscription/" + anneToken + "\"");
        assertThat(seat.method()).isEqualTo("REQUEST");

        ReceivedMail waiting = deliver(bruno, 1).getFirst().keep("atelier-waitlisted");
        assertThat(waiting.subject()).isEqualTo("Liste d’attente : " + title + ", " + when);
        assertThat(waiting.text()).contains("Vous êtes sur la liste d’attente", "Vous êtes n° 1 sur la liste d’attente.",
                "Si une place se libère, elle est pour vous")
                .doesNotContain("À apporter", "invitation.ics");
        assertThat(waiting.ics()).as("no seat, no calendar entry").isNull();
        assertThat(registrations.findByToken(waiting.token(publicUrl, "inscription/"))).isPresent();

        registrations.cancelByToken(anneToken);
        ReceivedMail cancelled = deliver(anne, 2).get(1).keep("atelier-cancelled");
        assertThat(cancelled.subject()).isEqualTo("Inscription annulée : " + title + ", " + when);
        assertThat(cancelled.text()).contains("Vous avez annulé votre inscription à l’atelier « " + title + " ».",
                "Les autres ateliers : " + publicUrl + "/territoire/" + atelier.territory().slug() + "/ateliers");
        assertThat(cancelled.method()).isEqualTo("CANCEL");
        assertThat(cancelled.uid()).isEqualTo(seat.uid());
        assertThat(cancelled.sequence()).isGreaterThan(seat.sequence());

        ReceivedMail promoted = deliver(bruno, 2).get(1).keep("atelier-promoted");
        assertThat(promoted.subject()).isEqualTo("Une place pour vous : " + title + ", " + when);
        assertThat(promoted.text()).contains("Bonne nouvelle : une place s’est libérée",
                "Votre inscription à l’atelier « " + title + " » est confirmée.");
        assertThat(promoted.method()).isEqualTo("REQUEST");
        assertThat(promoted.uid()).isEqualTo("atelier-registration-" + second.id() + "@localhost");
        assertThat(promoted.sequence()).isEqualTo(1);
        assertThat(reminders.of(SubjectRef.of("ATELIER_REGISTRATION", second.id())))
                .as("a seat now: the day before and two days before").extracting(ScheduledReminder::dueAt)
                .containsExactly(paris(LocalDate.of(2026, 12, 5), 14, 0), paris(LocalDate.of(2026, 12, 6), 14, 0));
    }

    @Test
    void a_person_who_moves_to_another_date_gets_the_same_calendar_event_updated() {
        TestAtelier atelier = ateliers.create("Courriels nouvelle date", 2);
        long thursday = ateliers.session(atelier.territory(), atelier.workshopId(), ateliers.at(10, 14, 0), 2);
        String anne = "anne@" + domain;
        var first = (PlaceResult.Confirmed<Seats, Void>) register(atelier.sessionId(), "Anne", anne);
        ReceivedMail seat = deliver(anne, 1).getFirst();

        registrations.moveByToken(first.managementToken(), thursday);
        ReceivedMail moved = deliver(anne, 2).get(1).keep("atelier-registration-moved");
        assertThat(moved.subject()).startsWith("Nouvelle date : ");
        assertThat(moved.text()).contains("Votre inscription est déplacée", "jeudi 10 décembre 2026");
        assertThat(moved.method()).isEqualTo("REQUEST");
        assertThat(moved.uid()).as("the same event in the person's calendar").isEqualTo(seat.uid());
        assertThat(moved.sequence()).isGreaterThan(seat.sequence());
    }

    @Test
    void a_new_email_gets_the_confirmation_and_the_former_one_a_notice_without_link() {
        TestAtelier atelier = ateliers.create("Courriels contact", 2);
        String anne = "anne@" + domain;
        String anneNew = "anne.nouvelle@" + domain;
        var first = (PlaceResult.Confirmed<Seats, Void>) register(atelier.sessionId(), "Anne", anne);
        deliver(anne, 1);

        registrations.changeContactByToken(first.managementToken(), anneNew, null);
        ReceivedMail notice = deliver(anne, 2).get(1).keep("contact-changed");
        assertThat(notice.subject()).startsWith("Coordonnées changées : ");
        assertThat(notice.text()).contains("Vous n’avez rien demandé ? Appelez-nous.")
                .doesNotContain(publicUrl + "/inscription/");
        ReceivedMail confirmation = deliver(anneNew, 1).getFirst();
        assertThat(confirmation.subject()).startsWith("Inscription confirmée : ");
        assertThat(registrations.findByToken(confirmation.token(publicUrl, "inscription/"))).get()
                .satisfies(m -> assertThat(m.registrationId()).isEqualTo(first.id()));
    }

    @Test
    void a_session_moved_a_seat_lost_and_a_session_cancelled_are_told_to_each_person() {
        TestAtelier atelier = ateliers.create("Séance changée", 2);
        String anne = "anne@" + domain;
        String bruno = "bruno@" + domain;
        String chloe = "chloe@" + domain;
        var a = (PlaceResult.Confirmed<Seats, Void>) register(atelier.sessionId(), "Anne", anne);
        var b = (PlaceResult.Confirmed<Seats, Void>) register(atelier.sessionId(), "Bruno", bruno);
        register(atelier.sessionId(), "Chloé", chloe);
        String title = "Découvrir sa tablette Séance changée";
        ReceivedMail annesSeat = deliver(anne, 1).getFirst();
        deliver(bruno, 1);
        deliver(chloe, 1);

        StaffLogin.coordinator(atelier.territory().structureId());
        var loaded = sessions.load(atelier.sessionId());
        var form = loaded.value();
        sessions.update(atelier.sessionId(), loaded.version(), new fr.rdvnumerique.atelier.SessionForm(form.workshopId(),
                atelier.territory().secondPlaceId(), form.advisorId(), form.date().plusDays(1), LocalTime.of(9, 30),
                LocalTime.of(11, 30), form.capacity(), form.registrationOpensOn(), form.closesBefore()));

        ReceivedMail annesMove = deliver(anne, 2).get(1).keep("atelier-session-moved");
        assertThat(annesMove.subject()).isEqualTo("Atelier déplacé : " + title + ", mardi 8 décembre 2026 à 9 h 30");
        assertThat(annesMove.text()).contains("L’atelier change de date et de lieu",
                "Avant : le lundi 7 décembre 2026 à 14 h 00, à la Médiathèque Séance changée.",
                "Maintenant : le mardi 8 décembre 2026 à 9 h 30, à la Mairie Séance changée.", "Votre place est gardée.",
                "Quand : mardi 8 décembre 2026, de 9 h 30 à 11 h 30", "Où : Mairie Séance changée");
        assertThat(annesMove.method()).isEqualTo("REQUEST");
        assertThat(annesMove.uid()).isEqualTo(annesSeat.uid());
        assertThat(annesMove.sequence()).isEqualTo(annesSeat.sequence() + 1);
        assertThat(annesMove.event().getStartDate().orElseThrow().getValue()).isEqualTo("20261208T083000Z");
        ReceivedMail chloesMove = deliver(chloe, 2).get(1);
        assertThat(chloesMove.text()).contains("Vous êtes toujours sur la liste d’attente (n° 1).");
        assertThat(chloesMove.ics()).isNull();
        assertThat(reminders.of(SubjectRef.of("ATELIER_REGISTRATION", a.id())))
                .as("reminders follow the new time").extracting(ScheduledReminder::dueAt)
                .containsExactly(paris(LocalDate.of(2026, 12, 6), 9, 30), paris(LocalDate.of(2026, 12, 7), 9, 30));

        sessions.changeCapacity(atelier.sessionId(), 1, true);
        ReceivedMail brunosLoss = deliver(bruno, 3).get(2).keep("atelier-moved-to-waiting-list");
        assertThat(brunosLoss.subject()).isEqualTo("Votre place n’est plus réservée : " + title
                + ", mardi 8 décembre 2026 à 9 h 30");
        assertThat(brunosLoss.text()).contains("Nous avons dû réduire le nombre de places de l’atelier « " + title + " ».",
                "Vous êtes n° 1 sur la liste d’attente.");
        assertThat(brunosLoss.method()).as("the date leaves Bruno's calendar").isEqualTo("CANCEL");
        assertThat(brunosLoss.uid()).isEqualTo("atelier-registration-" + b.id() + "@localhost");
        assertThat(reminders.of(SubjectRef.of("ATELIER_REGISTRATION", b.id())))
                .extracting(ScheduledReminder::status).containsOnly("CANCELLED");

        sessions.cancelSession(atelier.sessionId());
        ReceivedMail annesEnd = deliver(anne, 3).get(2).keep("atelier-session-cancelled");
        assertThat(annesEnd.subject()).isEqualTo("Atelier annulé : " + title + ", mardi 8 décembre 2026 à 9 h 30");
        assertThat(annesEnd.text()).contains("L’atelier n’aura pas lieu",
                "Nous sommes désolés : l’atelier « " + title + " » du mardi 8 décembre 2026 à 9 h 30 est annulé.",
                "Les autres ateliers : ");
        assertThat(annesEnd.method()).isEqualTo("CANCEL");
        assertThat(annesEnd.sequence()).isGreaterThan(annesMove.sequence());
        ReceivedMail brunosEnd = deliver(bruno, 4).get(3);
        assertThat(brunosEnd.subject()).startsWith("Atelier annulé : ");
        assertThat(brunosEnd.ics()).as("Bruno was waiting: nothing in his calendar to remove").isNull();
        assertThat(deliver(chloe, 3).get(2).subject()).startsWith("Atelier annulé : ");
    }

    // --- Reminders ---------------------------------------------------------------------------------------------------

    @Test
    void the_reminders_of_an_atelier_reach_the_person_at_their_time_with_a_working_link() {
        TestAtelier atelier = ateliers.create("Rappels atelier", 4);
        String anne = "anne@" + domain;
        var registered = (PlaceResult.Confirmed<Seats, Void>) register(atelier.sessionId(), "Anne", anne);
        deliver(anne, 1);
        String title = "Découvrir sa tablette Rappels atelier";

        clock.setParis(2026, 12, 5, 13, 59);
        reminderJob.runOnce();
        deliver(anne, 1);
        clock.setParis(2026, 12, 5, 14, 0);
        reminderJob.runOnce();
        ReceivedMail first = deliver(anne, 2).get(1).keep("atelier-reminder");
        assertThat(first.subject()).isEqualTo("Rappel : atelier « " + title + " » le lundi 7 décembre 2026 à 14 h 00");
        assertThat(first.text()).contains("Votre atelier approche", "Nous vous attendons le lundi 7 décembre 2026 à 14 h 00.",
                "Quand : lundi 7 décembre 2026, de 14 h 00 à 16 h 00", "- Votre tablette chargée");
        assertThat(first.ics()).as("a reminder changes nothing in the calendar").isNull();
        assertThat(registrations.findByToken(first.token(publicUrl, "inscription/"))).get()
                .satisfies(m -> assertThat(m.registrationId()).isEqualTo(registered.id()));
        String reminderToken = first.token(publicUrl, "inscription/");
        assertThat(first.text()).as("« Je viens / Je ne pourrai pas venir » on the same link")
                .contains("Venez-vous ?", publicUrl + "/inscription/" + reminderToken + "/presence");
        assertThat(first.html()).contains("href=\"" + publicUrl + "/inscription/" + reminderToken + "/presence\"",
                "Je viens / Je ne pourrai pas venir");
        reminderJob.runOnce();
        deliver(anne, 2);

        clock.setParis(2026, 12, 6, 14, 0);
        reminderJob.runOnce();
        assertThat(deliver(anne, 3).get(2).subject()).isEqualTo(first.subject());
        assertThat(reminders.of(SubjectRef.of("ATELIER_REGISTRATION", registered.id())))
                .extracting(ScheduledReminder::status).containsOnly("QUEUED");
    }

    @Test
    void no_reminder_leaves_at_night_not_after_a_stop_nor_on_a_retry() {
        String jeanne = "jeanne@" + domain;
        Booked booked = bookAppointment(jeanne, true);
        deliver(jeanne, 1);
        var subject = SubjectRef.of("APPOINTMENT", booked.appointmentId());
        assertThat(reminders.of(subject)).singleElement().extracting(ScheduledReminder::dueAt)
                .isEqualTo(paris(LocalDate.of(2026, 12, 1), 14, 0));

        // Due at 14:00 while the mail server is down: queued, the first attempt fails, the next is due at 14:01.
        server.stop();
        clock.setParis(2026, 12, 1, 14, 0);
        assertThat(reminderJob.runOnce().queued()).isGreaterThanOrEqualTo(1);
        kit.dispatcher(server, new TestLinkIssuer()).runOnce();
        assertThat(reminderStatus(subject)).isEqualTo("PENDING");

        // Back at 21:00: it waits for the morning; a confirmation made in the evening does go out.
        server.start();
        clock.setParis(2026, 12, 1, 21, 0);
        String paul = "paul@" + domain;
        bookAppointment(paul, false);
        deliver(paul, 1);
        assertThat(mailsTo(jeanne)).as("no reminder at night").isEmpty();
        assertThat(reminderStatus(subject)).isEqualTo("PENDING");

        clock.setParis(2026, 12, 2, 8, 0);
        ReceivedMail reminder = deliver(jeanne, 1).getFirst().keep("appointment-reminder");
        assertThat(reminder.subject()).isEqualTo("Rappel : rendez-vous le jeudi 3 décembre 2026 à 14 h 00");
        assertThat(reminder.text()).contains("Votre rendez-vous approche", "Nous vous attendons le jeudi 3 décembre 2026"
                + " à 14 h 00.", "Vous avez rendez-vous avec Conseiller Courriels RDV.");
        assertThat(booking.findByToken(reminder.token(publicUrl, "rendez-vous/"))).isPresent();
        assertThat(reminder.text()).contains(publicUrl + "/rendez-vous/" + reminder.token(publicUrl, "rendez-vous/")
                + "/presence");
    }

    @Test
    void a_seat_freed_the_day_before_is_offered_by_mail_and_passed_on_with_a_mail_when_nobody_answers() {
        TestAtelier atelier = ateliers.create("Offre atelier", 1);
        String anne = "anne@" + domain;
        String bruno = "bruno@" + domain;
        String chloe = "chloe@" + domain;
        var first = (PlaceResult.Confirmed<Seats, Void>) register(atelier.sessionId(), "Anne", anne);
        var second = (PlaceResult.Waitlisted<Seats, Void>) register(atelier.sessionId(), "Bruno", bruno);
        var third = (PlaceResult.Waitlisted<Seats, Void>) register(atelier.sessionId(), "Chloe", chloe);
        deliver(anne, 1);
        deliver(bruno, 1);
        deliver(chloe, 1);

        clock.setParis(2026, 12, 6, 18, 0);
        registrations.cancelByToken(first.managementToken());
        ReceivedMail offer = deliver(bruno, 2).get(1).keep("atelier-seat-offered");
        String title = "Découvrir sa tablette Offre atelier";
        assertThat(offer.subject()).isEqualTo("Une place s’est libérée : " + title + ", lundi 7 décembre 2026 à 14 h 00");
        assertThat(offer.text()).contains("Une place s’est libérée pour vous",
                "Pour la prendre, appuyez sur « Je viens » avant le dimanche 6 décembre 2026 à 21 h 00.",
                publicUrl + "/inscription/" + offer.token(publicUrl, "inscription/") + "/presence");
        assertThat(offer.ics()).as("no seat yet, no calendar entry").isNull();
        assertThat(registrations.findByToken(offer.token(publicUrl, "inscription/"))).get()
                .satisfies(m -> assertThat(m.registrationId()).isEqualTo(second.id()));

        clock.setParis(2026, 12, 6, 21, 0);
        assertThat(offerJob.runOnce()).isGreaterThanOrEqualTo(1);
        ReceivedMail lapsed = deliver(bruno, 3).get(2).keep("atelier-offer-lapsed");
        assertThat(lapsed.subject()).startsWith("La place proposée est allée à une autre personne");
        assertThat(lapsed.text()).contains("Nous n’avons pas eu votre réponse à temps");
        ReceivedMail nextOffer = deliver(chloe, 2).get(1);
        assertThat(nextOffer.subject()).startsWith("Une place s’est libérée");
        assertThat(registrations.findByToken(nextOffer.token(publicUrl, "inscription/"))).get()
                .satisfies(m -> assertThat(m.registrationId()).isEqualTo(third.id()));
    }

    @Test
    void a_reminder_found_due_at_night_after_a_stop_goes_out_at_eight() {
        String jeanne = "jeanne@" + domain;
        Booked booked = bookAppointment(jeanne, true);
        deliver(jeanne, 1);
        var subject = SubjectRef.of("APPOINTMENT", booked.appointmentId());

        // The application was stopped from 13:00 to 22:00 on the day the reminder was due (14:00).
        clock.setParis(2026, 12, 1, 22, 0);
        reminderJob.runOnce();
        deliver(jeanne, 1);
        assertThat(reminders.of(subject)).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo("PENDING");
            assertThat(r.dueAt()).isEqualTo(paris(LocalDate.of(2026, 12, 2), 8, 0));
        });
        clock.setParis(2026, 12, 2, 8, 0);
        reminderJob.runOnce();
        assertThat(deliver(jeanne, 2).get(1).subject()).startsWith("Rappel : rendez-vous le jeudi 3 décembre 2026");
    }

    private String reminderStatus(SubjectRef subject) {
        return jdbc.queryForObject("select status from outbound_message where kind = 'REMINDER' and subject_type = ?"
                + " and subject_id = ?", String.class, subject.type(), subject.id());
    }

    // --- Staff ---------------------------------------------------------------------------------------------------------

    @Test
    void the_advisor_hears_of_each_booking_and_cancellation_of_their_agenda() {
        TestAtelier atelier = ateliers.create("Avis équipe", 4);
        TestTerritory territory = atelier.territory();
        String advisor = "conseil@" + domain;
        long account = kit.staffAccount(null, territory.structureId(), territory.advisorId(), advisor, "ADVISOR");
        jdbc.update("insert into staff_notice_preference (account_id, mode, updated_at) values (?, 'EVERY_EVENT', now())",
                account);
        long motif = appointmentFixtures.motif(territory);
        appointmentFixtures.open(territory, DayOfWeek.THURSDAY, "09:00", "17:00");
        var booked = (PlaceResult.Confirmed<AppointmentCard, FreeSlot>) booking.book(new BookingRequest(territory.placeId(), motif,
                paris(THURSDAY, 10, 0), "Jeanne", "Martin", "jeanne@" + domain, null, true, Set.of(), null, Origin.web("192.0.2.12")));
        var registered = (PlaceResult.Confirmed<Seats, Void>) register(atelier.sessionId(), "Anne", "anne@" + domain);

        var notices = deliver(advisor, 2);
        notices.getFirst().keep("staff-notice");
        assertThat(notices).extracting(ReceivedMail::subject).containsExactlyInAnyOrder(
                "Votre agenda : Nouveau rendez-vous le jeudi 3 décembre 2026 à 10 h 00 : Jeanne Martin",
                "Votre agenda : Nouvelle inscription à l’atelier « Découvrir sa tablette Avis équipe » du lundi 7 décembre"
                        + " 2026 à 14 h 00 : Anne Dupont");
        assertThat(notices).allSatisfy(m -> assertThat(m.ics()).isNull());
        assertThat(notices).filteredOn(m -> m.subject().contains("rendez-vous")).singleElement()
                .satisfies(m -> assertThat(m.text()).contains("Motif : Prendre en main sa tablette",
                        "Lieu : Médiathèque Avis équipe", "Mes notifications"));

        booking.cancelByToken(booked.managementToken());
        registrations.cancelByToken(registered.managementToken());
        assertThat(deliver(advisor, 4).subList(2, 4)).extracting(ReceivedMail::subject).containsExactlyInAnyOrder(
                "Votre agenda : Rendez-vous annulé (jeudi 3 décembre 2026 à 10 h 00) : Jeanne Martin",
                "Votre agenda : Inscription annulée à l’atelier « Découvrir sa tablette Avis équipe » du lundi 7 décembre"
                        + " 2026 à 14 h 00 : Anne Dupont");
    }
}
