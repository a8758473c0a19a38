package fr.rdvnumerique.appointment;

import fr.rdvnumerique.base.audit.AuditChanges;
import fr.rdvnumerique.base.audit.AuditKind;
import fr.rdvnumerique.base.audit.AuditTrail;
import fr.rdvnumerique.appointment.domain.Absence;
import fr.rdvnumerique.appointment.domain.AbsenceRepository;
import fr.rdvnumerique.appointment.domain.Appointment;
import fr.rdvnumerique.appointment.domain.AppointmentRepository;
import fr.rdvnumerique.appointment.domain.PlaceClosure;
import fr.rdvnumerique.appointment.domain.PlaceClosureRepository;
import fr.rdvnumerique.base.db.ConflictRetry;
import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.base.domain.CancelledBy;
import fr.rdvnumerique.base.domain.InvalidValueException;
import fr.rdvnumerique.base.time.ParisTime;
import fr.rdvnumerique.territory.AdvisorSchedule;
import fr.rdvnumerique.territory.AdvisorSummary;
import fr.rdvnumerique.territory.BusyPeriod;
import fr.rdvnumerique.territory.PlaceSummary;
import fr.rdvnumerique.territory.TerritoryDirectory;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * When nobody can be booked: advisors' absences (an advisor enters their own, a coordinator anyone's in the
 * structure), which claim the advisor's time like any activity, and closures of a place (coordinators).
 */
@Service
@PreAuthorize("hasRole('ADVISOR')")
public class UnavailabilityService {

    private final AbsenceRepository absences;
    private final PlaceClosureRepository closures;
    private final AppointmentRepository appointments;
    private final AppointmentWrites writes;
    private final AdvisorSchedule schedule;
    private final TerritoryDirectory directory;
    private final StaffScope scope;
    private final ConflictRetry retry;
    private final MessageSource messages;
    private final Clock clock;

    private final AuditTrail audit;

    UnavailabilityService(AbsenceRepository absences, PlaceClosureRepository closures, AppointmentRepository appointments,
                          AppointmentWrites writes, AdvisorSchedule schedule, TerritoryDirectory directory,
                          StaffScope scope, ConflictRetry retry, MessageSource messages, Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.absences = absences;
        this.closures = closures;
        this.appointments = appointments;
        this.writes = writes;
        this.schedule = schedule;
        this.directory = directory;
        this.scope = scope;
        this.retry = retry;
        this.messages = messages;
        this.clock = clock;
    }

    /** Absences not yet over, of the advisors the person may see. */
    @Transactional(readOnly = true)
    public Slice<AbsenceSummary> absences(Pageable pageable) {
        Map<Long, AdvisorSummary> advisors = directory.advisors(scope.structureId()).stream()
                .collect(Collectors.toMap(AdvisorSummary::id, Function.identity()));
        Instant now = clock.instant();
        Slice<Absence> found = scope.coordinator()
                ? absences.findByStructureIdAndEndAtGreaterThanOrderByStartAt(scope.structureId(), now, pageable)
                : absences.findByAdvisorIdAndEndAtGreaterThanOrderByStartAt(ownAdvisor(), now, pageable);
        return found.map(a -> new AbsenceSummary(a.getId(), a.getAdvisorId(),
                advisors.containsKey(a.getAdvisorId()) ? advisors.get(a.getAdvisorId()).displayName() : "?",
                a.getStartAt(), a.getEndAt(), a.getKind(), a.getNote()));
    }

    /** The advisors one may enter an absence for. */
    @Transactional(readOnly = true)
    public java.util.List<AdvisorSummary> advisors() {
        return scope.advisors();
    }

    /**
     * Records an absence and claims the advisor's time.
     *
     * @throws fr.rdvnumerique.territory.ScheduleConflictException when something is booked then and the form
     *                                                            does not ask to cancel appointments
     */
    public long createAbsence(AbsenceForm form) {
        if (form.advisorId() == null) {
            throw new InvalidValueException("appointment.absence.advisor.required");
        }
        if (form.start() == null || form.end() == null) {
            throw new InvalidValueException("validation.required");
        }
        Instant start = form.start().atZone(ParisTime.ZONE).toInstant();
        Instant end = form.end().atZone(ParisTime.ZONE).toInstant();
        return retry.inTransaction(() -> {
            AdvisorSummary advisor = scope.advisor(form.advisorId());
            Absence absence = absences.saveAndFlush(new Absence(advisor.structureId(), advisor.id(), start, end,
                    form.kind(), form.note()));
            if (form.cancelAppointments()) {
                String reason = messages.getMessage("appointment.absence.cancel-reason", null, java.util.Locale.FRENCH);
                // The appointments whose claimed time (buffer included, in whole blocks) meets the absence: exactly
                // those the absence's claim would collide with.
                for (BusyPeriod period : schedule.busy(advisor.id(), start, end)) {
                    if (Appointment.OWNER_KIND.equals(period.ownerKind())) {
                        Appointment a = appointments.findForUpdate(period.ownerId()).orElseThrow();
                        if (a.getStatus() == AppointmentStatus.BOOKED) {
                            writes.cancel(a, CancelledBy.STAFF, reason);
                        }
                    }
                }
            }
            String label = messages.getMessage("appointment.absence.label",
                    new Object[] {messages.getMessage(absence.getKind().labelKey(), null, java.util.Locale.FRENCH)},
                    java.util.Locale.FRENCH);
            schedule.claim(advisor.id(), start, end, Absence.OWNER_KIND, absence.getId(), label);
            // Dates only: the kind of absence (illness…) stays out of the journal.
            audit.record(AuditKind.ABSENCE_CHANGED, absence.getId(), advisor.structureId(),
                    AuditChanges.value("advisor", advisor.id()).and("start", null, start).and("end", null, end)
                            .and("cancelAppointments", null, form.cancelAppointments()));
            return absence.getId();
        });
    }

