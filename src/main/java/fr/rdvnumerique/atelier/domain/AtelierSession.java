package fr.rdvnumerique.atelier.domain;

import fr.rdvnumerique.atelier.Attendance;
import fr.rdvnumerique.atelier.CancellationReason;
import fr.rdvnumerique.atelier.RegistrationStatus;
import fr.rdvnumerique.atelier.Seats;
import fr.rdvnumerique.atelier.SessionStatus;
import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.base.domain.CancelledBy;
import fr.rdvnumerique.base.domain.Channel;
import fr.rdvnumerique.base.domain.InvalidValueException;
import fr.rdvnumerique.base.domain.Origin;
import fr.rdvnumerique.base.i18n.FrenchDates;
import fr.rdvnumerique.base.time.ParisTime;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One date of a workshop, and the aggregate that owns its seats: confirmed seats never exceed the capacity,
 * the waiting list is first come, first served, and a freed seat goes to the first people waiting. Every
 * method that changes seats runs under the session's row lock (taken first in the transaction), and the
 * database's CHECK refuses an overbooked row whatever happens here.
 *
 * <p>Methods that need the registrations take them as arguments, loaded under that lock; they are plain
 * Java so that every rule is unit-tested without a database.
 */
@Entity
@Table(name = "atelier_session")
public class AtelierSession {

    /** Longest session accepted (a full day). */
    public static final Duration MAX_LENGTH = Duration.ofHours(8);
    private static final Comparator<Registration> QUEUE_ORDER = Comparator.comparing(Registration::getQueueRank);
    /** When people registered (not when they got their seat: someone promoted late still registered early). */
    private static final Comparator<Registration> REGISTRATION_ORDER = Comparator.comparing(Registration::getCreatedAt)
            .thenComparing(r -> r.getId() == null ? Long.MAX_VALUE : r.getId());

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /**
     * Optimistic check for staff edits only; registrations change the counters without touching it, so a
     * coordinator editing a popular session is not told "someone changed it" at each registration.
     */
    @Column(name = "edit_version", nullable = false)
    private long editVersion;

    @Column(name = "structure_id", nullable = false)
    private long structureId;

    @Column(name = "workshop_id", nullable = false)
    private long workshopId;

    @Column(name = "place_id", nullable = false)
    private long placeId;

    @Column(name = "advisor_id", nullable = false)
    private long advisorId;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;

    @Column(nullable = false)
    private int capacity;

    @Column(name = "confirmed_seats", nullable = false)
    private int confirmedSeats;

    @Column(name = "waiting_count", nullable = false)
    private int waitingCount;

    /** Seats held for waiting people who were offered them (counted in {@code waitingCount} too). */
    @Column(name = "offered_seats", nullable = false)
    private int offeredSeats;

    @Column(name = "last_queue_rank", nullable = false)
    private long lastQueueRank;

    @Column(name = "registration_opens_at")
    private Instant registrationOpensAt;

    @Column(name = "registration_closes_at", nullable = false)
    private Instant registrationClosesAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private SessionStatus status = SessionStatus.SCHEDULED;

    @Column(name = "series_key", length = 36)
    private String seriesKey;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    protected AtelierSession() {
    }

    public AtelierSession(long structureId, long workshopId, Schedule schedule, int capacity, String seriesKey,
                          Instant now) {
        if (!schedule.start().isAfter(now)) {
            throw new InvalidValueException("atelier.session.in-the-past");
        }
        this.structureId = structureId;
        this.workshopId = workshopId;
        this.capacity = Workshop.checkCapacity(capacity);
        this.seriesKey = seriesKey;
        this.createdAt = now;
        apply(schedule);
    }

