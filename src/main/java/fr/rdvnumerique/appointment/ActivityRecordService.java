package fr.rdvnumerique.appointment;

import fr.rdvnumerique.appointment.domain.ActivityRecord;
import fr.rdvnumerique.appointment.domain.ActivityRecordRepository;
import fr.rdvnumerique.appointment.domain.Appointment;
import fr.rdvnumerique.appointment.domain.AppointmentRepository;
import fr.rdvnumerique.appointment.domain.Motif;
import fr.rdvnumerique.appointment.domain.MotifRepository;
import fr.rdvnumerique.base.db.ConflictRetry;
import fr.rdvnumerique.base.db.Constraints;
import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.base.domain.InvalidValueException;
import fr.rdvnumerique.base.taxonomy.ActivityLocation;
import fr.rdvnumerique.base.taxonomy.AgeBand;
import fr.rdvnumerique.base.taxonomy.EquipmentUsed;
import fr.rdvnumerique.base.taxonomy.Gender;
import fr.rdvnumerique.base.taxonomy.OccupationStatus;
import fr.rdvnumerique.base.taxonomy.Theme;
import fr.rdvnumerique.base.time.ParisTime;
import fr.rdvnumerique.territory.AdvisorSummary;
import fr.rdvnumerique.territory.CommuneSummary;
import fr.rdvnumerique.territory.PlaceSummary;
import fr.rdvnumerique.territory.TerritoryDirectory;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Activity records (CRA) in under a minute: after a rendez-vous the form comes pre-filled (themes the person
 * chose when booking and those of the motif, the duration, the date), and walk-in help is recorded the same way.
 */
@Service
@PreAuthorize("hasRole('ADVISOR')")
public class ActivityRecordService {

    private final ActivityRecordRepository records;
    private final AppointmentRepository appointments;
    private final MotifRepository motifs;
    private final TerritoryDirectory directory;
    private final StaffScope scope;
    private final ConflictRetry retry;
    private final Clock clock;

    ActivityRecordService(ActivityRecordRepository records, AppointmentRepository appointments, MotifRepository motifs,
                          TerritoryDirectory directory, StaffScope scope, ConflictRetry retry, Clock clock) {
        this.records = records;
        this.appointments = appointments;
        this.motifs = motifs;
        this.directory = directory;
        this.scope = scope;
        this.retry = retry;
        this.clock = clock;
    }

    /** The form for an appointment's record, filled with what is already known. */
    @Transactional(readOnly = true)
    public ActivityRecordForm prefill(long appointmentId) {
        Appointment a = appointments.findById(appointmentId).orElseThrow(() -> new BusinessRuleException("error.not-found"));
        scope.check(a);
        Motif motif = motifs.findById(a.getMotifId()).orElseThrow();
        Set<Theme> themes = EnumSet.noneOf(Theme.class);
        themes.addAll(a.themes());
        themes.addAll(motif.themes());
        return new ActivityRecordForm(a.getStartAt().atZone(ParisTime.ZONE).toLocalDate(), motif.getDurationMinutes(),
                ActivityLocation.LIEU_ACTIVITE, a.getPlaceId(), null, themes, Set.of(), null, Set.of(), false, null,
                AgeBand.NON_COMMUNIQUE, Gender.NON_COMMUNIQUE, OccupationStatus.NON_COMMUNIQUE, null, null);
    }

    /** A blank form for walk-in help today, at the structure's only place when it has just one. */
    @Transactional(readOnly = true)
    public ActivityRecordForm blankWalkIn() {
        var places = directory.places(scope.structureId());
        return new ActivityRecordForm(LocalDate.now(clock.withZone(ParisTime.ZONE)), 30, ActivityLocation.LIEU_ACTIVITE,
                places.size() == 1 ? places.getFirst().id() : null, null, Set.of(), Set.of(), null, Set.of(), false,
                null, AgeBand.NON_COMMUNIQUE, Gender.NON_COMMUNIQUE, OccupationStatus.NON_COMMUNIQUE, null, null);
    }

    /**
     * Records the activity of an appointment, once. An appointment still "booked" whose time has come is marked
     * done at the same time.
     *
     * @throws BusinessRuleException {@code appointment.record.exists} when it is already recorded (a double
     *                               submit, a colleague faster): the unique key on the appointment decides
     */
    public long recordForAppointment(long appointmentId, ActivityRecordForm form) {
        try {
            return retry.inTransaction(() -> {
                Appointment a = appointments.findForUpdate(appointmentId).orElseThrow(() -> new BusinessRuleException("error.not-found"));
                scope.check(a);
                switch (a.getStatus()) {
                    case BOOKED -> a.markDone(clock.instant());
                    case DONE -> { }
                    default -> throw new BusinessRuleException("appointment.record.not-done");
                }
                checkWhere(a.getStructureId(), form);
                var record = new ActivityRecord(a.getStructureId(), a.getAdvisorId(), a.getId(), content(form),
                        scope.accountId(), clock.instant());
                record.identify(a.getPersonKey());
                return records.saveAndFlush(record).getId();
            });
        } catch (DataIntegrityViolationException e) {
            if (Constraints.violated(e).filter("uk_activity_record_appointment"::equals).isPresent()) {
                throw new BusinessRuleException("appointment.record.exists");
            }
            throw e;
        }
    }

