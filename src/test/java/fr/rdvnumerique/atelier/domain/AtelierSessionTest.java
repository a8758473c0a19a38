package fr.rdvnumerique.atelier.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.rdvnumerique.atelier.Attendance;
import fr.rdvnumerique.atelier.CancellationReason;
import fr.rdvnumerique.atelier.RegistrationStatus;
import fr.rdvnumerique.atelier.SessionStatus;
import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.base.domain.CancelledBy;
import fr.rdvnumerique.base.domain.ContactDetails;
import fr.rdvnumerique.base.domain.InvalidValueException;
import fr.rdvnumerique.base.domain.Origin;
import fr.rdvnumerique.base.domain.PersonName;
import fr.rdvnumerique.base.domain.Resident;
import fr.rdvnumerique.base.time.ParisTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rules of seats and the waiting list, without Spring or a database. */
class AtelierSessionTest {

    static final Instant START = ZonedDateTime.of(2026, 12, 1, 14, 0, 0, 0, ParisTime.ZONE).toInstant();
    static final Instant END = START.plus(Duration.ofHours(2));
    static final Instant CLOSES = START.minus(Duration.ofHours(2));
    static final Instant NOW = START.minus(Duration.ofDays(7));

    final List<Registration> all = new ArrayList<>();
    int people;

    static AtelierSession session(int capacity) {
        return new AtelierSession(1, 2, new AtelierSession.Schedule(3, 4, START, END, null, CLOSES), capacity, null, NOW);
    }

    Participant person() {
        return person(false);
    }

    Participant person(boolean withCompanion) {
        int n = ++people;
        return new Participant(new Resident(PersonName.of("Marie-Hélène"), PersonName.of("N'Diaye " + letters(n)),
                ContactDetails.of("personne" + n + "@exemple.fr", null)),
                withCompanion ? PersonName.of("Paul") : null, withCompanion ? PersonName.of("N'Diaye") : null,
                null, false, null, Set.of(), true);
    }

    private static String letters(int n) {
        return String.valueOf((char) ('a' + n % 26)) + (char) ('a' + n / 26 % 26);
    }

    Registration register(AtelierSession session, Participant person, Instant at) {
        var attempt = session.register(person, Origin.web("192.0.2.1"), at);
        assertThat(attempt.registration()).as("registered: %s", attempt.admission()).isNotNull();
        all.add(attempt.registration());
        return attempt.registration();
    }

    Registration register(AtelierSession session) {
        return register(session, person(), NOW);
    }

    List<Registration> waiting() {
        return all.stream().filter(r -> r.getStatus() == RegistrationStatus.WAITING).toList();
    }

    List<Registration> confirmed() {
        return all.stream().filter(r -> r.getStatus() == RegistrationStatus.CONFIRMED).toList();
    }