    /**
     * When and where, with the registration window: registration opens at {@code registrationOpensAt} (now
     * when null) and closes at {@code registrationClosesAt}, at the latest when the session starts.
     */
    public record Schedule(long placeId, long advisorId, Instant start, Instant end, Instant registrationOpensAt,
                           Instant registrationClosesAt) {

        public Schedule {
            if (start == null || end == null || registrationClosesAt == null) {
                throw new InvalidValueException("validation.required");
            }
            if (!end.isAfter(start)) {
                throw new InvalidValueException("atelier.session.end-before-start");
            }
            if (Duration.between(start, end).compareTo(MAX_LENGTH) > 0) {
                throw new InvalidValueException("atelier.session.too-long", MAX_LENGTH.toHours());
            }
            if (start.getEpochSecond() % 300 != 0 || end.getEpochSecond() % 300 != 0 || start.getNano() != 0
                    || end.getNano() != 0) {
                throw new InvalidValueException("atelier.session.time-step");
            }
            if (registrationClosesAt.isAfter(start)
                    || registrationOpensAt != null && !registrationOpensAt.isBefore(registrationClosesAt)) {
                throw new InvalidValueException("atelier.session.window.invalid");
            }
        }

        public boolean sameTimeAndPlace(Schedule other) {
            return placeId == other.placeId && start.equals(other.start) && end.equals(other.end);
        }
    }

    // --- Registrations --------------------------------------------------------------------------------------

    /** The result of asking for seats: the registration made, or why none was. */
    public record Attempt(Admission admission, Registration registration) {
    }

    /**
     * Takes seats for a person, or puts them on the waiting list, or says why not. Staff may still register
     * a walk-in until the session ends; the web and the kiosk stop at the end of the registration window.
     */
    public Attempt register(Participant person, Origin origin, Instant now) {
        return register(person, origin, now, true);
    }

    /**
     * As {@link #register(Participant, Origin, Instant)}; with {@code acceptWaitingList} false, a person who asked
     * for a seat (the kiosk showed one free) is answered {@link Admission.SeatGone} rather than put on the waiting
     * list without having said yes to it. Decided here, under the session's lock, so a seat taken a moment earlier
     * counts.
     */
    public Attempt register(Participant person, Origin origin, Instant now, boolean acceptWaitingList) {
        Admission admission = admit(person.seats(), origin.channel(), now, acceptWaitingList);
        if (admission instanceof Admission.Refused || admission instanceof Admission.SeatGone) {
            return new Attempt(admission, null);
        }
        return new Attempt(admission, new Registration(this, person, admission, origin, now));
    }

    Admission admit(int seats, Channel channel, Instant now, boolean acceptWaitingList) {
        if (seats < 1 || seats > 2) {
            throw new IllegalArgumentException("One or two seats per registration");
        }
        if (status == SessionStatus.CANCELLED) {
            return new Admission.Refused("atelier.registration.refused.cancelled");
        }
        if (!now.isBefore(endsAt)) {
            return new Admission.Refused("atelier.registration.refused.past");
        }
        if (channel != Channel.STAFF) {
            if (!now.isBefore(registrationClosesAt)) {
                return new Admission.Refused("atelier.registration.refused.closed");
            }
            if (registrationOpensAt != null && now.isBefore(registrationOpensAt)) {
                return new Admission.Refused("atelier.registration.refused.not-yet-open",
                        FrenchDates.dayAndTime(registrationOpensAt));
            }
        }
        // Nobody overtakes people already waiting, even if a seat is free (the first in line may need two).
        if (waitingCount == 0 && confirmedSeats + offeredSeats + seats <= capacity) {
            confirmedSeats += seats;
            return new Admission.Confirmed();
        }
        if (!acceptWaitingList) {
            return new Admission.SeatGone();
        }
        waitingCount++;
        lastQueueRank++;
        return new Admission.Waitlisted(waitingCount, lastQueueRank);
    }

    /** What became of seats freed: given at once, or offered to confirm. */
    public record Handover(List<Registration> promoted, List<Registration> offered) {

        static final Handover NONE = new Handover(List.of(), List.of());
    }

    /**
     * Cancels one registration. A freed seat goes at once to the first people waiting, in order. People cancel
     * their own registration until the session starts; staff until it ends.
     *
     * @param waiting the session's waiting registrations
     * @return the people promoted
     */
    public List<Registration> cancel(Registration registration, CancelledBy by, CancellationReason reason,
                                     List<Registration> waiting, Instant now) {
        return cancel(registration, by, reason, waiting, LateSeats.NEVER, now).promoted();
    }

