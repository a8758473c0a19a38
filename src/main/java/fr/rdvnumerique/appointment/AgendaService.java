package fr.rdvnumerique.appointment;

import fr.rdvnumerique.base.audit.AuditChanges;
import fr.rdvnumerique.base.audit.AuditKind;
import fr.rdvnumerique.base.audit.AuditTrail;
import fr.rdvnumerique.appointment.domain.ActivityRecordRepository;
import fr.rdvnumerique.appointment.domain.Appointment;
import fr.rdvnumerique.appointment.domain.AppointmentRepository;
import fr.rdvnumerique.appointment.domain.Motif;
import fr.rdvnumerique.appointment.domain.MotifRepository;
import fr.rdvnumerique.appointment.domain.SlotFinder;
import fr.rdvnumerique.base.db.ConflictRetry;
import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.base.domain.CancelledBy;
import fr.rdvnumerique.base.domain.Channel;
import fr.rdvnumerique.base.domain.PhoneNumber;
import fr.rdvnumerique.base.domain.PlaceResult;
import fr.rdvnumerique.base.domain.Texts;
import fr.rdvnumerique.base.time.ParisTime;
import fr.rdvnumerique.territory.AdvisorSchedule;
import fr.rdvnumerique.territory.AdvisorSummary;
import fr.rdvnumerique.territory.BusyPeriod;
import fr.rdvnumerique.territory.PlaceSummary;
import fr.rdvnumerique.territory.TerritoryDirectory;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The advisors' agenda: appointments and the other activities that occupy them, across places; booking on
 * someone's behalf, moving, cancelling with a reason, marking done or no-show. Advisors see and change their own
 * agenda, coordinators those of every advisor of their structure.
 */
@Service
@PreAuthorize("hasRole('ADVISOR')")
public class AgendaService {

    private final AppointmentRepository appointments;
    private final MotifRepository motifs;
    private final ActivityRecordRepository records;
    private final AppointmentWrites writes;
    private final SlotFinder slots;
    private final AdvisorSchedule schedule;
    private final TerritoryDirectory directory;
    private final StaffScope scope;
    private final ConflictRetry retry;
    private final BookingService booking;
    private final Clock clock;

    private final AuditTrail audit;

    AgendaService(AppointmentRepository appointments, MotifRepository motifs, ActivityRecordRepository records,
                  AppointmentWrites writes, SlotFinder slots, AdvisorSchedule schedule, TerritoryDirectory directory,
                  StaffScope scope, ConflictRetry retry, BookingService booking, Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.appointments = appointments;
        this.motifs = motifs;
        this.records = records;
        this.writes = writes;
        this.slots = slots;
        this.schedule = schedule;
        this.directory = directory;
        this.scope = scope;
        this.retry = retry;
        this.booking = booking;
        this.clock = clock;
    }

    /** The advisors whose agenda the signed-in person may open (an advisor: themself). */
    @Transactional(readOnly = true)
    public List<AdvisorSummary> advisors() {
        return scope.advisors();
    }

    /** What occupies an advisor on the days {@code from}–{@code to} (Paris), in time order. */
    @Transactional(readOnly = true)
    public List<AgendaEntry> agenda(long advisorId, LocalDate from, LocalDate to) {
        scope.advisor(advisorId);
        return entries(List.of(advisorId), from, to);
    }

    /**
     * What occupies every advisor the person may see (a coordinator: the whole structure; an advisor: themself)
     * on the days {@code from}–{@code to}, in time order: the agenda of the team, in a handful of queries.
     */
    @Transactional(readOnly = true)
    public List<AgendaEntry> agendaOfAll(LocalDate from, LocalDate to) {
        return entries(scope.advisors().stream().map(AdvisorSummary::id).toList(), from, to);
    }

