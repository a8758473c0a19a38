package fr.rdvnumerique.appointment;

import fr.rdvnumerique.base.audit.AuditChanges;
import fr.rdvnumerique.base.audit.AuditKind;
import fr.rdvnumerique.base.audit.AuditTrail;
import fr.rdvnumerique.appointment.domain.Motif;
import fr.rdvnumerique.appointment.domain.MotifRepository;
import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.base.domain.InvalidValueException;
import fr.rdvnumerique.base.domain.Versioned;
import fr.rdvnumerique.base.security.CurrentStaff;
import fr.rdvnumerique.territory.TerritoryDirectory;
import java.util.Set;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Coordinators manage what residents can book: motifs, their timing and where they are offered. */
@Service
@PreAuthorize("hasRole('COORDINATOR')")
public class MotifService {

    private final MotifRepository motifs;
    private final TerritoryDirectory directory;
    private final CurrentStaff staff;

    private final AuditTrail audit;

    MotifService(MotifRepository motifs, TerritoryDirectory directory, CurrentStaff staff, AuditTrail audit) {
        this.audit = audit;
        this.motifs = motifs;
        this.directory = directory;
        this.staff = staff;
    }

    @Transactional(readOnly = true)
    public Slice<MotifSummary> list(Pageable pageable) {
        return motifs.findByStructureIdOrderByPositionAscLabelAsc(staff.structureId(), pageable).map(Summaries::motif);
    }

    @Transactional(readOnly = true)
    public Versioned<MotifForm> load(long id) {
        Motif motif = owned(id);
        var d = motif.details();
        return new Versioned<>(id, motif.getVersion(), new MotifForm(d.label(), d.publicDescription(), d.durationMinutes(),
                d.bufferMinutes(), d.minNoticeHours(), d.horizonDays(), d.cancellationCutoffHours(), d.aidantsConnect(),
                d.position(), d.placeIds(), d.themes(), d.whatToBring()));
    }

    @Transactional
    public long create(MotifForm form) {
        Motif motif = motifs.save(new Motif(staff.structureId(), details(form)));
        audit.record(AuditKind.MOTIF_CREATED, motif.getId(), motif.getStructureId(),
                AuditChanges.between(java.util.Map.of(), keyFields(motif.details())));
        return motif.getId();
    }

    @Transactional
    public void update(long id, long version, MotifForm form) {
        Motif motif = owned(id);
        Versioned.check(version, motif.getVersion());
        var before = keyFields(motif.details());
        motif.update(details(form));
        audit.record(AuditKind.MOTIF_CHANGED, id, motif.getStructureId(),
                AuditChanges.between(before, keyFields(motif.details())));
    }

    @Transactional
    public void setActive(long id, boolean active) {
        Motif motif = owned(id);
        boolean before = motif.isActive();
        motif.setActive(active);
        audit.record(AuditKind.MOTIF_CHANGED, id, motif.getStructureId(), AuditChanges.of("active", before, active));
    }

    /** The rules of a motif (durations, notice, places), not its texts. */
    private static java.util.Map<String, Object> keyFields(Motif.Details d) {
        var fields = new java.util.LinkedHashMap<String, Object>();
        fields.put("duration", d.durationMinutes());
        fields.put("buffer", d.bufferMinutes());
        fields.put("minNoticeHours", d.minNoticeHours());
        fields.put("horizonDays", d.horizonDays());
        fields.put("cancellationCutoffHours", d.cancellationCutoffHours());
        fields.put("places", new java.util.TreeSet<>(d.placeIds()));
        return fields;
    }

    private Motif.Details details(MotifForm form) {
        Set<Long> places = form.placeIds() == null ? Set.of() : form.placeIds();
        for (long placeId : places) {
            var place = directory.place(placeId).orElseThrow(() -> new BusinessRuleException("error.not-found"));
            staff.checkStructure(place.structureId());
        }
        return new Motif.Details(form.label(), form.publicDescription(), required(form.durationMinutes()),
                required(form.bufferMinutes()), required(form.minNoticeHours()), required(form.horizonDays()),
                required(form.cancellationCutoffHours()), form.aidantsConnect(),
                form.position() == null ? 0 : form.position(), places, form.themes(), form.whatToBring());
    }

    private static int required(Integer value) {
        if (value == null) {
            throw new InvalidValueException("validation.required");
        }
        return value;
    }

    private Motif owned(long id) {
        Motif motif = motifs.findById(id).orElseThrow(() -> new BusinessRuleException("error.not-found"));
        staff.checkStructure(motif.getStructureId());
        return motif;
    }
}