    /**
     * Cancels one registration; the seat it held (or the seat offered to it) goes to the first people waiting:
     * given at once, or offered when the session is close ({@link LateSeats}). Someone who declines an offer
     * cancels this way too.
     *
     * @param waiting the session's waiting registrations
     */
    public Handover cancel(Registration registration, CancelledBy by, CancellationReason reason,
                           List<Registration> waiting, LateSeats late, Instant now) {
        checkBelongs(registration);
        if (by == CancelledBy.PERSON && !now.isBefore(startsAt) && registration.isActive()) {
            throw new BusinessRuleException("atelier.registration.cancel.too-late");
        }
        if (registration.isActive()) {
            checkNotOver(now);
        }
        boolean hadOffer = registration.hasOffer();
        RegistrationStatus previous = registration.cancel(by, reason, now);
        if (previous == RegistrationStatus.WAITING) {
            waitingCount--;
            if (!hadOffer) {
                return Handover.NONE;
            }
            offeredSeats -= registration.getSeats();
        } else {
            confirmedSeats -= registration.getSeats();
        }
        return handOver(without(waiting, registration), late, now);
    }

    /**
     * Free seats go to the first people waiting: offered when the session is close, given otherwise.
     */
    Handover handOver(List<Registration> waiting, LateSeats late, Instant now) {
        if (late.offers(startsAt, now)) {
            return new Handover(List.of(), offerSeats(waiting, late, now));
        }
        return new Handover(promoteWaiting(waiting, now), List.of());
    }

    private static List<Registration> without(List<Registration> waiting, Registration gone) {
        return waiting.stream().filter(r -> r != gone && (r.getId() == null || !r.getId().equals(gone.getId()))).toList();
    }

    /**
     * Offers free seats to the first people waiting who hold no offer yet, in order, as long as the first in line
     * fits. Each offer holds its seat until it is confirmed, declined or lapses.
     */
    List<Registration> offerSeats(List<Registration> waiting, LateSeats late, Instant now) {
        var offered = new ArrayList<Registration>();
        if (status == SessionStatus.CANCELLED) {
            return offered;
        }
        for (Registration next : waiting.stream().filter(r -> r.getStatus() == RegistrationStatus.WAITING && !r.hasOffer())
                .sorted(QUEUE_ORDER).toList()) {
            checkBelongs(next);
            if (confirmedSeats + offeredSeats + next.getSeats() > capacity) {
                break;
            }
            next.offer(now, late.deadline(startsAt, now));
            offeredSeats += next.getSeats();
            offered.add(next);
        }
        return offered;
    }

    /**
     * The person accepts the seat offered to them, before the offer lapses (from their link, or staff on the
     * phone). The seat was held for them, so it is there.
     */
    public void confirmOffer(Registration registration, Instant now) {
        checkBelongs(registration);
        checkNotCancelled();
        if (registration.getStatus() != RegistrationStatus.WAITING || !registration.hasOffer()) {
            throw new BusinessRuleException("atelier.offer.none");
        }
        if (!now.isBefore(registration.getOfferExpiresAt())) {
            throw new BusinessRuleException("atelier.offer.lapsed");
        }
        offeredSeats -= registration.getSeats();
        registration.promote(now);
        confirmedSeats += registration.getSeats();
        waitingCount--;
    }

    /**
     * An offer not confirmed in time lapses: the person leaves the waiting list (they are told) and the seat goes
     * to the next people waiting. Nothing happens to an offer confirmed, declined or still running (the job may
     * look at it twice, or late).
     *
     * @return what became of the seat, or null when the offer did not lapse
     */
    public Handover lapseOffer(Registration registration, List<Registration> waiting, LateSeats late, Instant now) {
        checkBelongs(registration);
        if (registration.getStatus() != RegistrationStatus.WAITING || !registration.hasOffer()
                || now.isBefore(registration.getOfferExpiresAt())) {
            return null;
        }
        registration.cancel(CancelledBy.STAFF, CancellationReason.OFFER_LAPSED, now);
        waitingCount--;
        offeredSeats -= registration.getSeats();
        if (!now.isBefore(endsAt)) {
            return Handover.NONE;
        }
        return handOver(without(waiting, registration), late, now);
    }

