package fr.rdvnumerique.appointment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.rdvnumerique.base.db.ConflictRetry;
import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.base.domain.CancelledBy;
import fr.rdvnumerique.base.domain.Channel;
import fr.rdvnumerique.base.domain.Origin;
import fr.rdvnumerique.base.domain.PlaceResult;
import fr.rdvnumerique.base.domain.Resident;
import fr.rdvnumerique.base.security.StaffLogin;
import fr.rdvnumerique.base.taxonomy.Theme;
import fr.rdvnumerique.base.time.ParisTime;
import fr.rdvnumerique.base.web.RateLimiter;
import fr.rdvnumerique.base.web.SecretTokens;
import fr.rdvnumerique.territory.AdvisorSchedule;
import fr.rdvnumerique.territory.BusyPeriod;
import fr.rdvnumerique.territory.ScheduleConflictException;
import fr.rdvnumerique.territory.TerritoryFixtures;
import fr.rdvnumerique.territory.TerritoryFixtures.TestTerritory;
import fr.rdvnumerique.testing.IntegrationTest;
import fr.rdvnumerique.testing.TestClock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** A resident books, sees, moves and cancels alone; every refusal is a sentence and nothing is half-saved. */
@IntegrationTest
@RecordApplicationEvents
class BookingServiceTest {

    private static final AtomicInteger ADDRESSES = new AtomicInteger();
    // Tuesday 1 December 2026; "now" is the Monday before, 9:00.
    private static final LocalDate TUESDAY = LocalDate.of(2026, 12, 1);

    @Autowired TerritoryFixtures territories;
    @Autowired AppointmentFixtures fixtures;
    @Autowired BookingService booking;
    @Autowired AppointmentSettings settings;
    @Autowired AppointmentDirectory appointmentDirectory;
    @Autowired UnavailabilityService unavailability;
    @Autowired AdvisorSchedule schedule;
    @Autowired ConflictRetry retry;
    @Autowired TestClock clock;
    @Autowired JdbcTemplate jdbc;
    @Autowired RateLimiter limiter;
    @Autowired ApplicationEvents events;

    TestTerritory territory;
    long motif;
    String address;

    @BeforeEach
    void territory() {
        clock.setParis(2026, 11, 30, 9, 0);
        territory = territories.create("Réservation");
        motif = fixtures.motif(territory);
        fixtures.open(territory, DayOfWeek.TUESDAY, "09:00", "12:00");
        address = "192.0.2." + ADDRESSES.incrementAndGet();
    }

    @AfterEach
    void reset() {
        clock.reset();
        StaffLogin.signOut();
    }

    /** An address of this test's own territory: the cap per contact counts across the shared database. */
    private String mail(String local) {
        return local + "@" + territory.slug() + ".example.org";
    }

    private static Instant paris(LocalDate day, int hour, int minute) {
        return ZonedDateTime.of(day, java.time.LocalTime.of(hour, minute), ParisTime.ZONE).toInstant();
    }

    private BookingRequest request(Instant start, String name, String email, String phone) {
        return request(start, name.substring(0, name.indexOf(' ')), name.substring(name.indexOf(' ') + 1), email, phone);
    }

    private BookingRequest request(Instant start, String givenName, String familyName, String email, String phone) {
        return new BookingRequest(territory.placeId(), motif, start, givenName, familyName, email, phone, true,
                Set.of(Theme.EMAIL), "Je voudrais envoyer des photos à mes petits-enfants", Origin.web(address));
    }

    private PlaceResult.Confirmed<AppointmentCard, FreeSlot> book(Instant start, String email) {
        PlaceResult<AppointmentCard, FreeSlot> result = booking.book(request(start, "Jeanne Martin", email, null));
        assertThat(result).isInstanceOf(PlaceResult.Confirmed.class);
        return (PlaceResult.Confirmed<AppointmentCard, FreeSlot>) result;
    }

