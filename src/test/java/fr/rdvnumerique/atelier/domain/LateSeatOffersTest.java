package fr.rdvnumerique.atelier.domain;

import static fr.rdvnumerique.atelier.domain.AtelierSessionTest.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.rdvnumerique.atelier.CancellationReason;
import fr.rdvnumerique.atelier.RegistrationStatus;
import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.base.domain.CancelledBy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** « Je viens / je ne viens plus » and seats freed late: offered, confirmed, declined or lapsed, never overbooked. */
class LateSeatOffersTest {

    private final AtelierSessionTest people = new AtelierSessionTest();

    static final LateSeats LATE = new LateSeats(Duration.ofHours(24), Duration.ofHours(3));
    static final Instant LATE_NOW = START.minus(Duration.ofHours(20));

    private AtelierSession fullWithTwoWaiting(int capacity) {
        var session = AtelierSessionTest.session(capacity);
        for (int i = 0; i < capacity + 2; i++) {
            people.register(session);
        }
        return session;
    }

    private AtelierSession.Handover cancelFirstSeat(AtelierSession session, Instant at) {
        return session.cancel(people.confirmed().getFirst(), CancelledBy.PERSON, CancellationReason.PERSON_REQUEST, people.waiting(),
                LATE, at);
    }

    @Test
    void a_seat_freed_more_than_a_day_before_goes_to_the_first_waiting_at_once() {
        var session = fullWithTwoWaiting(2);
        var first = people.waiting().getFirst();
        var handover = cancelFirstSeat(session, START.minus(Duration.ofHours(30)));
        assertThat(handover.promoted()).containsExactly(first);
        assertThat(handover.offered()).isEmpty();
        assertThat(first.getStatus()).isEqualTo(RegistrationStatus.CONFIRMED);
    }

    @Test
    void a_seat_freed_within_a_day_is_offered_to_the_first_waiting_and_held_for_them() {
        var session = fullWithTwoWaiting(2);
        var first = people.waiting().getFirst();
        int sequence = first.getSequence();
        var handover = cancelFirstSeat(session, LATE_NOW);

        assertThat(handover.promoted()).isEmpty();
        assertThat(handover.offered()).containsExactly(first);
        assertThat(first.getStatus()).isEqualTo(RegistrationStatus.WAITING);
        assertThat(first.getOfferExpiresAt()).isEqualTo(LATE_NOW.plus(Duration.ofHours(3)));
        assertThat(first.getSequence()).as("a new state, a new mail").isEqualTo(sequence + 1);
        assertThat(session.getConfirmedSeats()).isEqualTo(1);
        assertThat(session.getOfferedSeats()).isEqualTo(1);
        assertThat(session.seatsLeft()).as("the offered seat is nobody else's").isZero();
    }

    @Test
    void an_offer_never_outlasts_the_start_of_the_session() {
        var session = fullWithTwoWaiting(2);
        var first = people.waiting().getFirst();
        Instant late = START.minus(Duration.ofMinutes(40));
        cancelFirstSeat(session, late);
        assertThat(first.getOfferExpiresAt()).isEqualTo(START);
    }