    /**
     * The person gives another e-mail or phone, until the session starts; refused when another registration of
     * this session already has it ({@code others}: the session's other active registrations with that contact).
     */
    public void changeContact(Registration registration, fr.rdvnumerique.base.domain.ContactDetails contact,
                              List<Registration> others, Instant now) {
        checkBelongs(registration);
        checkNotCancelled();
        if (!now.isBefore(startsAt)) {
            throw new BusinessRuleException("atelier.registration.cancel.too-late");
        }
        if (others.stream().anyMatch(r -> r != registration && r.isActive()
                && (r.getId() == null || !r.getId().equals(registration.getId())))) {
            throw InvalidValueException.forField(fr.rdvnumerique.base.domain.Resident.CONTACT,
                    "atelier.contact.already-registered");
        }
        registration.changeContact(contact);
    }

    /**
     * The person moves their registration from {@code from} to another session of the same workshop, with a free
     * seat and open to registrations, until {@code from} starts: the new seat is taken and the old one (or their
     * place in line) freed at once, in the same transaction; the freed seat goes to the first people waiting in
     * {@code from} (given or offered, as for a cancellation). Everything is checked before anything changes.
     *
     * @param fromWaiting  {@code from}'s waiting registrations
     * @param sameContacts {@code to}'s active registrations with the person's e-mail or phone
     */
    public static Handover move(Registration registration, AtelierSession from, AtelierSession to,
                                List<Registration> fromWaiting, List<Registration> sameContacts, LateSeats late,
                                Instant now) {
        from.checkBelongs(registration);
        if (!registration.isActive()) {
            throw new BusinessRuleException("atelier.registration.status-changed");
        }
        if (!now.isBefore(from.startsAt)) {
            throw new BusinessRuleException("atelier.registration.cancel.too-late");
        }
        if (from.idOrZero() == to.idOrZero() || from.workshopId != to.workshopId) {
            throw new BusinessRuleException("atelier.move.other-workshop");
        }
        if (!to.isRegistrationOpen(now)) {
            throw new BusinessRuleException("atelier.move.closed");
        }
        if (!sameContacts.isEmpty()) {
            throw new BusinessRuleException("atelier.move.already-registered");
        }
        int seats = registration.getSeats();
        if (to.waitingCount > 0 || to.confirmedSeats + to.offeredSeats + seats > to.capacity) {
            throw new BusinessRuleException("atelier.move.full");
        }
        boolean heldSeat = registration.getStatus() == RegistrationStatus.CONFIRMED || registration.hasOffer();
        if (registration.getStatus() == RegistrationStatus.CONFIRMED) {
            from.confirmedSeats -= seats;
        } else {
            from.waitingCount--;
            if (registration.hasOffer()) {
                from.offeredSeats -= seats;
            }
        }
        to.confirmedSeats += seats;
        registration.movedTo(to, now);
        return heldSeat ? from.handOver(without(fromWaiting, registration), late, now) : Handover.NONE;
    }

    /** « Je viens »: the person with a seat says they are coming (until the session ends). */
    public void confirmPresence(Registration registration, Instant now) {
        checkBelongs(registration);
        checkNotCancelled();
        checkNotOver(now);
        registration.confirmPresence(now);
    }

    /**
     * Gives free seats to the first people waiting, in order, as long as the first in line fits (strictly first
     * come, first served: a pair does not lose its turn to a single person behind it). People holding an offer
     * already have their seat set aside.
     */
    List<Registration> promoteWaiting(List<Registration> waiting, Instant now) {
        var promoted = new ArrayList<Registration>();
        if (status == SessionStatus.CANCELLED) {
            return promoted;
        }
        for (Registration next : waiting.stream().filter(r -> r.getStatus() == RegistrationStatus.WAITING && !r.hasOffer())
                .sorted(QUEUE_ORDER).toList()) {
            checkBelongs(next);
            if (confirmedSeats + offeredSeats + next.getSeats() > capacity) {
                break;
            }
            next.promote(now);
            confirmedSeats += next.getSeats();
            waitingCount--;
            promoted.add(next);
        }
        return promoted;
    }