    /** Place and communes named in a record are the structure's own. */
    private void checkWhere(long structureId, ActivityRecordForm form) {
        if (form.placeId() != null) {
            scope.place(form.placeId());
        }
        var communes = directory.communes(structureId).stream().map(CommuneSummary::id).collect(Collectors.toSet());
        for (Long commune : java.util.Arrays.asList(form.communeId(), form.residenceCommuneId())) {
            if (commune != null && !communes.contains(commune)) {
                throw new InvalidValueException("appointment.record.commune.unknown");
            }
        }
    }

    /**
     * Records walk-in help without a booking ("accompagnement ponctuel"); where it happened (a place, or a commune
     * when at home or remote) is part of the form.
     *
     * @param advisorId who helped: one's own advisor record for an advisor, any advisor of the structure for a coordinator
     */
    @Transactional
    public long recordWalkIn(Long advisorId, ActivityRecordForm form) {
        if (advisorId == null) {
            throw new InvalidValueException("appointment.record.advisor.required");
        }
        AdvisorSummary advisor = scope.advisor(advisorId);
        checkWhere(advisor.structureId(), form);
        return records.save(new ActivityRecord(advisor.structureId(), advisor.id(), null, content(form),
                scope.accountId(), clock.instant())).getId();
    }

    /** Recorded activities, newest first: a coordinator sees the structure's, an advisor their own. */
    @Transactional(readOnly = true)
    public Slice<ActivityRecordSummary> list(Pageable pageable) {
        long structureId = scope.structureId();
        Map<Long, AdvisorSummary> advisors = directory.advisors(structureId).stream()
                .collect(Collectors.toMap(AdvisorSummary::id, Function.identity()));
        // Switched-off places and communes still name where past help happened.
        Map<Long, PlaceSummary> places = directory.allPlaces(structureId).stream()
                .collect(Collectors.toMap(PlaceSummary::id, Function.identity()));
        Map<Long, String> communes = directory.allCommunes(structureId).stream()
                .collect(Collectors.toMap(CommuneSummary::id, CommuneSummary::name));
        Slice<ActivityRecord> found;
        if (scope.coordinator()) {
            found = records.findByStructureIdOrderByActivityDateDescIdDesc(structureId, pageable);
        } else {
            Long own = scope.ownAdvisorId();
            found = own == null ? new org.springframework.data.domain.SliceImpl<>(java.util.List.of())
                    : records.findByAdvisorIdOrderByActivityDateDescIdDesc(own, pageable);
        }
        return found.map(r -> {
            var c = r.content();
            var advisor = advisors.get(r.getAdvisorId());
            var place = r.getPlaceId() == null ? null : places.get(r.getPlaceId());
            String where = place != null ? place.name()
                    : r.getCommuneId() == null ? "" : communes.getOrDefault(r.getCommuneId(), "");
            return new ActivityRecordSummary(r.getId(), r.getKind() == ActivityRecord.Kind.PONCTUEL, c.date(),
                    advisor == null ? "" : advisor.displayName(), where, c.durationMinutes(),
                    c.themes(), c.autonomy(), c.referred(), r.getTaxonomyVersion(), c.location());
        });
    }

    /** Places the person may record walk-in help at. */
    @Transactional(readOnly = true)
    public java.util.List<PlaceSummary> places() {
        return directory.places(scope.structureId());
    }

    @Transactional(readOnly = true)
    public java.util.List<AdvisorSummary> advisors() {
        return scope.advisors();
    }

    /** Communes of the structure: where help away from a place happened, where people live. */
    @Transactional(readOnly = true)
    public java.util.List<CommuneSummary> communes() {
        return directory.communes(scope.structureId());
    }

    private static ActivityRecord.Content content(ActivityRecordForm f) {
        if (f.durationMinutes() == null) {
            throw new InvalidValueException("appointment.record.duration.invalid");
        }
        Set<EquipmentUsed> equipment = f.equipment() == null ? Set.of() : f.equipment();
        return new ActivityRecord.Content(f.date(), f.durationMinutes(), f.location(), f.placeId(), f.communeId(),
                f.themes(), f.administrativeThemes(), f.autonomy(), equipment, f.referred(), f.referralKind(),
                f.ageBand(), f.gender(), f.occupation(), f.residenceCommuneId(), f.notes());
    }
}
