package fr.rdvnumerique.atelier;

import fr.rdvnumerique.atelier.domain.AtelierSession;
import fr.rdvnumerique.atelier.domain.SessionRepository;
import fr.rdvnumerique.atelier.domain.Workshop;
import fr.rdvnumerique.atelier.domain.WorkshopRepository;
import fr.rdvnumerique.base.audit.AuditChanges;
import fr.rdvnumerique.base.audit.AuditKind;
import fr.rdvnumerique.base.audit.AuditTrail;
import fr.rdvnumerique.base.db.ConflictRetry;
import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.base.domain.InvalidValueException;
import fr.rdvnumerique.base.domain.Versioned;
import fr.rdvnumerique.base.security.CurrentStaff;
import fr.rdvnumerique.base.time.ParisTime;
import fr.rdvnumerique.territory.AdvisorSummary;
import fr.rdvnumerique.territory.PlaceSummary;
import fr.rdvnumerique.territory.TerritoryDirectory;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Staff plan their structure's sessions: one date or a series, move them, change the capacity, cancel them.
 * Writes that touch a session's seats run through {@link ConflictRetry}, from these non-transactional methods.
 */
@Service
@PreAuthorize("hasRole('ADVISOR')")
public class SessionService {

    /** Online registration closes at most this long before the start. */
    public static final Duration MAX_CLOSES_BEFORE = Duration.ofDays(14);

    private final AtelierWrites writes;
    private final AtelierReads reads;
    private final SessionRepository sessions;
    private final WorkshopRepository workshops;
    private final TerritoryDirectory directory;
    private final CurrentStaff staff;
    private final ConflictRetry retry;
    private final AtelierProperties properties;
    private final AuditTrail audit;

    SessionService(AtelierWrites writes, AtelierReads reads, SessionRepository sessions, WorkshopRepository workshops,
                   TerritoryDirectory directory, CurrentStaff staff, ConflictRetry retry,
                   AtelierProperties properties, AuditTrail audit) {
        this.audit = audit;
        this.writes = writes;
        this.reads = reads;
        this.sessions = sessions;
        this.workshops = workshops;
        this.directory = directory;
        this.staff = staff;
        this.retry = retry;
        this.properties = properties;
    }

    /** Sessions not yet ended (by start), or past ones (latest first). */
    public Slice<SessionSummary> list(boolean past, Pageable pageable) {
        return reads.summaries(staff.structureId(), past, pageable);
    }

    /** A new form for this workshop: its default capacity and duration, the usual closing delay. */
    public SessionForm newForm(long workshopId, LocalDate date, LocalTime start) {
        Workshop workshop = ownedWorkshop(workshopId);
        return new SessionForm(workshopId, null, staff.principal().map(p -> p.advisorId()).orElse(null), date, start,
                start == null ? null : start.plusMinutes(workshop.getDurationMinutes()), workshop.getDefaultCapacity(),
                null, properties.registrationClosesBefore());
    }

    /**
     * Plans one session and claims the advisor's time.
     *
     * @throws fr.rdvnumerique.territory.ScheduleConflictException naming the activity already planned then
     */
    public long create(SessionForm form) {
        long structureId = staff.structureId();
        Workshop workshop = activeWorkshop(form.workshopId());
        AtelierSession.Schedule schedule = schedule(form, structureId);
        int capacity = capacity(form.capacity(), workshop);
        return retry.inTransaction(() -> {
            long id = writes.createSession(structureId, workshop, schedule, capacity, null).getId();
            auditCreated(id, structureId, workshop, schedule, capacity);
            return id;
        });
    }