    private List<AgendaEntry> entries(List<Long> advisorIds, LocalDate from, LocalDate to) {
        if (advisorIds.isEmpty()) {
            return List.of();
        }
        Instant start = from.atStartOfDay(ParisTime.ZONE).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(ParisTime.ZONE).toInstant();
        // Places switched off since still name where past appointments were.
        Map<Long, PlaceSummary> places = directory.allPlaces(scope.structureId()).stream()
                .collect(Collectors.toMap(PlaceSummary::id, Function.identity()));
        Map<Long, Motif> motifsById = motifs.findByStructureIdOrderByPositionAscLabelAsc(scope.structureId()).stream()
                .collect(Collectors.toMap(Motif::getId, Function.identity()));
        List<Appointment> found = appointments.findByAdvisorsBetween(advisorIds, start, end);
        Set<Long> recorded = found.isEmpty() ? Set.of()
                : new HashSet<>(records.findRecordedAppointmentIds(found.stream().map(Appointment::getId).toList()));
        var entries = new ArrayList<AgendaEntry>();
        for (Appointment a : found) {
            PlaceSummary place = places.get(a.getPlaceId());
            Motif motif = motifsById.get(a.getMotifId());
            entries.add(new AgendaEntry(AgendaEntry.Kind.APPOINTMENT, a.getId(), a.getAdvisorId(), a.getStartAt(),
                    a.getEndAt(), motif == null ? "" : motif.getLabel(), place == null ? "" : place.name(), a.getStatus(),
                    a.getPersonName(), recorded.contains(a.getId())));
        }
        schedule.busy(advisorIds, start, end).forEach((advisorId, periods) -> {
            for (BusyPeriod period : periods) {
                if (!Appointment.OWNER_KIND.equals(period.ownerKind())) {
                    PlaceSummary place = period.placeId() == null ? null : places.get(period.placeId());
                    entries.add(new AgendaEntry(kind(period.ownerKind()), null, advisorId, period.start(), period.end(),
                            period.label(), place == null ? "" : place.name(), null, null, false));
                }
            }
        });
        entries.sort(Comparator.comparing(AgendaEntry::start).thenComparing(AgendaEntry::advisorId));
        return entries;
    }

    private static AgendaEntry.Kind kind(String ownerKind) {
        return switch (ownerKind) {
            case "ATELIER_SESSION" -> AgendaEntry.Kind.ATELIER;
            case "ABSENCE" -> AgendaEntry.Kind.ABSENCE;
            default -> AgendaEntry.Kind.OTHER;
        };
    }

    @Transactional(readOnly = true)
    public AgendaAppointment appointment(long id) {
        Appointment a = appointments.findById(id).orElseThrow(() -> new BusinessRuleException("error.not-found"));
        scope.check(a);
        Motif motif = motifs.findById(a.getMotifId()).orElseThrow();
        String placeName = directory.place(a.getPlaceId()).map(PlaceSummary::name).orElse("");
        String advisorName = directory.advisor(a.getAdvisorId()).map(AdvisorSummary::displayName).orElse("");
        return new AgendaAppointment(a.getId(), a.getStatus(), a.getPersonName(), a.getEmail(),
                a.getPhone() == null ? null : new PhoneNumber(a.getPhone()).display(), a.getNeeds(), a.themes(),
                motif.getId(), motif.getLabel(), motif.isAidantsConnect(), a.getPlaceId(), placeName, a.getAdvisorId(),
                advisorName, a.getStartAt(), a.getEndAt(), a.getChannel(), a.getCancelledBy(), a.getCancelReason(),
                records.existsByAppointmentId(a.getId()), a.getPresenceConfirmedAt());
    }

    /** Active places of the structure where something can be booked. */
    @Transactional(readOnly = true)
    public List<PlaceSummary> places() {
        var offered = motifs.findByStructureIdOrderByPositionAscLabelAsc(scope.structureId()).stream()
                .filter(Motif::isActive).flatMap(m -> m.getPlaceIds().stream()).collect(Collectors.toSet());
        return directory.places(scope.structureId()).stream().filter(p -> offered.contains(p.id())).toList();
    }

    @Transactional(readOnly = true)
    public List<MotifSummary> motifsAt(long placeId) {
        scope.place(placeId);
        return motifs.findByStructureIdOrderByPositionAscLabelAsc(scope.structureId()).stream()
                .filter(m -> m.offeredAt(placeId)).map(Summaries::motif).toList();
    }

    /** Free slots of a day for a booking by staff: from now on, without the public notice and horizon. */
    @Transactional(readOnly = true)
    public List<FreeSlot> freeSlots(long placeId, long motifId, LocalDate day) {
        PlaceSummary place = scope.place(placeId);
        Motif motif = ownMotif(motifId);
        return slots.freeSlots(place, motif.rules().forStaff(), day, day, clock.instant(), null);
    }

