package fr.rdvnumerique.appointment;

import fr.rdvnumerique.appointment.domain.Appointment;
import fr.rdvnumerique.appointment.domain.AppointmentEngine;
import fr.rdvnumerique.appointment.domain.AppointmentRepository;
import fr.rdvnumerique.appointment.domain.AppointmentTokenRepository;
import fr.rdvnumerique.appointment.domain.Motif;
import fr.rdvnumerique.appointment.domain.MotifRepository;
import fr.rdvnumerique.appointment.domain.SlotFinder;
import fr.rdvnumerique.base.db.ConflictRetry;
import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.base.domain.ContactDetails;
import fr.rdvnumerique.base.domain.EmailAddress;
import fr.rdvnumerique.base.domain.PersonName;
import fr.rdvnumerique.base.domain.PhoneNumber;
import fr.rdvnumerique.base.domain.Texts;
import fr.rdvnumerique.base.time.ParisTime;
import fr.rdvnumerique.base.web.RateLimiter;
import fr.rdvnumerique.base.web.SecretTokens;
import fr.rdvnumerique.territory.PlaceSummary;
import fr.rdvnumerique.territory.TerritoryDirectory;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Booking for residents (public portal) and the kiosk: what can be booked where, the free slots, the booking
 * itself, and the private link that lets the person see, cancel or move their appointment. No sign-in: the
 * person gives a name and an e-mail or a phone; the private link is their key.
 */
@Service
public class AppointmentBooking {

    private final MotifRepository motifs;
    private final AppointmentRepository appointments;
    private final AppointmentTokenRepository tokens;
    private final SlotFinder slots;
    private final AppointmentEngine engine;
    private final ConflictRetry retry;
    private final TerritoryDirectory directory;
    private final RateLimiter limiter;
    private final AppointmentSettings settings;
    private final Clock clock;
    private final TransactionTemplate readOnly;

    AppointmentBooking(MotifRepository motifs, AppointmentRepository appointments, AppointmentTokenRepository tokens,
                       SlotFinder slots, AppointmentEngine engine, ConflictRetry retry, TerritoryDirectory directory,
                       RateLimiter limiter, AppointmentSettings settings, Clock clock,
                       PlatformTransactionManager transactionManager) {
        this.motifs = motifs;
        this.appointments = appointments;
        this.tokens = tokens;
        this.slots = slots;
        this.engine = engine;
        this.retry = retry;
        this.directory = directory;
        this.limiter = limiter;
        this.settings = settings;
        this.clock = clock;
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
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
     * Books a slot for a resident (channel WEB or KIOSK). Never half-saves: either the appointment, its time in
     * the advisor's schedule, its private link and its event are all stored, or nothing is.
     */
    public BookingResult book(BookingRequest request) {
        if (request.channel() == Channel.STAFF || request.channel() == null) {
            throw new IllegalArgumentException("Staff book through AgendaService");
        }
        PersonName person;
        ContactDetails contact;
        try {
            person = PersonName.of(request.personName());
            contact = ContactDetails.of(request.email(), request.phone());
            Texts.optional(request.needs(), Appointment.MAX_NEEDS);
            if (request.channel() == Channel.KIOSK) {
                Texts.required(request.deviceId(), Appointment.MAX_DEVICE_ID);
            }
        } catch (BusinessRuleException e) {
            return new BookingResult.Refused(e.messageKey(), e.arguments());
        }
        if (request.channel() == Channel.WEB && !limiter.tryAcquire("appointment.book",
                request.clientAddress() == null ? "unknown" : request.clientAddress(), settings.bookingsPerHourPerAddress())) {
            return new BookingResult.Refused("error.rate-limited");
        }
        var booking = new Appointment.Booking(person, contact, request.wantsReminders(), request.themes(),
                request.needs(), request.channel(), request.deviceId(), null);
        try {
            return AppointmentEngine.retryingOtherAdvisors(AppointmentEngine.MAX_ADVISOR_ATTEMPTS,
                    () -> retry.inTransaction(() -> bookInTransaction(request, booking, contact)));
        } catch (SlotTakenException e) {
            return new BookingResult.SlotTaken(e.messageKey(), freshSlotsOfDay(request));
        } catch (BusinessRuleException e) {
            return new BookingResult.Refused(e.messageKey(), e.arguments());
        }
    }

    private BookingResult bookInTransaction(BookingRequest request, Appointment.Booking booking, ContactDetails contact) {
        String email = contact.emailAddress().map(EmailAddress::canonical).orElse(null);
        String phone = contact.phoneNumber().map(PhoneNumber::e164).orElse(null);
        engine.lockContacts(email, phone);
        var place = directory.place(request.placeId()).orElseThrow(() -> new BusinessRuleException("error.not-found"));
        var motif = motifs.findById(request.motifId()).orElseThrow(() -> new BusinessRuleException("error.not-found"));
        Instant now = clock.instant();
        if (appointments.countActiveForContact(email, phone, now, AppointmentStatus.BOOKED) >= settings.maxActivePerContact()) {
            throw callUs("appointment.cap.reached", settings.maxActivePerContact(), place.structureId());
        }
        Appointment appointment = engine.book(place, motif, motif.rules(), request.start(), booking, null);
        String token = engine.issueToken(appointment.getId());
        var structure = directory.structure(place.structureId()).orElseThrow();
        return new BookingResult.Booked(appointment.getId(), token,
                Summaries.card(appointment, motif, place, structure, now));
    }

    /** A refusal that tells the person to call the structure, with its number when it has one. */
    private BusinessRuleException callUs(String key, Object argument, long structureId) {
        String phone = directory.structure(structureId).map(s -> s.phone() == null ? null : s.phone().display()).orElse(null);
        return phone == null ? new BusinessRuleException(key + ".no-phone", argument)
                : new BusinessRuleException(key, argument, phone);
    }

    private List<FreeSlot> freshSlotsOfDay(BookingRequest request) {
        if (request.start() == null) {
            return List.of();
        }
        LocalDate day = request.start().atZone(ParisTime.ZONE).toLocalDate();
        return readOnly.execute(status -> freeSlots(request.placeId(), request.motifId(), day, day));
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
            engine.cancel(appointment, CancelledBy.PERSON, null);
            return card(appointment);
        });
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
                engine.reschedule(appointment, motif, motif.rules(), newStart);
                return card(appointment);
            });
        } catch (RuntimeException e) {
            if (AppointmentEngine.isSlotConflict(e)) {
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
        return engine.issueToken(appointmentId);
    }

    private void checkPersonMayChange(Appointment appointment, Motif motif) {
        if (appointment.getStatus() != AppointmentStatus.BOOKED) {
            throw new BusinessRuleException("appointment.not-active");
        }
        if (!appointment.personMayChange(clock.instant(), motif.getCancellationCutoffHours())) {
            throw callUs("appointment.too-late", motif.getCancellationCutoffHours(), appointment.getStructureId());
        }
    }

    private Optional<Long> appointmentIdOf(String token) {
        if (!SecretTokens.looksValid(token)) {
            return Optional.empty();
        }
        return tokens.findByTokenHash(SecretTokens.hash(token)).map(t -> t.getAppointmentId());
    }

    private AppointmentCard card(Appointment appointment) {
        var motif = motifs.findById(appointment.getMotifId()).orElseThrow();
        var place = directory.place(appointment.getPlaceId()).orElseThrow();
        var structure = directory.structure(appointment.getStructureId()).orElseThrow();
        return Summaries.card(appointment, motif, place, structure, clock.instant());
    }
}