    @Test
    void last_seat_goes_to_the_first_caller() {
        var session = session(2);
        var first = register(session);
        var second = register(session);
        var third = register(session);
        assertThat(first.getStatus()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(second.getStatus()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(third.getStatus()).isEqualTo(RegistrationStatus.WAITING);
        assertThat(session.getConfirmedSeats()).isEqualTo(2);
        assertThat(session.seatsLeft()).isZero();
    }

    @Test
    void people_who_find_it_full_wait_in_the_order_they_came() {
        var session = session(1);
        register(session);
        var attempts = new ArrayList<Admission>();
        for (int i = 0; i < 3; i++) {
            attempts.add(session.register(person(), Origin.web("192.0.2.1"), NOW).admission());
        }
        assertThat(attempts).extracting(a -> ((Admission.Waitlisted) a).position()).containsExactly(1, 2, 3);
        assertThat(session.getWaitingCount()).isEqualTo(3);
    }

    @Test
    void an_accompanying_person_takes_a_second_seat() {
        var session = session(3);
        var pair = register(session, person(true), NOW);
        assertThat(pair.getSeats()).isEqualTo(2);
        assertThat(session.getConfirmedSeats()).isEqualTo(2);
        assertThat(session.seatsLeft()).isEqualTo(1);
    }

    @Test
    void a_pair_that_does_not_fit_waits_rather_than_overbooking() {
        var session = session(3);
        register(session, person(true), NOW);
        var pair = register(session, person(true), NOW);
        assertThat(pair.getStatus()).isEqualTo(RegistrationStatus.WAITING);
        assertThat(session.getConfirmedSeats()).isEqualTo(2);
    }

    @Test
    void nobody_overtakes_people_already_waiting_even_when_a_seat_is_free() {
        var session = session(3);
        register(session, person(true), NOW);
        register(session, person(true), NOW); // waits: needs two, one left
        var single = register(session);
        assertThat(single.getStatus()).as("one seat is free, but a pair is first in line").isEqualTo(RegistrationStatus.WAITING);
        assertThat(session.seatsLeft()).isZero();
    }

    @Test
    void who_asks_for_a_confirmed_seat_only_is_refused_rather_than_put_on_the_waiting_list() {
        var session = session(1);
        var kiosk = session.register(person(), Origin.kiosk("borne-1"), NOW, false);
        assertThat(kiosk.admission()).as("a seat is free").isInstanceOf(Admission.Confirmed.class);

        // The last seat is gone: the same request no longer waits in line without having been asked.
        var late = session.register(person(), Origin.kiosk("borne-1"), NOW, false);
        assertThat(late.admission()).isEqualTo(new Admission.SeatGone());
        assertThat(late.registration()).isNull();
        assertThat(session.getWaitingCount()).isZero();
        assertThat(session.getConfirmedSeats()).isEqualTo(1);

        // Once they say yes to the waiting list, they are in line.
        var consenting = session.register(person(), Origin.kiosk("borne-1"), NOW, true);
        assertThat(consenting.admission()).isInstanceOf(Admission.Waitlisted.class);
        assertThat(session.getWaitingCount()).isEqualTo(1);
    }

    @Test
    void a_confirmed_seat_only_request_does_not_overtake_people_waiting_either() {
        var session = session(3);
        register(session, person(true), NOW);
        register(session, person(true), NOW); // waits: needs two, one left
        var attempt = session.register(person(), Origin.web("192.0.2.1"), NOW, false);
        assertThat(attempt.admission()).isInstanceOf(Admission.SeatGone.class);
        assertThat(session.getConfirmedSeats()).isEqualTo(2);
        assertThat(session.getWaitingCount()).isEqualTo(1);
    }

    @Test
    void a_cancelled_seat_goes_to_the_first_person_waiting_at_once() {
        var session = session(1);
        var holder = register(session);
        var first = register(session);
        var second = register(session);
        List<Registration> promoted = session.cancel(holder, CancelledBy.PERSON, CancellationReason.PERSON_REQUEST,
                waiting(), NOW);
        assertThat(promoted).containsExactly(first);
        assertThat(first.getStatus()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(first.getPromotedAt()).isEqualTo(NOW);
        assertThat(first.getSequence()).isEqualTo(1);
        assertThat(second.getStatus()).isEqualTo(RegistrationStatus.WAITING);
        assertThat(session.getConfirmedSeats()).isEqualTo(1);
        assertThat(session.getWaitingCount()).isEqualTo(1);
    }

    @Test
    void a_freed_pair_of_seats_promotes_two_single_people_in_order() {
        var session = session(2);
        var pair = register(session, person(true), NOW);
        var a = register(session);
        var b = register(session);
        var c = register(session);
        var promoted = session.cancel(pair, CancelledBy.STAFF, CancellationReason.STAFF_DECISION, waiting(), NOW);
        assertThat(promoted).containsExactly(a, b);
        assertThat(c.getStatus()).isEqualTo(RegistrationStatus.WAITING);
    }

    @Test
    void promotion_stops_at_the_first_person_who_does_not_fit() {
        var session = session(2);
        var a = register(session);
        register(session);
        var pair = register(session, person(true), NOW);
        var single = register(session);
        var promoted = session.cancel(a, CancelledBy.PERSON, CancellationReason.PERSON_REQUEST, waiting(), NOW);
        assertThat(promoted).isEmpty();
        assertThat(pair.getStatus()).isEqualTo(RegistrationStatus.WAITING);
        assertThat(single.getStatus()).as("first come, first served: no overtaking").isEqualTo(RegistrationStatus.WAITING);
        assertThat(session.getConfirmedSeats()).isEqualTo(1);
    }

    @Test
    void leaving_the_waiting_list_frees_no_seat_and_shortens_the_line() {
        var session = session(1);
        register(session);
        var waiting = register(session);
        register(session);
        var promoted = session.cancel(waiting, CancelledBy.PERSON, CancellationReason.PERSON_REQUEST, waiting(), NOW);
        assertThat(promoted).isEmpty();
        assertThat(session.getWaitingCount()).isEqualTo(1);
        assertThat(waiting.getQueueRank()).isNull();
        assertThat(session.getConfirmedSeats()).isEqualTo(1);
    }

    @Test
    void raising_the_capacity_promotes_the_first_people_waiting() {
        var session = session(1);
        register(session);
        var a = register(session);
        var b = register(session);
        var c = register(session);
        var change = session.changeCapacity(3, false, confirmed(), waiting(), NOW);
        assertThat(change.promoted()).containsExactly(a, b);
        assertThat(c.getStatus()).isEqualTo(RegistrationStatus.WAITING);
        assertThat(session.getCapacity()).isEqualTo(3);
        assertThat(session.getConfirmedSeats()).isEqualTo(3);
    }

    @Test
    void lowering_the_capacity_below_the_confirmed_seats_is_refused_with_the_count() {
        var session = session(3);
        register(session);
        register(session);
        assertThatThrownBy(() -> session.changeCapacity(1, false, confirmed(), waiting(), NOW))
                .isInstanceOf(BusinessRuleException.class)
                .satisfies(e -> {
                    assertThat(((BusinessRuleException) e).messageKey()).isEqualTo("atelier.capacity.below-confirmed");
                    assertThat(((BusinessRuleException) e).arguments()).containsExactly(2, 1);
                });
        assertThat(session.getCapacity()).isEqualTo(3);
    }

    @Test
    void lowering_the_capacity_to_the_confirmed_seats_is_allowed() {
        var session = session(3);
        register(session);
        register(session);
        session.changeCapacity(2, false, confirmed(), waiting(), NOW);
        assertThat(session.getCapacity()).isEqualTo(2);
        assertThat(session.seatsLeft()).isZero();
    }

    @Test
    void lowering_the_capacity_can_move_the_most_recent_back_to_the_head_of_the_waiting_list() {
        var session = session(3);
        var oldest = register(session, person(), NOW);
        var middle = register(session, person(), NOW.plusSeconds(1));
        var newest = register(session, person(), NOW.plusSeconds(2));
        var waitingBefore = register(session, person(), NOW.plusSeconds(3));
        var change = session.changeCapacity(1, true, confirmed(), waiting(), NOW.plusSeconds(10));
        assertThat(change.movedToWaitingList()).containsExactly(middle, newest);
        assertThat(oldest.getStatus()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(middle.getMovedToWaitingListAt()).isEqualTo(NOW.plusSeconds(10));
        assertThat(List.of(middle, newest, waitingBefore)).extracting(Registration::getQueueRank)
                .isSortedAccordingTo(Long::compare).doesNotHaveDuplicates();
        assertThat(session.getConfirmedSeats()).isEqualTo(1);
        assertThat(session.getWaitingCount()).isEqualTo(3);
        assertThat(change.promoted()).isEmpty();
    }

    @Test
    void lowering_the_capacity_moves_back_the_latest_registered_not_the_latest_given_a_seat() {
        var session = session(2);
        var first = register(session, person(), NOW);
        var pair = register(session, person(true), NOW.plusSeconds(1)); // waits: needs two seats, one is free
        var latecomer = register(session, person(), NOW.plusSeconds(2)); // waits behind the pair
        session.promoteByHand(latecomer, NOW.plusSeconds(3));           // staff give them the free seat
        session.changeCapacity(4, false, confirmed(), waiting(), NOW.plusSeconds(4)); // the pair gets its seats last
        assertThat(pair.getConfirmedAt()).isAfter(latecomer.getConfirmedAt());

        var change = session.changeCapacity(3, true, confirmed(), waiting(), NOW.plusSeconds(5));

        assertThat(change.movedToWaitingList()).as("registered last, though seated before the pair").containsExactly(latecomer);
        assertThat(pair.getStatus()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(first.getStatus()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(session.getConfirmedSeats()).isEqualTo(3);
        assertThat(session.getWaitingCount()).isEqualTo(1);
    }

    @Test
    void capacity_stays_between_one_and_a_hundred() {
        var session = session(3);
        assertThatThrownBy(() -> session.changeCapacity(0, true, List.of(), List.of(), NOW))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> session(101)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void registration_closes_at_the_end_of_the_window_for_the_web_and_the_kiosk() {
        var session = session(5);
        assertThat(session.register(person(), Origin.web("192.0.2.1"), CLOSES).admission())
                .isEqualTo(new Admission.Refused("atelier.registration.refused.closed"));
        assertThat(session.register(person(), Origin.kiosk("borne-1"), CLOSES.plusSeconds(60)).admission())
                .isInstanceOf(Admission.Refused.class);
        assertThat(session.register(person(), Origin.web("192.0.2.1"), CLOSES.minusSeconds(1)).admission())
                .isInstanceOf(Admission.Confirmed.class);
    }

    @Test
    void staff_can_still_register_a_walk_in_until_the_session_ends() {
        var session = session(5);
        assertThat(session.register(person(), Origin.staff(), START.plusSeconds(600)).admission())
                .isInstanceOf(Admission.Confirmed.class);
        assertThat(session.register(person(), Origin.staff(), END).admission())
                .isEqualTo(new Admission.Refused("atelier.registration.refused.past"));
    }

    @Test
    void a_past_session_refuses_registrations() {
        var session = session(5);
        assertThat(session.register(person(), Origin.web("192.0.2.1"), END.plusSeconds(3600)).admission())
                .isEqualTo(new Admission.Refused("atelier.registration.refused.past"));
        assertThat(session.getConfirmedSeats()).isZero();
    }

    @Test
    void registration_does_not_open_before_the_chosen_day() {
        Instant opens = START.minus(Duration.ofDays(3));
        var session = new AtelierSession(1, 2, new AtelierSession.Schedule(3, 4, START, END, opens, CLOSES), 5, null, NOW);
        assertThat(session.register(person(), Origin.web("192.0.2.1"), NOW).admission())
                .isInstanceOf(Admission.Refused.class)
                .extracting(a -> ((Admission.Refused) a).reasonKey()).isEqualTo("atelier.registration.refused.not-yet-open");
        assertThat(session.register(person(), Origin.web("192.0.2.1"), opens).admission()).isInstanceOf(Admission.Confirmed.class);
    }

    @Test
    void cancelling_the_session_cancels_everyone_and_empties_the_counters() {
        var session = session(1);
        register(session);
        register(session);
        var cancelled = session.cancelSession(new ArrayList<>(all), NOW);
        assertThat(cancelled).hasSize(2).allSatisfy(r -> {
            assertThat(r.getStatus()).isEqualTo(RegistrationStatus.CANCELLED);
            assertThat(r.getCancellationReason()).isEqualTo(CancellationReason.SESSION_CANCELLED);
            assertThat(r.getCancelledBy()).isEqualTo(CancelledBy.STAFF);
        });
        assertThat(session.getStatus()).isEqualTo(SessionStatus.CANCELLED);
        assertThat(session.getConfirmedSeats()).isZero();
        assertThat(session.getWaitingCount()).isZero();
        assertThat(session.register(person(), Origin.staff(), NOW).admission())
                .isEqualTo(new Admission.Refused("atelier.registration.refused.cancelled"));
    }

    @Test
    void a_person_cancels_until_the_start_and_staff_until_the_end() {
        var session = session(3);
        var mine = register(session);
        var other = register(session);
        assertThatThrownBy(() -> session.cancel(mine, CancelledBy.PERSON, CancellationReason.PERSON_REQUEST, List.of(), START))
                .hasFieldOrPropertyWithValue("messageKey", "atelier.registration.cancel.too-late");
        session.cancel(other, CancelledBy.STAFF, CancellationReason.STAFF_DECISION, List.of(), START.plusSeconds(60));
        assertThat(other.getStatus()).isEqualTo(RegistrationStatus.CANCELLED);
        assertThatThrownBy(() -> session.cancel(other, CancelledBy.STAFF, CancellationReason.STAFF_DECISION, List.of(), NOW))
                .hasFieldOrPropertyWithValue("messageKey", "atelier.registration.already-cancelled");
    }

    @Test
    void promoting_by_hand_never_goes_beyond_capacity() {
        var session = session(2);
        register(session);
        var pair = register(session, person(true), NOW);
        var single = register(session);
        assertThatThrownBy(() -> session.promoteByHand(pair, NOW))
                .hasFieldOrPropertyWithValue("messageKey", "atelier.promote.no-seat");
        session.promoteByHand(single, NOW);
        assertThat(single.getStatus()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(session.getConfirmedSeats()).isEqualTo(2);
        assertThat(session.getWaitingCount()).isEqualTo(1);
    }

    @Test
    void presence_is_noted_from_the_day_of_the_session_and_excuses_at_any_time() {
        var session = session(2);
        var r = register(session);
        assertThatThrownBy(() -> session.markAttendance(r, Attendance.PRESENT, NOW))
                .hasFieldOrPropertyWithValue("messageKey", "atelier.attendance.too-early");
        session.markAttendance(r, Attendance.EXCUSE, NOW);
        assertThat(r.getAttendance()).isEqualTo(Attendance.EXCUSE);
        session.markAttendance(r, Attendance.PRESENT, START.minus(Duration.ofHours(1)));
        assertThat(r.getAttendance()).isEqualTo(Attendance.PRESENT);
    }

    @Test
    void only_confirmed_people_get_an_attendance() {
        var session = session(1);
        register(session);
        var waiting = register(session);
        assertThatThrownBy(() -> session.markAttendance(waiting, Attendance.PRESENT, START))
                .hasFieldOrPropertyWithValue("messageKey", "atelier.attendance.not-confirmed");
    }

    @Test
    void moving_a_session_tells_everyone_registered_and_refuses_the_past() {
        var session = session(2);
        var r = register(session);
        var later = new AtelierSession.Schedule(3, 4, START.plus(Duration.ofDays(1)), END.plus(Duration.ofDays(1)), null,
                CLOSES.plus(Duration.ofDays(1)));
        assertThat(session.reschedule(later, List.of(r), NOW)).isTrue();
        assertThat(r.getSequence()).isEqualTo(1);
        var sameTimeOtherWindow = new AtelierSession.Schedule(3, 4, later.start(), later.end(), null, later.start());
        assertThat(session.reschedule(sameTimeOtherWindow, List.of(r), NOW)).isFalse();
        assertThat(r.getSequence()).isEqualTo(1);
        var past = new AtelierSession.Schedule(3, 4, NOW.minus(Duration.ofDays(1)), NOW.minus(Duration.ofDays(1)).plus(Duration.ofHours(1)), null,
                NOW.minus(Duration.ofDays(2)));
        assertThatThrownBy(() -> session.reschedule(past, List.of(r), NOW)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void a_schedule_is_checked_as_a_whole() {
        assertThatThrownBy(() -> new AtelierSession.Schedule(3, 4, START, START, null, CLOSES))
                .hasFieldOrPropertyWithValue("messageKey", "atelier.session.end-before-start");
        assertThatThrownBy(() -> new AtelierSession.Schedule(3, 4, START, START.plus(Duration.ofHours(9)), null, CLOSES))
                .hasFieldOrPropertyWithValue("messageKey", "atelier.session.too-long");
        assertThatThrownBy(() -> new AtelierSession.Schedule(3, 4, START.plusSeconds(60), END, null, CLOSES))
                .hasFieldOrPropertyWithValue("messageKey", "atelier.session.time-step");
        assertThatThrownBy(() -> new AtelierSession.Schedule(3, 4, START, END, null, START.plusSeconds(300)))
                .hasFieldOrPropertyWithValue("messageKey", "atelier.session.window.invalid");
        assertThatThrownBy(() -> new AtelierSession(1, 2, new AtelierSession.Schedule(3, 4, START, END, null, CLOSES), 5,
                null, START)).hasFieldOrPropertyWithValue("messageKey", "atelier.session.in-the-past");
    }

    @Test
    void every_change_of_a_registration_counts_in_its_sequence() {
        var session = session(1);
        var holder = register(session);
        var waiting = register(session);
        assertThat(waiting.getSequence()).isZero();
        session.cancel(holder, CancelledBy.PERSON, CancellationReason.PERSON_REQUEST, waiting(), NOW);
        assertThat(holder.getSequence()).isEqualTo(1);
        assertThat(waiting.getSequence()).isEqualTo(1);
        session.changeCapacity(1, true, confirmed(), waiting(), NOW);
        assertThat(waiting.getSequence()).isEqualTo(1);
    }

    @Test
    void a_kiosk_device_id_is_kept_only_for_kiosk_registrations() {
        var session = session(3);
        var kiosk = session.register(person(), Origin.kiosk("mediatheque-ludres-1"), NOW).registration();
        assertThat(kiosk.getKioskDeviceId()).isEqualTo("mediatheque-ludres-1");
        var web = session.register(person(), Origin.web("192.0.2.1"), NOW).registration();
        assertThat(web.getKioskDeviceId()).as("a web client's address is not kept").isNull();
        assertThatThrownBy(() -> Origin.kiosk("x".repeat(65))).isInstanceOf(IllegalArgumentException.class);
    }
}