    private List<Instant> freeStarts() {
        return booking.freeSlots(territory.placeId(), motif, TUESDAY, TUESDAY).stream().map(FreeSlot::start).toList();
    }

    private int appointmentsAtPlace() {
        return jdbc.queryForObject("select count(*) from appointment where place_id = ?", Integer.class, territory.placeId());
    }

    @Test
    void a_resident_books_a_free_slot_and_gets_a_private_link() {
        assertThat(freeStarts()).containsExactly(paris(TUESDAY, 9, 0), paris(TUESDAY, 10, 0), paris(TUESDAY, 11, 0));

        var booked = book(paris(TUESDAY, 10, 0), "Jeanne.Martin@" + territory.slug().toUpperCase() + ".example.org");

        assertThat(booked.details().status()).isEqualTo(AppointmentStatus.BOOKED);
        assertThat(booked.details().start()).isEqualTo(paris(TUESDAY, 10, 0));
        assertThat(booked.details().end()).isEqualTo(paris(TUESDAY, 10, 45));
        assertThat(booked.details().place().name()).isEqualTo("Médiathèque Réservation");
        assertThat(booked.details().canChange()).isTrue();
        assertThat(freeStarts()).containsExactly(paris(TUESDAY, 9, 0), paris(TUESDAY, 11, 0));
        // The advisor's time is taken, buffer included.
        assertThat(schedule.busy(territory.advisorId(), paris(TUESDAY, 0, 0), paris(TUESDAY.plusDays(1), 0, 0)))
                .singleElement().satisfies(p -> {
                    assertThat(p.start()).isEqualTo(paris(TUESDAY, 10, 0));
                    assertThat(p.end()).isEqualTo(paris(TUESDAY, 11, 0));
                    assertThat(p.ownerKind()).isEqualTo("APPOINTMENT");
                });
        // The private link works; only its hash is stored.
        assertThat(SecretTokens.looksValid(booked.managementToken())).isTrue();
        assertThat(booking.findByToken(booked.managementToken())).get().extracting(AppointmentCard::id).isEqualTo(booked.id());
        assertThat(jdbc.queryForObject("select count(*) from appointment_token where token_hash = ?", Integer.class,
                SecretTokens.hash(booked.managementToken()))).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from appointment_token where token_hash = ?", Integer.class,
                booked.managementToken())).isZero();
        // The event, for notifications.
        assertThat(events.stream(AppointmentBooked.class)).singleElement().satisfies(e -> {
            assertThat(e.appointmentId()).isEqualTo(booked.id());
            assertThat(e.advisorId()).isEqualTo(territory.advisorId());
            assertThat(e.structureId()).isEqualTo(territory.structureId());
            assertThat(e.sequence()).isZero();
            assertThat(e.channel()).isEqualTo(Channel.WEB);
        });
        // What a mail needs.
        AppointmentDetails details = appointmentDirectory.require(booked.id());
        assertThat(details.personName()).isEqualTo("Jeanne Martin");
        assertThat(details.email()).isEqualTo(mail("Jeanne.Martin"));
        assertThat(details.wantsReminders()).isTrue();
        assertThat(details.motifLabel()).isEqualTo("Prendre en main sa tablette");
        assertThat(details.advisorName()).isEqualTo("Conseiller Réservation");
        assertThat(details.status()).isEqualTo(AppointmentStatus.BOOKED);
    }

    @Test
    void the_links_of_an_appointment_stop_working_thirty_days_after_it() {
        var booked = book(paris(TUESDAY, 10, 0), "jeanne.duree@" + territory.slug() + ".example.org");
        String mailed = booking.issueManagementToken(booked.id());
        java.time.Instant end = booked.details().end();
        clock.set(end.plus(java.time.Duration.ofDays(30)).minusSeconds(1));
        assertThat(booking.findByToken(mailed)).isPresent();
        clock.set(end.plus(java.time.Duration.ofDays(30)));
        assertThat(booking.findByToken(mailed)).isEmpty();
        assertThat(booking.findByToken(booked.managementToken())).isEmpty();
    }

    @Test
    void slots_a_stale_screen_still_offers_are_refused_and_nothing_is_saved() {
        for (Instant start : List.of(paris(TUESDAY.minusWeeks(1), 9, 0), // in the past
                paris(TUESDAY, 9, 10), // not a slot
                paris(TUESDAY.plusWeeks(7), 9, 0), // beyond the 6-week horizon
                paris(LocalDate.of(2026, 11, 30), 9, 0))) { // today: too soon
            assertThat(booking.book(request(start, "Jeanne Martin", mail("jeanne"), null)))
                    .as("start %s", start).isInstanceOf(PlaceResult.SlotTaken.class);
        }
        clock.setParis(2026, 11, 30, 10, 30);
        // Less than 24 h before 10:00 on Tuesday: refused although a screen opened earlier offered it.
        var result = booking.book(request(paris(TUESDAY, 10, 0), "Jeanne Martin", mail("jeanne"), null));
        assertThat(result).isInstanceOf(PlaceResult.SlotTaken.class);
        var taken = (PlaceResult.SlotTaken<AppointmentCard, FreeSlot>) result;
        assertThat(taken.messageKey()).isEqualTo("appointment.slot.taken");
        assertThat(taken.alternatives()).extracting(FreeSlot::start).containsExactly(paris(TUESDAY, 11, 0));
        assertThat(appointmentsAtPlace()).isZero();
    }

    @Test
    void bad_input_is_refused_field_by_field_and_nothing_is_saved() {
        Instant start = paris(TUESDAY, 9, 0);
        assertThat(booking.book(request(start, "1234", "!", mail("jeanne"), null)))
                .isEqualTo(new PlaceResult.Invalid<>(Resident.GIVEN_NAME, "validation.name.characters", List.of()));
        assertThat(booking.book(request(start, "Jeanne", "", mail("jeanne"), null)))
                .isEqualTo(new PlaceResult.Invalid<>(Resident.FAMILY_NAME, "validation.required", List.of()));
        assertThat(booking.book(request(start, "Jeanne Martin", null, " ")))
                .isEqualTo(new PlaceResult.Invalid<>(Resident.CONTACT, "validation.contact.required", List.of()));
        assertThat(booking.book(request(start, "Jeanne Martin", "jeanne@", null)))
                .isEqualTo(new PlaceResult.Invalid<>(Resident.EMAIL, "validation.email", List.of()));
        assertThat(booking.book(request(start, "Jeanne Martin", null, "12")))
                .isEqualTo(new PlaceResult.Invalid<>(Resident.PHONE, "validation.phone", List.of()));
        assertThat(booking.book(request(start, "J".repeat(81), "Martin", mail("jeanne"), null)))
                .isEqualTo(new PlaceResult.Invalid<>(Resident.GIVEN_NAME, "validation.too-long", List.of(80)));
        var tooLong = new BookingRequest(territory.placeId(), motif, start, "Jeanne", "Martin", mail("jeanne"), null, true,
                Set.of(), "x".repeat(501), Origin.web(address));
        assertThat(booking.book(tooLong))
                .isEqualTo(new PlaceResult.Invalid<>(BookingRequest.NEEDS, "validation.too-long", List.of(500)));
        // A kiosk request names its kiosk: the screens build it, a person never types it.
        assertThatThrownBy(() -> Origin.kiosk(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Origin.kiosk("x".repeat(65))).isInstanceOf(IllegalArgumentException.class);
        assertThat(appointmentsAtPlace()).isZero();
        assertThat(schedule.busy(territory.advisorId(), paris(TUESDAY, 0, 0), paris(TUESDAY, 23, 0))).isEmpty();
    }

    @Test
    void text_is_stored_as_typed_and_escaped_only_when_shown() {
        String phone = AppointmentFixtures.uniquePhone();
        var request = new BookingRequest(territory.placeId(), motif, paris(TUESDAY, 9, 0), "Anne-Marie", "N’Diaye",
                mail("anne"), phone, false, Set.of(), "<b>mon ordi</b> & \"moi\"", Origin.web(address));
        var booked = (PlaceResult.Confirmed<AppointmentCard, FreeSlot>) booking.book(request);
        var row = jdbc.queryForMap("select person_name, needs, phone from appointment where id = ?", booked.id());
        assertThat(row.get("person_name")).isEqualTo("Anne-Marie N’Diaye");
        assertThat(row.get("needs")).isEqualTo("<b>mon ordi</b> & \"moi\"");
        assertThat(row.get("phone")).isEqualTo(AppointmentFixtures.e164(phone));
    }

    @Test
    void one_contact_holds_at_most_two_future_appointments() {
        fixtures.open(territory, DayOfWeek.WEDNESDAY, "09:00", "12:00");
        book(paris(TUESDAY, 9, 0), mail("paul"));
        book(paris(TUESDAY, 10, 0), mail("Paul").toUpperCase());
        assertThat(booking.book(request(paris(TUESDAY, 11, 0), "Paul Durand", mail("paul"), null)))
                .isInstanceOfSatisfying(PlaceResult.Refused.class, r -> {
                    assertThat(r.messageKey()).isEqualTo("appointment.cap.reached");
                    assertThat(r.arguments().getFirst()).isEqualTo(2);
                });
        // The same phone written another way is the same contact.
        String phone = AppointmentFixtures.uniquePhone();
        booking.book(request(paris(TUESDAY.plusDays(1), 9, 0), "Lucie Petit", null, phone));
        booking.book(request(paris(TUESDAY.plusDays(1), 10, 0), "Lucie Petit", null, AppointmentFixtures.e164(phone)));
        assertThat(booking.book(request(paris(TUESDAY.plusDays(1), 11, 0), "Lucie Petit", null, phone.replace(" ", ""))))
                .isInstanceOfSatisfying(PlaceResult.Refused.class, r -> assertThat(r.messageKey()).isEqualTo("appointment.cap.reached"));
        assertThat(appointmentsAtPlace()).isEqualTo(4);
    }

    @Test
    void one_address_cannot_book_without_limit() {
        limiter.reset();
        fixtures.open(territory, DayOfWeek.WEDNESDAY, "09:00", "12:00");
        for (int i = 0; i < settings.bookingsPerHourPerAddress(); i++) {
            // The first try books 9:00 and the others find it taken: every try counts against the address,
            // booked or not, since the limit protects the form itself.
            assertThat(booking.book(request(paris(TUESDAY, 9, 0), "Jeanne Martin", mail("j" + i), null)))
                    .isInstanceOf(i == 0 ? PlaceResult.Confirmed.class : PlaceResult.SlotTaken.class);
        }
        assertThat(booking.book(request(paris(TUESDAY, 11, 0), "Jeanne Martin", mail("jx"), null)))
                .isEqualTo(new PlaceResult.TryLater<>("error.rate-limited"));
    }

    @Test
    void the_person_cancels_with_the_private_link_and_the_slot_is_free_again() {
        var booked = book(paris(TUESDAY, 9, 0), mail("claire"));
        AppointmentCard card = booking.cancelByToken(booked.managementToken());
        assertThat(card.status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(card.canChange()).isFalse();
        assertThat(freeStarts()).contains(paris(TUESDAY, 9, 0));
        assertThat(events.stream(AppointmentCancelled.class)).singleElement().satisfies(e -> {
            assertThat(e.cancelledBy()).isEqualTo(CancelledBy.PERSON);
            assertThat(e.sequence()).isEqualTo(1);
        });
        assertThatThrownBy(() -> booking.cancelByToken(booked.managementToken()))
                .isInstanceOf(BusinessRuleException.class).hasFieldOrPropertyWithValue("messageKey", "appointment.not-active");
        // The slot can be booked again by someone else.
        book(paris(TUESDAY, 9, 0), mail("autre"));
    }

    @Test
    void after_the_cut_off_the_person_is_asked_to_call() {
        var booked = book(paris(TUESDAY, 11, 0), mail("claire"));
        clock.setParis(2026, 12, 1, 9, 30);
        assertThat(booking.findByToken(booked.managementToken())).get().extracting(AppointmentCard::canChange).isEqualTo(false);
        assertThatThrownBy(() -> booking.cancelByToken(booked.managementToken()))
                .isInstanceOf(BusinessRuleException.class).hasFieldOrPropertyWithValue("messageKey", "appointment.too-late");
        assertThatThrownBy(() -> booking.rescheduleByToken(booked.managementToken(), paris(TUESDAY, 10, 0)))
                .isInstanceOf(BusinessRuleException.class).hasFieldOrPropertyWithValue("messageKey", "appointment.too-late");
        assertThat(appointmentDirectory.require(booked.id()).status()).isEqualTo(AppointmentStatus.BOOKED);
    }

    @Test
    void the_person_moves_the_appointment_to_another_free_slot() {
        var booked = book(paris(TUESDAY, 9, 0), mail("marc"));
        book(paris(TUESDAY, 10, 0), mail("autre"));
        assertThat(booking.freeSlotsToMove(booked.managementToken(), TUESDAY, TUESDAY)).extracting(FreeSlot::start)
                .containsExactly(paris(TUESDAY, 11, 0));

        assertThatThrownBy(() -> booking.rescheduleByToken(booked.managementToken(), paris(TUESDAY, 10, 0)))
                .isInstanceOf(SlotTakenException.class);
        AppointmentCard moved = booking.rescheduleByToken(booked.managementToken(), paris(TUESDAY, 11, 0));

        assertThat(moved.start()).isEqualTo(paris(TUESDAY, 11, 0));
        assertThat(freeStarts()).containsExactly(paris(TUESDAY, 9, 0));
        assertThat(events.stream(AppointmentRescheduled.class)).singleElement().satisfies(e -> {
            assertThat(e.previousStart()).isEqualTo(paris(TUESDAY, 9, 0));
            assertThat(e.start()).isEqualTo(paris(TUESDAY, 11, 0));
            assertThat(e.sequence()).isEqualTo(1);
        });
        assertThat(schedule.busy(territory.advisorId(), paris(TUESDAY, 0, 0), paris(TUESDAY, 23, 0)))
                .extracting(BusyPeriod::start).containsExactly(paris(TUESDAY, 10, 0), paris(TUESDAY, 11, 0));
    }

    @Test
    void every_mail_can_carry_its_own_working_link() {
        var booked = book(paris(TUESDAY, 9, 0), mail("lea"));
        String second = booking.issueManagementToken(booked.id());
        assertThat(second).isNotEqualTo(booked.managementToken());
        assertThat(booking.findByToken(second)).isPresent();
        assertThat(booking.findByToken(booked.managementToken())).isPresent();
        assertThat(booking.findByToken("x".repeat(43))).isEmpty();
        assertThat(booking.findByToken("not a token")).isEmpty();
    }

    @Test
    void a_kiosk_booking_records_its_channel_and_device() {
        var request = new BookingRequest(territory.placeId(), motif, paris(TUESDAY, 9, 0), "Jeanne", "Martin", null,
                AppointmentFixtures.uniquePhone(), true, Set.of(), null, Origin.kiosk("borne-mediatheque-1"));
        var booked = (PlaceResult.Confirmed<AppointmentCard, FreeSlot>) booking.book(request);
        var row = jdbc.queryForMap("select channel, device_id from appointment where id = ?", booked.id());
        assertThat(row.get("channel")).isEqualTo("KIOSK");
        assertThat(row.get("device_id")).isEqualTo("borne-mediatheque-1");
    }

    @Test
    void the_advisors_atelier_sessions_and_absences_remove_slots() {
        retry.runInTransaction(() -> schedule.claim(territory.advisorId(), paris(TUESDAY, 9, 30), paris(TUESDAY, 10, 30),
                "ATELIER_SESSION", 999, "Atelier « Découvrir sa tablette »"));
        assertThat(freeStarts()).containsExactly(paris(TUESDAY, 10, 30));

        StaffLogin.coordinator(territory.structureId());
        unavailability.createAbsence(new AbsenceForm(territory.advisorId(), LocalDateTime.of(2026, 12, 1, 10, 30),
                LocalDateTime.of(2026, 12, 1, 12, 0), AbsenceKind.FORMATION, "Formation PIX", false));
        assertThat(freeStarts()).isEmpty();
    }

    @Test
    void an_absence_over_a_booked_appointment_is_refused_unless_it_cancels_it() {
        var booked = book(paris(TUESDAY, 9, 0), mail("marc"));
        StaffLogin.coordinator(territory.structureId());
        var form = new AbsenceForm(territory.advisorId(), LocalDateTime.of(2026, 12, 1, 0, 0),
                LocalDateTime.of(2026, 12, 2, 0, 0), AbsenceKind.MALADIE, null, false);
        assertThatThrownBy(() -> unavailability.createAbsence(form)).isInstanceOf(ScheduleConflictException.class)
                .hasMessageContaining("Rendez-vous – Prendre en main sa tablette");
        assertThat(jdbc.queryForObject("select count(*) from advisor_absence where advisor_id = ?", Integer.class,
                territory.advisorId())).isZero();

        unavailability.createAbsence(new AbsenceForm(form.advisorId(), form.start(), form.end(), form.kind(), null, true));
        assertThat(appointmentDirectory.require(booked.id()).status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(events.stream(AppointmentCancelled.class)).singleElement()
                .extracting(AppointmentCancelled::cancelledBy).isEqualTo(CancelledBy.STAFF);
    }

    @Test
    void in_moselle_good_friday_and_26_december_have_no_slot() {
        TestTerritory metz = territories.create("Metz", "57463");
        long metzMotif = fixtures.motif(metz);
        fixtures.open(metz, DayOfWeek.FRIDAY, "09:00", "12:00");
        fixtures.open(metz, DayOfWeek.SATURDAY, "09:00", "12:00");
        clock.setParis(2027, 3, 15, 9, 0);
        assertThat(booking.freeSlots(metz.placeId(), metzMotif, LocalDate.of(2027, 3, 26), LocalDate.of(2027, 3, 26))).isEmpty();
        assertThat(booking.freeSlots(metz.placeId(), metzMotif, LocalDate.of(2027, 3, 19), LocalDate.of(2027, 3, 19))).hasSize(3);
        clock.setParis(2026, 12, 20, 9, 0);
        assertThat(booking.freeSlots(metz.placeId(), metzMotif, LocalDate.of(2026, 12, 26), LocalDate.of(2026, 12, 26))).isEmpty();
        // Same days in Meurthe-et-Moselle: open.
        fixtures.open(territory, DayOfWeek.SATURDAY, "09:00", "12:00");
        assertThat(booking.freeSlots(territory.placeId(), motif, LocalDate.of(2026, 12, 26), LocalDate.of(2026, 12, 26))).hasSize(3);
    }

    @Test
    void a_motif_not_offered_at_the_place_has_no_slot_and_cannot_be_booked() {
        TestTerritory other = territories.create("Ailleurs");
        long otherMotif = fixtures.motif(other);
        assertThat(booking.freeSlots(territory.placeId(), otherMotif, TUESDAY, TUESDAY)).isEmpty();
        var request = new BookingRequest(territory.placeId(), otherMotif, paris(TUESDAY, 9, 0), "Jeanne", "Martin",
                mail("jeanne"), null, true, Set.of(), null, Origin.web(address));
        assertThat(booking.book(request)).isEqualTo(new PlaceResult.Refused<>("appointment.motif.not-offered", List.of()));
        assertThat(appointmentsAtPlace()).isZero();
        assertThat(schedule.busy(territory.advisorId(), paris(TUESDAY, 0, 0), paris(TUESDAY, 23, 0))).isEmpty();
    }

    @Test
    void an_absence_that_only_meets_an_appointments_buffer_cancels_it_when_asked() {
        // 9:00–9:45, and the advisor keeps 15 minutes after it: the absence from 9:50 meets the buffer only.
        var booked = book(paris(TUESDAY, 9, 0), mail("tampon"));
        StaffLogin.coordinator(territory.structureId());
        var form = new AbsenceForm(territory.advisorId(), LocalDateTime.of(2026, 12, 1, 9, 50),
                LocalDateTime.of(2026, 12, 1, 12, 0), AbsenceKind.FORMATION, null, false);
        assertThatThrownBy(() -> unavailability.createAbsence(form)).isInstanceOf(ScheduleConflictException.class);

        unavailability.createAbsence(new AbsenceForm(form.advisorId(), form.start(), form.end(), form.kind(), null, true));

        assertThat(appointmentDirectory.require(booked.id()).status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(schedule.busy(territory.advisorId(), paris(TUESDAY, 0, 0), paris(TUESDAY, 23, 0)))
                .singleElement().extracting(BusyPeriod::ownerKind).isEqualTo("ABSENCE");
    }

    @Test
    void the_free_slots_of_several_places_read_together_are_those_of_each_place() {
        long second = territories.addAdvisor(territory, "Deuxième conseiller");
        fixtures.open(territory, second, territory.secondPlaceId(), DayOfWeek.TUESDAY, "09:00", "12:00");
        fixtures.open(territory, territory.advisorId(), territory.secondPlaceId(), DayOfWeek.WEDNESDAY, "14:00", "17:00");
        book(paris(TUESDAY, 10, 0), mail("deja"));
        retry.runInTransaction(() -> schedule.claim(second, paris(TUESDAY, 11, 0), paris(TUESDAY, 12, 0),
                "ATELIER_SESSION", 998, "Atelier", territory.secondPlaceId()));
        LocalDate last = TUESDAY.plusWeeks(2);
        var together = booking.freeSlotsAt(List.of(territory.secondPlaceId(), territory.placeId()), motif, TUESDAY, last);
        assertThat(together.keySet()).containsExactly(territory.secondPlaceId(), territory.placeId());
        for (long place : List.of(territory.placeId(), territory.secondPlaceId())) {
            assertThat(together.get(place)).as("place %d", place)
                    .isEqualTo(booking.freeSlots(place, motif, TUESDAY, last)).isNotEmpty();
        }
        assertThat(together.get(territory.secondPlaceId())).extracting(FreeSlot::start)
                .contains(paris(TUESDAY, 9, 0), paris(TUESDAY, 10, 0)).doesNotContain(paris(TUESDAY, 11, 0));
    }

    @Test
    void the_unique_slot_key_alone_refuses_a_second_booking_of_the_same_advisor_and_start() {
        var booked = book(paris(TUESDAY, 10, 0), mail("premier"));
        // A second row for the same advisor and start, written straight to the table: no engine, no schedule.
        String copy = """
                insert into appointment (structure_id, place_id, advisor_id, motif_id, start_at, end_at, buffer_minutes,
                    status, person_name, email, channel, created_at, updated_at)
                select structure_id, place_id, advisor_id, motif_id, start_at, end_at, buffer_minutes, 'BOOKED',
                    'Doublon', 'doublon@example.org', 'WEB', created_at, updated_at
                from appointment where id = ?""";
        assertThatThrownBy(() -> jdbc.update(copy, booked.id()))
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class)
                .hasMessageContaining("uk_appointment_slot");
        assertThat(appointmentsAtPlace()).isEqualTo(1);

        // Once cancelled, the slot's key is free again.
        booking.cancelByToken(booked.managementToken());
        assertThat(jdbc.update(copy, booked.id())).isEqualTo(1);
    }
}