    /** Free slots of a day to move an appointment to (its own time counts as free). */
    @Transactional(readOnly = true)
    public List<FreeSlot> freeSlotsToMove(long appointmentId, LocalDate day) {
        Appointment a = appointments.findById(appointmentId).orElseThrow(() -> new BusinessRuleException("error.not-found"));
        scope.check(a);
        Motif motif = motifs.findById(a.getMotifId()).orElseThrow();
        PlaceSummary place = directory.place(a.getPlaceId()).orElseThrow();
        return slots.freeSlots(place, motif.rules().forStaff(), day, day, clock.instant(), a.getId()).stream()
                .filter(s -> !s.start().equals(a.getStartAt())).toList();
    }

    /**
     * Books on someone's behalf (origin STAFF), through the same pipeline as residents' bookings. No cap and no
     * notice: staff know the person. With an advisor chosen, only that advisor ({@code appointment.advisor.not-free}
     * when they are busy then); without, whoever is free, trying the next one when another booking takes the first
     * meanwhile.
     */
    public PlaceResult<AppointmentCard, FreeSlot> book(BookingRequest request) {
        if (request.origin().channel() != Channel.STAFF) {
            throw new IllegalArgumentException("Staff bookings only; residents book through BookingService");
        }
        return booking.take(request);
    }

    /** Moves an appointment to another free slot of the same place and motif. */
    public void move(long appointmentId, Instant newStart) {
        // A move keeps its advisor: taken by someone else meanwhile, the time is no longer free.
        AppointmentWrites.retryingOtherAdvisors(1, () -> retry.inTransaction(() -> {
            Appointment a = locked(appointmentId);
            Motif motif = motifs.findById(a.getMotifId()).orElseThrow();
            Instant before = a.getStartAt();
            long advisorBefore = a.getAdvisorId();
            writes.reschedule(a, motif, motif.rules().forStaff(), newStart);
            audit.record(AuditKind.APPOINTMENT_MOVED, a.getId(), a.getStructureId(),
                    AuditChanges.of("start", before, a.getStartAt()).and("advisor", advisorBefore, a.getAdvisorId()));
            return null;
        }));
    }

    /** Cancels with the reason given to the person. */
    public void cancel(long appointmentId, String reason) {
        String text = Texts.required(reason, Appointment.MAX_CANCEL_REASON);
        retry.runInTransaction(() -> {
            Appointment a = locked(appointmentId);
            AppointmentStatus before = a.getStatus();
            writes.cancel(a, CancelledBy.STAFF, text);
            // The reason is written to the person: it stays out of the journal.
            audit.record(AuditKind.APPOINTMENT_CANCELLED, a.getId(), a.getStructureId(),
                    AuditChanges.of("status", before, a.getStatus()).and("start", null, a.getStartAt()));
        });
    }

    public void markDone(long appointmentId) {
        retry.runInTransaction(() -> {
            Appointment a = locked(appointmentId);
            AppointmentStatus before = a.getStatus();
            a.markDone(clock.instant());
            audit.record(AuditKind.APPOINTMENT_ATTENDANCE, a.getId(), a.getStructureId(),
                    AuditChanges.of("status", before, a.getStatus()));
        });
    }

    public void markNoShow(long appointmentId) {
        retry.runInTransaction(() -> {
            Appointment a = locked(appointmentId);
            AppointmentStatus before = a.getStatus();
            a.markNoShow(clock.instant());
            audit.record(AuditKind.APPOINTMENT_ATTENDANCE, a.getId(), a.getStructureId(),
                    AuditChanges.of("status", before, a.getStatus()));
        });
    }

    private Appointment locked(long id) {
        Appointment a = appointments.findForUpdate(id).orElseThrow(() -> new BusinessRuleException("error.not-found"));
        scope.check(a);
        return a;
    }

    private Motif ownMotif(long motifId) {
        Motif motif = motifs.findById(motifId).orElseThrow(() -> new BusinessRuleException("error.not-found"));
        if (motif.getStructureId() != scope.structureId()) {
            throw new org.springframework.security.access.AccessDeniedException("Motif of another structure");
        }
        return motif;
    }
}