    public void deleteAbsence(long id) {
        retry.runInTransaction(() -> {
            Absence absence = absences.findById(id).orElseThrow(() -> new BusinessRuleException("error.not-found"));
            scope.advisor(absence.getAdvisorId());
            schedule.release(Absence.OWNER_KIND, absence.getId());
            absences.delete(absence);
            audit.record(AuditKind.ABSENCE_CHANGED, id, absence.getStructureId(),
                    AuditChanges.of("start", absence.getStartAt(), null).and("end", absence.getEndAt(), null));
        });
    }

    /** Closures not yet over. */
    @Transactional(readOnly = true)
    public Slice<ClosureSummary> closures(Pageable pageable) {
        Map<Long, PlaceSummary> places = directory.places(scope.structureId()).stream()
                .collect(Collectors.toMap(PlaceSummary::id, Function.identity()));
        LocalDate today = LocalDate.now(clock.withZone(ParisTime.ZONE));
        return closures.findByStructureIdAndLastDayGreaterThanEqualOrderByFirstDay(scope.structureId(), today, pageable)
                .map(c -> new ClosureSummary(c.getId(), c.getPlaceId(),
                        places.containsKey(c.getPlaceId()) ? places.get(c.getPlaceId()).name() : "?",
                        c.getFirstDay(), c.getLastDay(), c.getReason()));
    }

    /**
     * How many appointments are still to come at a place on these days (both included): a closure would have to
     * cancel them. Zero for an incomplete choice.
     */
    @PreAuthorize("hasRole('COORDINATOR')")
    @Transactional(readOnly = true)
    public int appointmentsDuringClosure(Long placeId, LocalDate firstDay, LocalDate lastDay) {
        if (placeId == null || firstDay == null || lastDay == null || lastDay.isBefore(firstDay)) {
            return 0;
        }
        scope.place(placeId);
        var days = ClosedDays.of(firstDay, lastDay, clock.instant());
        return appointments.countAtPlaceBetween(placeId, days.from(), days.to(), AppointmentStatus.BOOKED);
    }

    /**
     * Closes a place on whole days. Appointments already booked there then block the closure (the refusal gives
     * their number) unless the form asks to cancel them; the people are then told, with the closure's reason.
     */
    @PreAuthorize("hasRole('COORDINATOR')")
    public long createClosure(ClosureForm form) {
        if (form.placeId() == null) {
            throw new InvalidValueException("appointment.closure.place.required");
        }
        return retry.inTransaction(() -> {
            PlaceSummary place = scope.place(form.placeId());
            PlaceClosure closure = closures.save(new PlaceClosure(place.structureId(), place.id(), form.firstDay(),
                    form.lastDay(), form.reason()));
            var days = ClosedDays.of(closure.getFirstDay(), closure.getLastDay(), clock.instant());
            List<Appointment> booked = appointments.findAtPlaceBetweenForUpdate(place.id(), days.from(), days.to(),
                    AppointmentStatus.BOOKED);
            if (!booked.isEmpty() && !form.cancelAppointments()) {
                throw new BusinessRuleException("appointment.closure.appointments-booked", booked.size());
            }
            String reason = closure.getReason() != null ? closure.getReason()
                    : messages.getMessage("appointment.closure.cancel-reason", null, java.util.Locale.FRENCH);
            booked.forEach(a -> writes.cancel(a, CancelledBy.STAFF, reason));
            audit.record(AuditKind.CLOSURE_CHANGED, closure.getId(), place.structureId(),
                    AuditChanges.value("place", place.id()).and("firstDay", null, closure.getFirstDay())
                            .and("lastDay", null, closure.getLastDay())
                            .and("appointmentsCancelled", null, booked.size()));
            return closure.getId();
        });
    }

    /** The closed days as instants, from now on: appointments already past happened. */
    private record ClosedDays(Instant from, Instant to) {

        static ClosedDays of(LocalDate firstDay, LocalDate lastDay, Instant now) {
            Instant from = firstDay.atStartOfDay(ParisTime.ZONE).toInstant();
            Instant to = lastDay.plusDays(1).atStartOfDay(ParisTime.ZONE).toInstant();
            return new ClosedDays(from.isAfter(now) ? from : now, to);
        }
    }

    @PreAuthorize("hasRole('COORDINATOR')")
    @Transactional
    public void deleteClosure(long id) {
        PlaceClosure closure = closures.findById(id).orElseThrow(() -> new BusinessRuleException("error.not-found"));
        PlaceSummary place = scope.place(closure.getPlaceId());
        closures.delete(closure);
        audit.record(AuditKind.CLOSURE_CHANGED, id, place.structureId(),
                AuditChanges.of("firstDay", closure.getFirstDay(), null).and("lastDay", closure.getLastDay(), null));
    }

    private long ownAdvisor() {
        Long own = scope.ownAdvisorId();
        if (own == null) {
            throw new org.springframework.security.access.AccessDeniedException("No advisor record");
        }
        return own;
    }
}
