package fr.rdvnumerique.appointment;

import fr.rdvnumerique.base.audit.AuditChanges;
import fr.rdvnumerique.base.audit.AuditKind;
import fr.rdvnumerique.base.audit.AuditTrail;
import fr.rdvnumerique.appointment.domain.Appointment;
import fr.rdvnumerique.appointment.domain.AppointmentRepository;
import fr.rdvnumerique.appointment.domain.AppointmentTokenRepository;
import fr.rdvnumerique.appointment.domain.BookingRules;
import fr.rdvnumerique.appointment.domain.Motif;
import fr.rdvnumerique.appointment.domain.MotifRepository;
import fr.rdvnumerique.appointment.domain.SlotFinder;
import fr.rdvnumerique.base.db.ConflictRetry;
import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.base.domain.CancelledBy;
import fr.rdvnumerique.base.domain.Channel;
import fr.rdvnumerique.base.domain.InvalidValueException;
import fr.rdvnumerique.base.domain.PlaceResult;
import fr.rdvnumerique.base.domain.Resident;
import fr.rdvnumerique.base.domain.Texts;
import fr.rdvnumerique.base.time.ParisTime;
import fr.rdvnumerique.base.web.RateLimiter;
import fr.rdvnumerique.base.domain.EmailAddress;
import fr.rdvnumerique.base.web.PrivateLinks;
import fr.rdvnumerique.base.web.SecretTokens;
import fr.rdvnumerique.territory.PlaceSummary;
import fr.rdvnumerique.territory.StructureSummary;
import fr.rdvnumerique.territory.TerritoryDirectory;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Booking for residents (public portal) and the kiosk: what can be booked where, the free slots, the booking
 * itself, and the private link that lets the person see, cancel or move their appointment. No sign-in: the
 * person gives a name and an e-mail or a phone; the private link is their key. Staff bookings go through the
 * same pipeline ({@link AgendaService#book}).
 */
@Service
public class BookingService {

    private final MotifRepository motifs;
    private final AppointmentRepository appointments;
    private final AppointmentTokenRepository tokens;
    private final SlotFinder slots;
    private final AppointmentWrites writes;
    private final ConflictRetry retry;
    private final TerritoryDirectory directory;
    private final RateLimiter limiter;
    private final AppointmentSettings settings;
    private final BookingRules rules;
    private final StaffScope scope;
    private final Clock clock;
    private final TransactionTemplate readOnly;
    private final PrivateLinks links;

    private final AuditTrail audit;

    BookingService(MotifRepository motifs, AppointmentRepository appointments, AppointmentTokenRepository tokens,
                   SlotFinder slots, AppointmentWrites writes, ConflictRetry retry, TerritoryDirectory directory,
                   RateLimiter limiter, AppointmentSettings settings, StaffScope scope, Clock clock,
                   PlatformTransactionManager transactionManager, AuditTrail audit, PrivateLinks links) {
        this.audit = audit;
        this.motifs = motifs;
        this.appointments = appointments;
        this.tokens = tokens;
        this.slots = slots;
        this.writes = writes;
        this.retry = retry;
        this.directory = directory;
        this.limiter = limiter;
        this.settings = settings;
        this.rules = new BookingRules(settings.maxActivePerContact());
        this.scope = scope;
        this.clock = clock;
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
        this.links = links;
    }

    /** Active places of a structure where at least one motif can be booked, by commune then name. */
    @Transactional(readOnly = true)
    public List<PlaceSummary> bookablePlaces(long structureId) {
        var offered = motifs.findByStructureIdOrderByPositionAscLabelAsc(structureId).stream()
                .filter(Motif::isActive).flatMap(m -> m.getPlaceIds().stream()).toList();
        return directory.places(structureId).stream().filter(p -> offered.contains(p.id()))
                .sorted(Comparator.comparing(PlaceSummary::communeName).thenComparing(PlaceSummary::name)).toList();
    }

    /** Active motifs of a structure, in the structure's order. */
    @Transactional(readOnly = true)
    public List<MotifSummary> motifs(long structureId) {
        return motifs.findByStructureIdOrderByPositionAscLabelAsc(structureId).stream()
                .filter(Motif::isActive).map(Summaries::motif).toList();
    }

    /** Active motifs offered at a place. */
    @Transactional(readOnly = true)
    public List<MotifSummary> motifsAt(long placeId) {
        return directory.place(placeId).map(place -> motifs.findByStructureIdOrderByPositionAscLabelAsc(place.structureId())
                .stream().filter(m -> m.offeredAt(placeId)).map(Summaries::motif).toList()).orElse(List.of());
    }

    /**
     * Free slots for a motif at a place, on the days {@code from}–{@code to} (Paris), within the motif's notice
     * and horizon. Empty when the place or motif is unknown, inactive or not offered there.
     */
    @Transactional(readOnly = true)
    public List<FreeSlot> freeSlots(long placeId, long motifId, LocalDate from, LocalDate to) {
        var place = directory.place(placeId).orElse(null);
        var motif = motifs.findWithDetailsById(motifId).orElse(null);
        if (place == null || motif == null || !motif.offeredAt(placeId) || motif.getStructureId() != place.structureId()) {
            return List.of();
        }
        return slots.freeSlots(place, motif.rules(), from, to, clock.instant(), null);
    }

    /**
     * Free slots for a motif at several places of its structure at once (e.g. the other places when the chosen one
     * is full), read together: the structure's advisors, hours, closures and schedules once for all the places.
     *
     * @return place id → free slots, in the order of {@code placeIds}, for the places that offer the motif
     */
    @Transactional(readOnly = true)
    public Map<Long, List<FreeSlot>> freeSlotsAt(List<Long> placeIds, long motifId, LocalDate from, LocalDate to) {
        var motif = motifs.findWithDetailsById(motifId).orElse(null);
        if (motif == null || placeIds.isEmpty()) {
            return Map.of();
        }
        var places = directory.places(motif.getStructureId()).stream()
                .filter(p -> placeIds.contains(p.id()) && motif.offeredAt(p.id())).toList();
        Map<Long, List<FreeSlot>> found = slots.freeSlots(places, motif.rules(), from, to, clock.instant(), null);
        var ordered = new LinkedHashMap<Long, List<FreeSlot>>();
        for (long placeId : placeIds) {
            if (found.containsKey(placeId)) {
                ordered.put(placeId, found.get(placeId));
            }
        }
        return ordered;
    }

    /**
     * Books a slot for a resident (channel WEB or KIOSK; staff book through {@link AgendaService#book}). Never
     * half-saves: either the appointment, its time in the advisor's schedule, its private link and its event are
     * all stored, or nothing is.
     */
    public PlaceResult<AppointmentCard, FreeSlot> book(BookingRequest request) {
        if (request.origin().channel() == Channel.STAFF) {
            throw new IllegalArgumentException("Staff book through AgendaService");
        }
        return take(request);
    }

    /**
     * Booking, the same for every channel: the request parsed into value objects (a wrong value answers
     * {@code Invalid}, naming the field), the rate limit of its channel, then the transaction in
     * {@link ConflictRetry} (the person's contact locks, then the rules and the free slots decide), run again with
     * the next free advisor when another booking took the first one. Not {@code @Transactional}.
     */
    PlaceResult<AppointmentCard, FreeSlot> take(BookingRequest request) {
        Appointment.Booking booking;
        try {
            booking = booking(request);
        } catch (InvalidValueException e) {
            return PlaceResult.Invalid.of(e);
        }
        if (!limiter.tryAcquire("appointment.book", request.origin(), settings.bookingsPerHourPerAddress(),
                settings.bookingsPerHourPerKiosk())) {
            return new PlaceResult.TryLater<>("error.rate-limited");
        }
        // Without a chosen advisor, another one free at that time may take the booking; a chosen one is kept.
        int attempts = request.advisorId() == null ? AppointmentWrites.MAX_ADVISOR_ATTEMPTS : 1;
        try {
            return AppointmentWrites.retryingOtherAdvisors(attempts, () -> retry.inTransaction(
                    () -> booking.origin().channel() == Channel.STAFF ? bookForStaff(request, booking)
                            : bookForResident(request, booking)));
        } catch (SlotTakenException e) {
            return new PlaceResult.SlotTaken<>(e.messageKey(), freshSlotsOfDay(request));
        } catch (ConflictRetry.Busy e) {
            return new PlaceResult.TryLater<>(e.messageKey());
        } catch (BusinessRuleException e) {
            return new PlaceResult.Refused<>(e.messageKey(), Arrays.asList(e.arguments()));
        }
    }

    /** The request as value objects. */
    private Appointment.Booking booking(BookingRequest request) {
        Resident resident = Resident.parse(request.givenName(), request.familyName(), request.email(), request.phone());
        InvalidValueException.inField(BookingRequest.NEEDS, () -> Texts.optional(request.needs(), Appointment.MAX_NEEDS));
        if (request.start() == null) {
            throw InvalidValueException.forField(BookingRequest.START, "appointment.slot.required");
        }
        Long bookedBy = request.origin().channel() == Channel.STAFF ? scope.accountId() : null;
        if (request.noticeBy() != null && request.noticeBy().missing(resident.contact()) != null) {
            throw InvalidValueException.forField(BookingRequest.NOTICE_BY, request.noticeBy().missing(resident.contact()));
        }
        return new Appointment.Booking(resident, request.wantsReminders(), request.themes(), request.needs(),
                request.origin(), bookedBy, request.noticeBy());
    }

    /** A resident books for themselves: the motif's notice and horizon, and the cap per contact. */
    private PlaceResult<AppointmentCard, FreeSlot> bookForResident(BookingRequest request, Appointment.Booking booking) {
        Resident resident = booking.resident();
        writes.lockContacts(resident);
        var place = directory.place(request.placeId()).orElseThrow(() -> new BusinessRuleException("error.not-found"));
        var motif = motifs.findById(request.motifId()).orElseThrow(() -> new BusinessRuleException("error.not-found"));
        var structure = directory.structure(place.structureId()).orElseThrow();
        Instant now = clock.instant();
        rules.checkMayBook(appointments.countActiveForContact(resident.emailKey(), resident.phoneE164(), now,
                AppointmentStatus.BOOKED), phoneToCall(structure));
        Appointment appointment = writes.book(place, motif, motif.rules(), request.start(), booking, null);
        String token = writes.issueToken(appointment.getId());
        return new PlaceResult.Confirmed<>(appointment.getId(), token,
                Summaries.card(appointment, motif, place, structure, now));
    }

    /**
     * Staff book on someone's behalf, in their scope: no notice, no horizon, no cap (staff know the person), and
     * the advisor they chose, if they did. No private link here: the person gets theirs by mail.
     */
    private PlaceResult<AppointmentCard, FreeSlot> bookForStaff(BookingRequest request, Appointment.Booking booking) {
        PlaceSummary place = scope.place(request.placeId());
        if (request.advisorId() != null) {
            scope.advisor(request.advisorId());
        }
        Motif motif = motifs.findById(request.motifId()).orElseThrow(() -> new BusinessRuleException("error.not-found"));
        if (motif.getStructureId() != scope.structureId()) {
            throw new AccessDeniedException("Motif of another structure");
        }
        Appointment appointment = writes.book(place, motif, motif.rules().forStaff(), request.start(), booking,
                request.advisorId());
        audit.record(AuditKind.APPOINTMENT_ON_BEHALF, appointment.getId(), appointment.getStructureId(),
                AuditChanges.value("start", appointment.getStartAt()).and("motif", null, motif.getId())
                        .and("advisor", null, appointment.getAdvisorId()).and("place", null, place.id()));
        var structure = directory.structure(place.structureId()).orElseThrow();
        return new PlaceResult.Confirmed<>(appointment.getId(), null,
                Summaries.card(appointment, motif, place, structure, clock.instant()));
    }

    /** The structure's number, as shown, for refusals that say "call us"; null when it has none. */
    private static String phoneToCall(StructureSummary structure) {
        return structure.phone() == null ? null : structure.phone().display();
    }

    /** The free slots of the day of a slot just taken, fresh, by the rules of whoever booked (staff: from now on). */
    private List<FreeSlot> freshSlotsOfDay(BookingRequest request) {
        LocalDate day = request.start().atZone(ParisTime.ZONE).toLocalDate();
        if (request.origin().channel() != Channel.STAFF) {
            return readOnly.execute(status -> freeSlots(request.placeId(), request.motifId(), day, day));
        }
        return readOnly.execute(status -> {
            var place = directory.place(request.placeId()).orElse(null);
            var motif = motifs.findWithDetailsById(request.motifId()).orElse(null);
            return place == null || motif == null ? List.<FreeSlot>of()
                    : slots.freeSlots(place, motif.rules().forStaff(), day, day, clock.instant(), null);
        });
    }

    /** Whether a private link opens an appointment (reads only: opening a link changes nothing). */
    @Transactional(readOnly = true)
    public boolean linkWorks(String token) {
        return appointmentIdOf(token).isPresent();
    }

    /** The appointment a private link opens, or empty for an unknown or malformed token. */
    @Transactional(readOnly = true)
    public Optional<AppointmentCard> findByToken(String token) {
        return appointmentIdOf(token).flatMap(appointments::findById).map(this::card);
    }

    /** Free slots to move the appointment of a private link to (its own time counts as free). */
    @Transactional(readOnly = true)
    public List<FreeSlot> freeSlotsToMove(String token, LocalDate from, LocalDate to) {
        var appointment = appointmentIdOf(token).flatMap(appointments::findById).orElse(null);
        if (appointment == null || appointment.getStatus() != AppointmentStatus.BOOKED) {
            return List.of();
        }
        var motif = motifs.findById(appointment.getMotifId()).orElseThrow();
        var place = directory.place(appointment.getPlaceId()).orElseThrow();
        return slots.freeSlots(place, motif.rules(), from, to, clock.instant(), appointment.getId()).stream()
                .filter(s -> !s.start().equals(appointment.getStartAt())).toList();
    }

    /**
     * The person cancels through their private link, before the motif's cut-off.
     *
     * @throws BusinessRuleException {@code appointment.too-late} after the cut-off, {@code error.not-found} for a bad link
     */
    public AppointmentCard cancelByToken(String token) {
        long id = appointmentIdOf(token).orElseThrow(() -> new BusinessRuleException("error.not-found"));
        return retry.inTransaction(() -> {
            Appointment appointment = appointments.findForUpdate(id).orElseThrow(() -> new BusinessRuleException("error.not-found"));
            Motif motif = motifs.findById(appointment.getMotifId()).orElseThrow();
            checkPersonMayChange(appointment, motif);
            writes.cancel(appointment, CancelledBy.PERSON, null);
            return card(appointment);
        });
    }

    /** « Je viens », from the link of a reminder (until the start): staff see it in the agenda. */
    public AppointmentCard confirmPresenceByToken(String token) {
        long id = appointmentIdOf(token).orElseThrow(() -> new BusinessRuleException("error.not-found"));
        return retry.inTransaction(() -> {
            Appointment appointment = appointments.findForUpdate(id).orElseThrow(() -> new BusinessRuleException("error.not-found"));
            appointment.confirmPresence(clock.instant());
            return card(appointment);
        });
    }

    /**
     * « Je ne pourrai pas venir », from the link of a reminder: cancels and frees the slot at once, until the start
     * (even past the cut-off for cancelling online: the slot may still serve someone).
     */
    public AppointmentCard cannotComeByToken(String token) {
        long id = appointmentIdOf(token).orElseThrow(() -> new BusinessRuleException("error.not-found"));
        return retry.inTransaction(() -> {
            Appointment appointment = appointments.findForUpdate(id).orElseThrow(() -> new BusinessRuleException("error.not-found"));
            writes.cannotCome(appointment);
            return card(appointment);
        });
    }

    /**
     * The person gives another e-mail or phone (at least one, checked by the shared {@link Resident} rules), before
     * the cut-off: the new contact gets the confirmation, the old one a notice. The per-contact cap applies to the
     * new contact as to a booking.
     *
     * @throws InvalidValueException naming the field ({@code email}, {@code phone}, {@code contact})
     */
    public AppointmentCard changeContactByToken(String token, String email, String phone) {
        long id = appointmentIdOf(token).orElseThrow(() -> new BusinessRuleException("error.not-found"));
        Appointment current = appointments.findById(id).orElseThrow(() -> new BusinessRuleException("error.not-found"));
        Resident resident = Resident.parse(nameOr(current.getGivenName(), current.getPersonName()),
                nameOr(current.getFamilyName(), current.getPersonName()), email, phone);
        return retry.inTransaction(() -> {
            writes.lockContacts(resident);
            Appointment appointment = appointments.findForUpdate(id).orElseThrow(() -> new BusinessRuleException("error.not-found"));
            Motif motif = motifs.findById(appointment.getMotifId()).orElseThrow();
            checkPersonMayChange(appointment, motif);
            boolean sameEmail = java.util.Objects.equals(resident.emailKey(), appointment.getEmail() == null ? null
                    : EmailAddress.of(appointment.getEmail()).canonical());
            boolean samePhone = java.util.Objects.equals(resident.phoneE164(), appointment.getPhone());
            if (sameEmail && samePhone) {
                return card(appointment);
            }
            long held = appointments.countActiveForContact(resident.emailKey(), resident.phoneE164(), clock.instant(),
                    AppointmentStatus.BOOKED);
            boolean countsItself = resident.emailKey() != null && sameEmail || resident.phoneE164() != null && samePhone;
            rules.checkMayBook(countsItself ? held - 1 : held,
                    directory.structure(appointment.getStructureId()).map(BookingService::phoneToCall).orElse(null));
            writes.changeContact(appointment, resident);
            return card(appointment);
        });
    }

    private static String nameOr(String name, String fallback) {
        return name == null || name.isBlank() ? fallback : name;
    }

    /**
     * The person moves their appointment to another free slot (same place and motif), before the cut-off.
     *
     * @throws SlotTakenException when the new slot was just taken or is no longer offered
     */
    public AppointmentCard rescheduleByToken(String token, Instant newStart) {
        long id = appointmentIdOf(token).orElseThrow(() -> new BusinessRuleException("error.not-found"));
        try {
            return retry.inTransaction(() -> {
                Appointment appointment = appointments.findForUpdate(id).orElseThrow(() -> new BusinessRuleException("error.not-found"));
                Motif motif = motifs.findById(appointment.getMotifId()).orElseThrow();
                checkPersonMayChange(appointment, motif);
                if (appointment.getStartAt().equals(newStart)) {
                    return card(appointment);
                }
                writes.reschedule(appointment, motif, motif.rules(), newStart);
                return card(appointment);
            });
        } catch (RuntimeException e) {
            if (AppointmentWrites.isSlotConflict(e)) {
                throw new SlotTakenException();
            }
            throw e;
        }
    }

    /**
     * Creates one more private link for an appointment and returns its secret (for a mail, a kiosk ticket); only
     * its hash is stored. For the notification module, which runs without a signed-in user.
     */
    @Transactional
    public String issueManagementToken(long appointmentId) {
        if (!appointments.existsById(appointmentId)) {
            throw new BusinessRuleException("error.not-found");
        }
        return writes.issueToken(appointmentId);
    }

    private void checkPersonMayChange(Appointment appointment, Motif motif) {
        BookingRules.checkMayChange(appointment, motif.getCancellationCutoffHours(), clock.instant(),
                directory.structure(appointment.getStructureId()).map(BookingService::phoneToCall).orElse(null));
    }

    private Optional<Long> appointmentIdOf(String token) {
        if (!SecretTokens.looksValid(token)) {
            return Optional.empty();
        }
        // A link of the booking works until the appointment ended more than the links' validity ago (ADR 014).
        return tokens.findLiveAppointmentIdByHash(SecretTokens.hash(token), links.endedNoEarlierThan(clock.instant()));
    }

    private AppointmentCard card(Appointment appointment) {
        var motif = motifs.findById(appointment.getMotifId()).orElseThrow();
        var place = directory.place(appointment.getPlaceId()).orElseThrow();
        var structure = directory.structure(appointment.getStructureId()).orElseThrow();
        return Summaries.card(appointment, motif, place, structure, clock.instant());
    }
}