    /** A staff member gives a seat to this waiting person, out of turn if they wish, never beyond capacity. */
    public void promoteByHand(Registration registration, Instant now) {
        checkBelongs(registration);
        checkNotCancelled();
        if (registration.getStatus() != RegistrationStatus.WAITING) {
            throw new BusinessRuleException("atelier.registration.status-changed");
        }
        if (registration.hasOffer()) {
            // Staff on the phone with the person the seat is offered to: they accept it.
            confirmOffer(registration, now);
            return;
        }
        if (confirmedSeats + offeredSeats + registration.getSeats() > capacity) {
            throw new BusinessRuleException("atelier.promote.no-seat", Math.max(0, capacity - confirmedSeats - offeredSeats),
                    registration.getSeats());
        }
        registration.promote(now);
        confirmedSeats += registration.getSeats();
        waitingCount--;
    }

    /** What a capacity change did. */
    public record CapacityChange(List<Registration> promoted, List<Registration> movedToWaitingList) {
    }

    /**
     * Sets a new capacity. Raising it promotes people waiting. Lowering it below the seats already confirmed is
     * refused, unless the staff member chooses to move the most recent registrations (by registration time) back
     * to the head of the waiting list (they hold a seat ahead of everyone waiting, so they keep that precedence).
     *
     * @param confirmed the session's confirmed registrations
     * @param waiting   the session's waiting registrations
     */
    public CapacityChange changeCapacity(int newCapacity, boolean moveBackIfNeeded, List<Registration> confirmed,
                                         List<Registration> waiting, Instant now) {
        checkNotCancelled();
        checkNotOver(now);
        int checked = Workshop.checkCapacity(newCapacity);
        if (offeredSeats > 0 && checked < confirmedSeats + offeredSeats) {
            throw new BusinessRuleException("atelier.capacity.offers-pending", offeredSeats);
        }
        var movedBack = new ArrayList<Registration>();
        if (checked < confirmedSeats) {
            if (!moveBackIfNeeded) {
                throw new BusinessRuleException("atelier.capacity.below-confirmed", confirmedSeats, checked);
            }
            List<Registration> mostRecentFirst = confirmed.stream()
                    .filter(r -> r.getStatus() == RegistrationStatus.CONFIRMED)
                    .sorted(REGISTRATION_ORDER.reversed()).toList();
            int seats = confirmedSeats;
            for (Registration r : mostRecentFirst) {
                if (seats <= checked) {
                    break;
                }
                checkBelongs(r);
                movedBack.add(r);
                seats -= r.getSeats();
            }
            // Ahead of everyone waiting, in their original order.
            long front = waiting.stream().filter(r -> r.getStatus() == RegistrationStatus.WAITING)
                    .mapToLong(Registration::getQueueRank).min().orElse(lastQueueRank + 1);
            List<Registration> inOrder = movedBack.reversed();
            for (int i = 0; i < inOrder.size(); i++) {
                inOrder.get(i).moveToWaitingList(front - inOrder.size() + i, now);
            }
            confirmedSeats = seats;
            waitingCount += movedBack.size();
            movedBack = new ArrayList<>(inOrder);
        }
        capacity = checked;
        var everyoneWaiting = new ArrayList<>(waiting);
        everyoneWaiting.addAll(movedBack);
        List<Registration> promoted = promoteWaiting(everyoneWaiting, now);
        editVersion++;
        return new CapacityChange(promoted, movedBack);
    }

    /** Cancels the session and every active registration in it. */
    public List<Registration> cancelSession(List<Registration> active, Instant now) {
        checkNotCancelled();
        checkNotOver(now);
        var cancelled = new ArrayList<Registration>();
        for (Registration r : active) {
            checkBelongs(r);
            if (r.isActive()) {
                r.cancel(CancelledBy.STAFF, CancellationReason.SESSION_CANCELLED, now);
                cancelled.add(r);
            }
        }
        status = SessionStatus.CANCELLED;
        cancelledAt = now;
        confirmedSeats = 0;
        waitingCount = 0;
        offeredSeats = 0;
        editVersion++;
        return cancelled;
    }