    /**
     * Plans a series (e.g. every Tuesday at 14:00 for six weeks) in one transaction: if one date conflicts with
     * the advisor's schedule, none is created and the message names the conflicting activity.
     */
    public List<Long> createSeries(SeriesForm form) {
        long structureId = staff.structureId();
        Workshop workshop = activeWorkshop(form.workshopId());
        int occurrences = form.occurrences() == null ? 0 : form.occurrences();
        int interval = form.intervalWeeks() == null ? 0 : form.intervalWeeks();
        if (occurrences < 2 || occurrences > SeriesForm.MAX_OCCURRENCES) {
            throw new InvalidValueException("atelier.series.occurrences.invalid", SeriesForm.MAX_OCCURRENCES);
        }
        if (interval < 1 || interval > 4) {
            throw new InvalidValueException("atelier.series.interval.invalid");
        }
        if (form.firstDate() == null) {
            throw new InvalidValueException("validation.required");
        }
        int capacity = capacity(form.capacity(), workshop);
        var schedules = new ArrayList<AtelierSession.Schedule>();
        for (int i = 0; i < occurrences; i++) {
            LocalDate date = form.firstDate().plusWeeks((long) i * interval);
            schedules.add(schedule(new SessionForm(form.workshopId(), form.placeId(), form.advisorId(), date,
                    form.startTime(), form.endTime(), capacity, null, form.closesBefore()), structureId));
        }
        String seriesKey = UUID.randomUUID().toString();
        return retry.inTransaction(() -> schedules.stream().map(s -> {
            long id = writes.createSession(structureId, workshop, s, capacity, seriesKey).getId();
            auditCreated(id, structureId, workshop, s, capacity);
            return id;
        }).toList());
    }

    public Versioned<SessionForm> load(long sessionId) {
        SessionSummary s = summary(sessionId);
        AtelierSession.Schedule schedule = reads.schedule(sessionId);
        ZonedDateTime start = schedule.start().atZone(ParisTime.ZONE);
        ZonedDateTime end = schedule.end().atZone(ParisTime.ZONE);
        LocalDate opens = schedule.registrationOpensAt() == null ? null
                : schedule.registrationOpensAt().atZone(ParisTime.ZONE).toLocalDate();
        // To the minute (and beyond): saving the form unchanged must not move the closing time.
        Duration closes = Duration.between(schedule.registrationClosesAt(), schedule.start());
        return new Versioned<>(sessionId, s.editVersion(), new SessionForm(s.workshopId(), schedule.placeId(),
                schedule.advisorId(), start.toLocalDate(), start.toLocalTime(), end.toLocalTime(), s.capacity(), opens,
                closes));
    }

    /**
     * Changes a session's time, place, advisor or window (people registered are told when time or place change)
     * and its capacity (never below the confirmed seats here: see {@link #changeCapacity}).
     */
    public void update(long sessionId, long version, SessionForm form) {
        long structureId = staff.structureId();
        staff.checkStructure(reads.structureOfSession(sessionId));
        AtelierSession.Schedule schedule = schedule(form, structureId);
        retry.runInTransaction(() -> {
            AtelierSession.Schedule before = reads.schedule(sessionId);
            AtelierSession session = writes.reschedule(sessionId, version, schedule);
            audit.record(AuditKind.SESSION_CHANGED, sessionId, structureId, AuditChanges.between(keyFields(before),
                    keyFields(schedule)));
            if (form.capacity() != null && form.capacity() != session.getCapacity()) {
                int previous = session.getCapacity();
                var change = writes.changeCapacity(sessionId, form.capacity(), false);
                audit.record(AuditKind.CAPACITY_CHANGED, sessionId, structureId,
                        AuditChanges.of("capacity", previous, form.capacity())
                                .and("promoted", null, change.promoted().size()));
            }
        });
    }

    /**
     * Sets the capacity. Raising it gives seats to the first people waiting; lowering it below the seats taken
     * is refused, unless {@code moveBackIfNeeded}: the most recent registrations then go back to the head of
     * the waiting list.
     */
    public CapacityResult changeCapacity(long sessionId, int capacity, boolean moveBackIfNeeded) {
        long structureId = reads.structureOfSession(sessionId);
        staff.checkStructure(structureId);
        return retry.inTransaction(() -> {
            int previous = summaryCapacity(sessionId);
            var change = writes.changeCapacity(sessionId, capacity, moveBackIfNeeded);
            audit.record(AuditKind.CAPACITY_CHANGED, sessionId, structureId, AuditChanges.of("capacity", previous, capacity)
                    .and("promoted", null, change.promoted().size())
                    .and("movedToWaitingList", null, change.movedToWaitingList().size()));
            return new CapacityResult(capacity, change.promoted().size(), change.movedToWaitingList().size());
        });
    }

    /** Cancels the session: every registration is cancelled (one event per person) and the advisor is free. */
    public int cancelSession(long sessionId) {
        long structureId = reads.structureOfSession(sessionId);
        staff.checkStructure(structureId);
        return retry.inTransaction(() -> {
            int cancelled = writes.cancelSession(sessionId).size();
            audit.record(AuditKind.SESSION_CANCELLED, sessionId, structureId,
                    AuditChanges.of("status", SessionStatus.SCHEDULED, SessionStatus.CANCELLED)
                            .and("registrationsCancelled", null, cancelled));
            return cancelled;
        });
    }

