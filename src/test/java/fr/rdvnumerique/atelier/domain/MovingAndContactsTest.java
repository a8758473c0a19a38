package fr.rdvnumerique.atelier.domain;

import static fr.rdvnumerique.atelier.domain.AtelierSessionTest.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.rdvnumerique.atelier.RegistrationStatus;
import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.base.domain.ContactDetails;
import fr.rdvnumerique.base.domain.InvalidValueException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A person moves their registration to another date of the workshop, or gives another e-mail or phone. */
class MovingAndContactsTest {

    private static final Instant NOW = AtelierSessionTest.NOW;
    private static final LateSeats LATE = new LateSeats(Duration.ofHours(24), Duration.ofHours(3));

    private final AtelierSessionTest people = new AtelierSessionTest();

    private static AtelierSession session(long id, long workshopId, Instant start, int capacity) {
        var session = new AtelierSession(1, workshopId, new AtelierSession.Schedule(3, 4, start, start.plus(Duration.ofHours(2)),
                null, start.minus(Duration.ofHours(2))), capacity, null, NOW);
        try {
            var field = AtelierSession.class.getDeclaredField("id");
            field.setAccessible(true);
            field.set(session, id);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return session;
    }

    @Test
    void moving_takes_a_seat_on_the_new_date_and_gives_the_old_one_to_the_first_waiting() {
        var monday = session(1, 7, START, 1);
        var thursday = session(2, 7, START.plus(Duration.ofDays(3)), 5);
        var mine = people.register(monday);
        var next = people.register(monday);
        int sequence = mine.getSequence();

        var handover = AtelierSession.move(mine, monday, thursday, people.waiting(), List.of(), LATE, NOW);

        assertThat(mine.getSessionId()).isEqualTo(2);
        assertThat(mine.getStatus()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(mine.getSequence()).as("the same calendar event, updated").isEqualTo(sequence + 1);
        assertThat(thursday.getConfirmedSeats()).isEqualTo(1);
        assertThat(handover.promoted()).containsExactly(next);
        assertThat(monday.getConfirmedSeats()).isEqualTo(1);
        assertThat(monday.getWaitingCount()).isZero();
    }

    @Test
    void a_seat_freed_by_a_move_the_day_before_is_offered_not_given() {
        var monday = session(1, 7, START, 1);
        var thursday = session(2, 7, START.plus(Duration.ofDays(3)), 5);
        var mine = people.register(monday);
        var next = people.register(monday);
        var handover = AtelierSession.move(mine, monday, thursday, people.waiting(), List.of(), LATE,
                START.minus(Duration.ofHours(10)));
        assertThat(handover.offered()).containsExactly(next);
    }

    @Test
    void someone_waiting_who_moves_to_a_date_with_seats_gets_a_seat_and_leaves_the_line() {
        var monday = session(1, 7, START, 1);
        var thursday = session(2, 7, START.plus(Duration.ofDays(3)), 5);
        people.register(monday);
        var waiting = people.register(monday);
        var handover = AtelierSession.move(waiting, monday, thursday, people.waiting(), List.of(), LATE, NOW);
        assertThat(waiting.getStatus()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(waiting.getQueueRank()).isNull();
        assertThat(monday.getWaitingCount()).isZero();
        assertThat(handover.promoted()).isEmpty();
    }

    @Test
    void a_move_to_a_full_date_is_refused_and_changes_nothing() {
        var monday = session(1, 7, START, 3);
        var thursday = session(2, 7, START.plus(Duration.ofDays(3)), 1);
        var mine = people.register(monday);
        people.register(thursday);
        assertThatThrownBy(() -> AtelierSession.move(mine, monday, thursday, List.of(), List.of(), LATE, NOW))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("atelier.move.full");
        assertThat(mine.getSessionId()).isEqualTo(1);
        assertThat(monday.getConfirmedSeats()).isEqualTo(1);
        assertThat(thursday.getConfirmedSeats()).isEqualTo(1);
    }

    @Test
    void one_moves_only_to_another_date_of_the_same_workshop() {
        var monday = session(1, 7, START, 3);
        var other = session(2, 8, START.plus(Duration.ofDays(3)), 3);
        var mine = people.register(monday);
        assertThatThrownBy(() -> AtelierSession.move(mine, monday, other, List.of(), List.of(), LATE, NOW))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("atelier.move.other-workshop");
        assertThatThrownBy(() -> AtelierSession.move(mine, monday, monday, List.of(), List.of(), LATE, NOW))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("atelier.move.other-workshop");
    }

    @Test
    void someone_already_registered_on_the_new_date_cannot_move_there_twice() {
        var monday = session(1, 7, START, 3);
        var thursday = session(2, 7, START.plus(Duration.ofDays(3)), 3);
        var mine = people.register(monday);
        var there = people.register(thursday);
        assertThatThrownBy(() -> AtelierSession.move(mine, monday, thursday, List.of(), List.of(there), LATE, NOW))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("atelier.move.already-registered");
    }

    @Test
    void one_moves_until_the_session_starts() {
        var monday = session(1, 7, START, 3);
        var thursday = session(2, 7, START.plus(Duration.ofDays(3)), 3);
        var mine = people.register(monday);
        assertThatThrownBy(() -> AtelierSession.move(mine, monday, thursday, List.of(), List.of(), LATE, START))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("atelier.registration.cancel.too-late");
    }

    @Test
    void another_contact_is_taken_unless_someone_else_of_the_session_has_it() {
        var monday = session(1, 7, START, 3);
        var mine = people.register(monday);
        var other = people.register(monday);
        int sequence = mine.getSequence();
        monday.changeContact(mine, ContactDetails.of(null, "06 12 34 56 78"), List.of(mine), NOW);
        assertThat(mine.getEmail()).isNull();
        assertThat(mine.getPhone()).isEqualTo("+33612345678");
        assertThat(mine.getSequence()).as("the new contact gets the confirmation").isEqualTo(sequence + 1);

        assertThatThrownBy(() -> monday.changeContact(mine, ContactDetails.of(other.getEmail(), null), List.of(other), NOW))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("atelier.contact.already-registered");
        assertThat(mine.getPhone()).isEqualTo("+33612345678");
    }
}