    @Test
    void confirming_the_offer_in_time_gives_the_seat() {
        var session = fullWithTwoWaiting(2);
        var first = people.waiting().getFirst();
        cancelFirstSeat(session, LATE_NOW);
        session.confirmOffer(first, LATE_NOW.plus(Duration.ofHours(1)));
        assertThat(first.getStatus()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(first.hasOffer()).isFalse();
        assertThat(session.getConfirmedSeats()).isEqualTo(2);
        assertThat(session.getOfferedSeats()).isZero();
        assertThat(session.getWaitingCount()).isEqualTo(1);
    }

    @Test
    void an_offer_cannot_be_confirmed_once_its_time_is_up() {
        var session = fullWithTwoWaiting(2);
        var first = people.waiting().getFirst();
        cancelFirstSeat(session, LATE_NOW);
        assertThatThrownBy(() -> session.confirmOffer(first, first.getOfferExpiresAt()))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("atelier.offer.lapsed");
        assertThat(session.getConfirmedSeats()).isEqualTo(1);
    }

    @Test
    void someone_without_an_offer_cannot_confirm_one() {
        var session = fullWithTwoWaiting(2);
        var second = people.waiting().get(1);
        cancelFirstSeat(session, LATE_NOW);
        assertThatThrownBy(() -> session.confirmOffer(second, LATE_NOW))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("atelier.offer.none");
    }

    @Test
    void a_lapsed_offer_leaves_the_list_and_the_seat_is_offered_to_the_next() {
        var session = fullWithTwoWaiting(2);
        var first = people.waiting().getFirst();
        var second = people.waiting().get(1);
        cancelFirstSeat(session, LATE_NOW);
        Instant deadline = first.getOfferExpiresAt();

        assertThat(session.lapseOffer(first, people.waiting(), LATE, deadline.minusSeconds(1)))
                .as("not yet lapsed: nothing happens").isNull();
        var handover = session.lapseOffer(first, people.waiting(), LATE, deadline);

        assertThat(first.getStatus()).isEqualTo(RegistrationStatus.CANCELLED);
        assertThat(first.getCancellationReason()).isEqualTo(CancellationReason.OFFER_LAPSED);
        assertThat(handover.offered()).containsExactly(second);
        assertThat(second.getOfferExpiresAt()).isEqualTo(deadline.plus(Duration.ofHours(3)));
        assertThat(session.getOfferedSeats()).isEqualTo(1);
        assertThat(session.getWaitingCount()).isEqualTo(1);
        assertThat(session.lapseOffer(first, people.waiting(), LATE, deadline)).as("twice: nothing more").isNull();
    }

    @Test
    void declining_an_offer_passes_the_seat_to_the_next_at_once() {
        var session = fullWithTwoWaiting(2);
        var first = people.waiting().getFirst();
        var second = people.waiting().get(1);
        cancelFirstSeat(session, LATE_NOW);
        var handover = session.cancel(first, CancelledBy.PERSON, CancellationReason.PERSON_REQUEST, people.waiting(), LATE,
                LATE_NOW.plus(Duration.ofMinutes(5)));
        assertThat(handover.offered()).containsExactly(second);
        assertThat(session.getOfferedSeats()).isEqualTo(1);
        assertThat(session.getWaitingCount()).isEqualTo(1);
    }

    @Test
    void leaving_the_waiting_list_without_an_offer_gives_nothing_away() {
        var session = fullWithTwoWaiting(2);
        var second = people.waiting().get(1);
        cancelFirstSeat(session, LATE_NOW);
        var handover = session.cancel(second, CancelledBy.PERSON, CancellationReason.PERSON_REQUEST, people.waiting(), LATE,
                LATE_NOW);
        assertThat(handover.offered()).isEmpty();
        assertThat(handover.promoted()).isEmpty();
        assertThat(session.getOfferedSeats()).isEqualTo(1);
    }

    @Test
    void staff_cannot_give_an_offered_seat_to_someone_else() {
        var session = fullWithTwoWaiting(2);
        var second = people.waiting().get(1);
        cancelFirstSeat(session, LATE_NOW);
        assertThatThrownBy(() -> session.promoteByHand(second, LATE_NOW))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("atelier.promote.no-seat");
    }

    @Test
    void staff_on_the_phone_confirm_the_offer_for_the_person() {
        var session = fullWithTwoWaiting(2);
        var first = people.waiting().getFirst();
        cancelFirstSeat(session, LATE_NOW);
        session.promoteByHand(first, LATE_NOW.plus(Duration.ofMinutes(10)));
        assertThat(first.getStatus()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(session.getOfferedSeats()).isZero();
    }

    @Test
    void confirmed_and_offered_seats_never_exceed_the_capacity() {
        var session = fullWithTwoWaiting(3);
        for (var r : List.copyOf(people.confirmed())) {
            session.cancel(r, CancelledBy.PERSON, CancellationReason.PERSON_REQUEST, people.waiting(), LATE, LATE_NOW);
            assertThat(session.getConfirmedSeats() + session.getOfferedSeats()).isLessThanOrEqualTo(3);
        }
        assertThat(session.getOfferedSeats()).as("two waiting, two offers").isEqualTo(2);
        var newcomer = session.register(people.person(), fr.rdvnumerique.base.domain.Origin.web("192.0.2.1"), LATE_NOW);
        assertThat(newcomer.registration().getStatus()).as("nobody overtakes an offer").isEqualTo(RegistrationStatus.WAITING);
    }

    @Test
    void lowering_the_capacity_waits_for_the_answers_to_offers() {
        var session = fullWithTwoWaiting(3);
        cancelFirstSeat(session, LATE_NOW);
        assertThatThrownBy(() -> session.changeCapacity(2, true, people.confirmed(), people.waiting(), LATE_NOW))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("atelier.capacity.offers-pending");
    }

    @Test
    void only_someone_with_a_seat_can_say_they_are_coming() {
        var session = fullWithTwoWaiting(2);
        var seat = people.confirmed().getFirst();
        var waitingPerson = people.waiting().getFirst();
        session.confirmPresence(seat, LATE_NOW);
        session.confirmPresence(seat, LATE_NOW.plusSeconds(60));
        assertThat(seat.getPresenceConfirmedAt()).as("the first time is kept").isEqualTo(LATE_NOW);
        assertThatThrownBy(() -> session.confirmPresence(waitingPerson, LATE_NOW))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("atelier.presence.no-seat");
    }

    @Test
    void saying_i_cannot_come_clears_the_earlier_i_am_coming() {
        var session = fullWithTwoWaiting(2);
        var seat = people.confirmed().getFirst();
        session.confirmPresence(seat, LATE_NOW);
        session.cancel(seat, CancelledBy.PERSON, CancellationReason.PERSON_REQUEST, people.waiting(), LATE, LATE_NOW);
        assertThat(seat.getPresenceConfirmedAt()).isNull();
    }

    @Test
    void the_window_can_be_switched_off_so_seats_are_always_given_at_once() {
        var session = fullWithTwoWaiting(2);
        var first = people.waiting().getFirst();
        var handover = session.cancel(people.confirmed().getFirst(), CancelledBy.PERSON, CancellationReason.PERSON_REQUEST,
                people.waiting(), new LateSeats(Duration.ZERO, Duration.ofHours(3)), LATE_NOW);
        assertThat(handover.promoted()).containsExactly(first);
    }
}