    private void auditCreated(long id, long structureId, Workshop workshop, AtelierSession.Schedule schedule,
                              int capacity) {
        audit.record(AuditKind.SESSION_CREATED, id, structureId, AuditChanges.between(java.util.Map.of(),
                keyFields(schedule)).and("workshop", null, workshop.getId()).and("capacity", null, capacity));
    }

    /** Ids and times only: what the journal keeps of a session's schedule. */
    private static java.util.Map<String, Object> keyFields(AtelierSession.Schedule s) {
        var fields = new java.util.LinkedHashMap<String, Object>();
        fields.put("start", s.start());
        fields.put("end", s.end());
        fields.put("place", s.placeId());
        fields.put("advisor", s.advisorId());
        fields.put("closes", s.registrationClosesAt());
        fields.put("opens", s.registrationOpensAt());
        return fields;
    }

    private int summaryCapacity(long sessionId) {
        return sessions.findById(sessionId).map(AtelierSession::getCapacity).orElse(0);
    }

    public SessionSummary summary(long sessionId) {
        staff.checkStructure(reads.structureOfSession(sessionId));
        return reads.roster(sessionId).session();
    }

    private AtelierSession.Schedule schedule(SessionForm form, long structureId) {
        if (form.placeId() == null) {
            throw new InvalidValueException("atelier.session.place.required");
        }
        if (form.advisorId() == null) {
            throw new InvalidValueException("atelier.session.advisor.required");
        }
        if (form.date() == null || form.startTime() == null || form.endTime() == null) {
            throw new InvalidValueException("validation.required");
        }
        PlaceSummary place = directory.place(form.placeId())
                .orElseThrow(() -> new InvalidValueException("atelier.session.place.required"));
        staff.checkStructure(place.structureId());
        if (!place.active()) {
            throw new InvalidValueException("atelier.session.place.inactive");
        }
        AdvisorSummary advisor = directory.advisor(form.advisorId())
                .orElseThrow(() -> new InvalidValueException("atelier.session.advisor.required"));
        staff.checkStructure(advisor.structureId());
        if (!advisor.active()) {
            throw new InvalidValueException("atelier.session.advisor.inactive");
        }
        Duration closesBefore = checkClosesBefore(form.closesBefore() == null ? properties.registrationClosesBefore()
                : form.closesBefore());
        Instant start = ZonedDateTime.of(form.date(), form.startTime(), ParisTime.ZONE).toInstant();
        Instant end = ZonedDateTime.of(form.date(), form.endTime(), ParisTime.ZONE).toInstant();
        Instant opens = form.registrationOpensOn() == null ? null
                : form.registrationOpensOn().atStartOfDay(ParisTime.ZONE).toInstant();
        return new AtelierSession.Schedule(place.id(), advisor.id(), start, end, opens,
                start.minus(closesBefore));
    }

    /** Between 0 and {@link #MAX_CLOSES_BEFORE}; the staff form checks a delay with this too. */
    public static Duration checkClosesBefore(Duration closesBefore) {
        if (closesBefore == null || closesBefore.isNegative() || closesBefore.compareTo(MAX_CLOSES_BEFORE) > 0) {
            throw new InvalidValueException("atelier.session.closes.invalid", MAX_CLOSES_BEFORE.toHours());
        }
        return closesBefore;
    }

    private static int capacity(Integer requested, Workshop workshop) {
        return Workshop.checkCapacity(requested == null ? workshop.getDefaultCapacity() : requested);
    }

    private Workshop activeWorkshop(Long workshopId) {
        if (workshopId == null) {
            throw new InvalidValueException("atelier.session.workshop.required");
        }
        Workshop workshop = ownedWorkshop(workshopId);
        if (!workshop.isActive()) {
            throw new InvalidValueException("atelier.session.workshop.inactive");
        }
        return workshop;
    }

    private Workshop ownedWorkshop(long workshopId) {
        Workshop workshop = workshops.findById(workshopId)
                .orElseThrow(() -> new BusinessRuleException("error.not-found"));
        staff.checkStructure(workshop.getStructureId());
        return workshop;
    }
}
