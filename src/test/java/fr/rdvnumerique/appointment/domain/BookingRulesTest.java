package fr.rdvnumerique.appointment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.base.domain.CancelledBy;
import fr.rdvnumerique.base.domain.Origin;
import fr.rdvnumerique.base.domain.Resident;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

class BookingRulesTest {

    private static final Instant START = Instant.parse("2026-12-01T09:00:00Z");
    private static final BookingRules TWO = new BookingRules(2);

    private static Appointment appointment() {
        var motif = new Motif(1, new Motif.Details("Question rapide", null, 30, 0, 24, 42, 24, false, 0, Set.of(10L),
                Set.of(), null));
        // As saved: an appointment keeps its motif's id.
        ReflectionTestUtils.setField(motif, "id", 7L);
        var booking = new Appointment.Booking(Resident.parse("Jeanne", "Martin", "jeanne@exemple.fr", null), true,
                Set.of(), null, Origin.web("192.0.2.1"), null);
        return new Appointment(1, 10, 100, motif, START, booking, START.minus(Duration.ofDays(7)));
    }

    @Test
    void a_contact_may_book_until_it_holds_as_many_upcoming_appointments_as_allowed() {
        assertThatCode(() -> TWO.checkMayBook(1, "03 83 00 00 00")).doesNotThrowAnyException();
        assertThatThrownBy(() -> TWO.checkMayBook(2, "03 83 00 00 00")).isInstanceOf(BusinessRuleException.class)
                .satisfies(e -> {
                    assertThat(((BusinessRuleException) e).messageKey()).isEqualTo("appointment.cap.reached");
                    assertThat(((BusinessRuleException) e).arguments()).containsExactly(2, "03 83 00 00 00");
                });
    }

    @Test
    void at_the_cap_the_person_is_told_to_call_and_without_a_number_simply_to_get_in_touch() {
        assertThatThrownBy(() -> TWO.checkMayBook(3, null)).isInstanceOf(BusinessRuleException.class)
                .extracting("messageKey").isEqualTo("appointment.cap.reached.no-phone");
    }

    @Test
    void the_person_may_change_their_appointment_until_the_cutoff() {
        var appointment = appointment();
        assertThatCode(() -> BookingRules.checkMayChange(appointment, 24, START.minus(Duration.ofHours(24)), null))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> BookingRules.checkMayChange(appointment, 24, START.minus(Duration.ofHours(23)),
                "03 83 00 00 00")).isInstanceOf(BusinessRuleException.class).satisfies(e -> {
                    assertThat(((BusinessRuleException) e).messageKey()).isEqualTo("appointment.too-late");
                    assertThat(((BusinessRuleException) e).arguments()).containsExactly(24, "03 83 00 00 00");
                });
        assertThatThrownBy(() -> BookingRules.checkMayChange(appointment, 24, START.minus(Duration.ofHours(1)), null))
                .extracting("messageKey").isEqualTo("appointment.too-late.no-phone");
    }

    @Test
    void a_cancelled_appointment_cannot_be_changed_any_more() {
        var appointment = appointment();
        appointment.cancel(CancelledBy.PERSON, null, START.minus(Duration.ofDays(3)));
        assertThatThrownBy(() -> BookingRules.checkMayChange(appointment, 24, START.minus(Duration.ofDays(2)), null))
                .extracting("messageKey").isEqualTo("appointment.not-active");
    }

    @Test
    void the_cutoff_counts_whole_hours_before_the_start() {
        assertThat(BookingRules.beforeCutoff(START, 48, START.minus(Duration.ofHours(48)))).isTrue();
        assertThat(BookingRules.beforeCutoff(START, 48, START.minus(Duration.ofHours(48)).plusSeconds(1))).isFalse();
        assertThat(BookingRules.beforeCutoff(START, 0, START)).isTrue();
    }
}