    /**
     * Moves the session or changes its registration window.
     *
     * @return true when time or place changed, so that registered people must be told
     */
    public boolean reschedule(Schedule schedule, List<Registration> active, Instant now) {
        checkNotCancelled();
        checkNotOver(now);
        boolean moved = !schedule().sameTimeAndPlace(schedule);
        if (moved && !schedule.start().isAfter(now)) {
            throw new InvalidValueException("atelier.session.in-the-past");
        }
        apply(schedule);
        if (moved) {
            active.stream().filter(Registration::isActive).forEach(r -> {
                checkBelongs(r);
                r.sessionChanged();
            });
        }
        editVersion++;
        return moved;
    }

    /** Présent and absent are noted from the session's day on; excusé at any time. */
    public void markAttendance(Registration registration, Attendance attendance, Instant now) {
        checkBelongs(registration);
        checkNotCancelled();
        if (attendance != null && attendance != Attendance.EXCUSE
                && now.atZone(ParisTime.ZONE).toLocalDate().isBefore(startsAt.atZone(ParisTime.ZONE).toLocalDate())) {
            throw new BusinessRuleException("atelier.attendance.too-early");
        }
        registration.markAttendance(attendance, now);
    }

    // --- State --------------------------------------------------------------------------------------------

    public boolean isRegistrationOpen(Instant now) {
        return status == SessionStatus.SCHEDULED && now.isBefore(registrationClosesAt)
                && (registrationOpensAt == null || !now.isBefore(registrationOpensAt));
    }

    /** Seats a newcomer could take right now (none while people wait). */
    public int seatsLeft() {
        return waitingCount > 0 ? 0 : Math.max(0, capacity - confirmedSeats);
    }

    public Schedule schedule() {
        return new Schedule(placeId, advisorId, startsAt, endsAt, registrationOpensAt, registrationClosesAt);
    }

    private void apply(Schedule schedule) {
        this.placeId = schedule.placeId();
        this.advisorId = schedule.advisorId();
        this.startsAt = schedule.start();
        this.endsAt = schedule.end();
        this.registrationOpensAt = schedule.registrationOpensAt();
        this.registrationClosesAt = schedule.registrationClosesAt();
    }

    private void checkNotCancelled() {
        if (status == SessionStatus.CANCELLED) {
            throw new BusinessRuleException("atelier.session.cancelled");
        }
    }

    private void checkNotOver(Instant now) {
        if (!now.isBefore(endsAt)) {
            throw new BusinessRuleException("atelier.session.over");
        }
    }

    private void checkBelongs(Registration registration) {
        if (registration.getSessionId() != idOrZero()) {
            throw new IllegalArgumentException("Registration of another session");
        }
    }

    long idOrZero() {
        return id == null ? 0 : id;
    }

    public Long getId() {
        return id;
    }

    public long getEditVersion() {
        return editVersion;
    }

    public long getStructureId() {
        return structureId;
    }

    public long getWorkshopId() {
        return workshopId;
    }

    public long getPlaceId() {
        return placeId;
    }

    public long getAdvisorId() {
        return advisorId;
    }

    public Instant getStartsAt() {
        return startsAt;
    }

    public Instant getEndsAt() {
        return endsAt;
    }

    public int getCapacity() {
        return capacity;
    }

    public int getConfirmedSeats() {
        return confirmedSeats;
    }

    public int getWaitingCount() {
        return waitingCount;
    }

    public int getOfferedSeats() {
        return offeredSeats;
    }

    public Instant getRegistrationOpensAt() {
        return registrationOpensAt;
    }

    public Instant getRegistrationClosesAt() {
        return registrationClosesAt;
    }

    public SessionStatus getStatus() {
        return status;
    }

    public String getSeriesKey() {
        return seriesKey;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getCancelledAt() {
        return cancelledAt;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof AtelierSession s && id != null && id.equals(s.id);
    }

    @Override
    public int hashCode() {
        return AtelierSession.class.hashCode();
    }
}
