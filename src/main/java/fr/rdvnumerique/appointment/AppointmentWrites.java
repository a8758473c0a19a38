package fr.rdvnumerique.appointment;

import fr.rdvnumerique.appointment.domain.Appointment;
import fr.rdvnumerique.appointment.domain.AppointmentRepository;
import fr.rdvnumerique.appointment.domain.AppointmentToken;
import fr.rdvnumerique.appointment.domain.AppointmentTokenRepository;
import fr.rdvnumerique.appointment.domain.BookingRules;
import fr.rdvnumerique.appointment.domain.Motif;
import fr.rdvnumerique.appointment.domain.SlotFinder;
import fr.rdvnumerique.appointment.domain.SlotRules;
import fr.rdvnumerique.base.db.ContactLocks;
import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.base.domain.CancelledBy;
import fr.rdvnumerique.base.domain.Resident;
import fr.rdvnumerique.base.time.ParisTime;
import fr.rdvnumerique.base.web.SecretTokens;
import fr.rdvnumerique.territory.AdvisorSchedule;
import fr.rdvnumerique.territory.PlaceSummary;
import fr.rdvnumerique.territory.TerritoryDirectory;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import fr.rdvnumerique.base.retention.PersonKeys;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The module's writes of the appointment life cycle, shared by the public booking, the kiosk and the staff agenda,
 * each one step of a transaction the caller runs in {@code ConflictRetry}: checks the slot against freshly computed
 * free slots, then lets the database decide: the appointment's unique slot key and the advisor's schedule refuse a
 * second booking of the same time, however many requests race.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class AppointmentWrites {

    private final AppointmentRepository appointments;
    private final AppointmentTokenRepository tokens;
    private final SlotFinder slots;
    private final AdvisorSchedule schedule;
    private final TerritoryDirectory directory;
    private final ApplicationEventPublisher events;
    private final ContactLocks contactLocks;
    private final MessageSource messages;
    private final PersonKeys personKeys;
    private final Clock clock;

    AppointmentWrites(AppointmentRepository appointments, AppointmentTokenRepository tokens, SlotFinder slots,
                      AdvisorSchedule schedule, TerritoryDirectory directory, ApplicationEventPublisher events,
                      JdbcTemplate jdbc, MessageSource messages, PersonKeys personKeys, Clock clock) {
        this.appointments = appointments;
        this.tokens = tokens;
        this.slots = slots;
        this.schedule = schedule;
        this.directory = directory;
        this.events = events;
        this.contactLocks = new ContactLocks(BookingRules.LOCK_TABLE, jdbc, clock);
        this.messages = messages;
        this.personKeys = personKeys;
        this.clock = clock;
    }

    /**
     * Locks a person's contacts (see {@link ContactLocks#lock}) so that their bookings are checked one after the
     * other against the cap. Must come before the transaction's first plain read.
     */
    void lockContacts(Resident resident) {
        String email = resident.emailKey();
        String phone = resident.phoneE164();
        contactLocks.lock(email == null ? List.of() : List.of(email), phone == null ? List.of() : List.of(phone));
    }

    /**
     * Books the slot starting at {@code start}, with the advisor asked for, or the first one free then.
     *
     * @param advisorId the advisor who must receive the person, or null for whoever is free
     * @throws SlotTakenException    when the slot is not (or no longer) among the free slots
     * @throws BusinessRuleException {@code appointment.advisor.not-free} when the slot is free for others only
     */
    Appointment book(PlaceSummary place, Motif motif, SlotRules rules, Instant start, Appointment.Booking booking,
                            Long advisorId) {
        if (!motif.offeredAt(place.id()) || motif.getStructureId() != place.structureId()) {
            throw new BusinessRuleException("appointment.motif.not-offered");
        }
        Instant now = clock.instant();
        FreeSlot slot = findSlot(place, rules, start, now, null);
        if (advisorId != null && !slot.advisorIds().contains(advisorId)) {
            // Never another advisor in silence: staff who chose someone are told, and choose again.
            throw new BusinessRuleException("appointment.advisor.not-free",
                    directory.advisor(advisorId).map(fr.rdvnumerique.territory.AdvisorSummary::displayName).orElse("?"));
        }
        long advisor = advisorId != null ? advisorId : slot.advisorIds().getFirst();
        var made = new Appointment(place.structureId(), place.id(), advisor, motif, start, booking, now);
        made.identify(personKeys.of(booking.resident().contact()));
        var appointment = appointments.saveAndFlush(made);
        schedule.claim(advisor, appointment.getStartAt(), appointment.claimEnd(), Appointment.OWNER_KIND,
                appointment.getId(), scheduleLabel(motif), appointment.getPlaceId());
        events.publishEvent(new AppointmentBooked(appointment.getId(), advisor, place.id(), place.structureId(),
                motif.getId(), appointment.getStartAt(), appointment.getEndAt(), appointment.getSequence(),
                appointment.getChannel()));
        return appointment;
    }

    /** Moves an appointment to another free slot of the same place and motif; the advisor stays if free then. */
    void reschedule(Appointment appointment, Motif motif, SlotRules rules, Instant newStart) {
        if (appointment.getStatus() != AppointmentStatus.BOOKED) {
            throw new BusinessRuleException("appointment.not-active");
        }
        PlaceSummary place = directory.place(appointment.getPlaceId()).orElseThrow();
        Instant now = clock.instant();
        FreeSlot slot = findSlot(place, rules, newStart, now, appointment.getId());
        long previousAdvisor = appointment.getAdvisorId();
        Instant previousStart = appointment.getStartAt();
        Instant previousEnd = appointment.getEndAt();
        long advisor = slot.advisorIds().contains(previousAdvisor) ? previousAdvisor : slot.advisorIds().getFirst();
        schedule.release(Appointment.OWNER_KIND, appointment.getId());
        appointment.reschedule(advisor, newStart, now);
        appointments.saveAndFlush(appointment);
        schedule.claim(advisor, appointment.getStartAt(), appointment.claimEnd(), Appointment.OWNER_KIND,
                appointment.getId(), scheduleLabel(motif), appointment.getPlaceId());
        events.publishEvent(new AppointmentRescheduled(appointment.getId(), advisor, appointment.getPlaceId(),
                appointment.getStructureId(), previousStart, previousEnd, previousAdvisor, appointment.getStartAt(),
                appointment.getEndAt(), appointment.getSequence()));
    }

    void cancel(Appointment appointment, CancelledBy by, String reason) {
        appointment.cancel(by, reason, clock.instant());
        freed(appointment, by);
    }

    /** « Je ne pourrai pas venir »: cancelled by the person, the slot freed, until the start. */
    void cannotCome(Appointment appointment) {
        appointment.cannotCome(clock.instant());
        freed(appointment, CancelledBy.PERSON);
    }

    private void freed(Appointment appointment, CancelledBy by) {
        appointments.saveAndFlush(appointment);
        schedule.release(Appointment.OWNER_KIND, appointment.getId());
        events.publishEvent(new AppointmentCancelled(appointment.getId(), appointment.getAdvisorId(),
                appointment.getPlaceId(), appointment.getStructureId(), appointment.getStartAt(), appointment.getEndAt(),
                appointment.getSequence(), by, appointment.getCancelReason()));
    }

    /** Another e-mail or phone for the appointment; the new contact gets the confirmation, the old one a notice. */
    void changeContact(Appointment appointment, Resident resident) {
        String previousEmail = appointment.getEmail();
        appointment.changeContact(resident.contact(), clock.instant());
        appointments.saveAndFlush(appointment);
        events.publishEvent(new AppointmentContactChanged(appointment.getId(), appointment.getStructureId(),
                previousEmail, appointment.getSequence()));
    }

    /** One more private link for an appointment; returns the secret, stores only its hash. */
    String issueToken(long appointmentId) {
        String token = SecretTokens.generate();
        tokens.save(new AppointmentToken(appointmentId, SecretTokens.hash(token),
                clock.instant()));
        return token;
    }

    private FreeSlot findSlot(PlaceSummary place, SlotRules rules, Instant start, Instant now, Long ignored) {
        if (start == null) {
            throw new SlotTakenException();
        }
        LocalDate day = start.atZone(ParisTime.ZONE).toLocalDate();
        List<FreeSlot> free = slots.freeSlots(place, rules, day, day, now, ignored);
        return free.stream().filter(s -> s.start().equals(start)).findFirst().orElseThrow(SlotTakenException::new);
    }

    /**
     * How the advisor's schedule names this appointment (conflict messages, agendas, calendar feeds). The
     * schedule keeps one label, read by staff in French (see {@code AdvisorSchedule}), so it comes from the
     * French bundle.
     */
    String scheduleLabel(Motif motif) {
        String label = messages.getMessage("appointment.schedule.label", new Object[] {motif.getLabel()}, Locale.FRENCH);
        return label.length() > 255 ? label.substring(0, 255) : label;
    }

    /** Attempts at a booking without a chosen advisor: each one takes an advisor who is free at that moment. */
    static final int MAX_ADVISOR_ATTEMPTS = 6;

    /**
     * Runs a booking (its own transaction) again when the database refused it because another booking took the
     * advisor's time first: the next attempt computes the free advisors again. After {@code attempts}, the slot is
     * taken.
     */
    static <T> T retryingOtherAdvisors(int attempts, java.util.function.Supplier<T> booking) {
        for (int attempt = 1; ; attempt++) {
            try {
                return booking.get();
            } catch (RuntimeException e) {
                if (!isSlotConflict(e)) {
                    throw e;
                }
                if (attempt >= attempts) {
                    throw new SlotTakenException();
                }
            }
        }
    }

    /** A second booking of the same time, refused by the database (unique slot key or the advisor's schedule). */
    static boolean isSlotConflict(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof fr.rdvnumerique.territory.ScheduleConflictException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getErrorCode() == 1062) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
