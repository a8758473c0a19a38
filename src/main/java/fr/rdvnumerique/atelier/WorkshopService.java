package fr.rdvnumerique.atelier;

import fr.rdvnumerique.atelier.domain.Workshop;
import fr.rdvnumerique.atelier.domain.WorkshopRepository;
import fr.rdvnumerique.base.audit.AuditChanges;
import fr.rdvnumerique.base.audit.AuditKind;
import fr.rdvnumerique.base.audit.AuditTrail;
import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.base.domain.Versioned;
import fr.rdvnumerique.base.security.CurrentStaff;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Advisors and coordinators keep their structure's catalogue of ateliers. */
@Service
@PreAuthorize("hasRole('ADVISOR')")
public class WorkshopService {

    private final WorkshopRepository workshops;
    private final CurrentStaff staff;
    private final AuditTrail audit;

    WorkshopService(WorkshopRepository workshops, CurrentStaff staff, AuditTrail audit) {
        this.audit = audit;
        this.workshops = workshops;
        this.staff = staff;
    }

    @Transactional(readOnly = true)
    public Slice<WorkshopSummary> list(Pageable pageable) {
        return workshops.findByStructureIdOrderByTitle(staff.structureId(), pageable).map(WorkshopService::summary);
    }

    /** Active workshops, for choosers. */
    @Transactional(readOnly = true)
    public List<WorkshopSummary> active() {
        return workshops.findByStructureIdAndActiveTrueOrderByTitle(staff.structureId()).stream()
                .map(WorkshopService::summary).toList();
    }

    @Transactional(readOnly = true)
    public Versioned<WorkshopForm> load(long id) {
        Workshop workshop = owned(id);
        var d = workshop.details();
        return new Versioned<>(id, workshop.getVersion(), new WorkshopForm(d.title(), d.description(), d.themes(),
                d.level(), d.durationMinutes(), d.defaultCapacity(), d.whatToBring(), d.equipmentProvided()));
    }

    @Transactional
    public long create(WorkshopForm form) {
        Workshop workshop = workshops.save(new Workshop(staff.structureId(), details(form)));
        audit.record(AuditKind.WORKSHOP_CREATED, workshop.getId(), workshop.getStructureId(),
                AuditChanges.value("capacity", form.defaultCapacity()).and("duration", null, form.durationMinutes()));
        return workshop.getId();
    }

    @Transactional
    public void update(long id, long version, WorkshopForm form) {
        Workshop workshop = owned(id);
        Versioned.check(version, workshop.getVersion());
        var before = workshop.details();
        workshop.update(details(form));
        audit.record(AuditKind.WORKSHOP_CHANGED, id, workshop.getStructureId(),
                AuditChanges.of("capacity", before.defaultCapacity(), form.defaultCapacity())
                        .and("duration", before.durationMinutes(), form.durationMinutes())
                        .and("level", before.level(), form.level()));
    }

    @Transactional
    public void setActive(long id, boolean active) {
        Workshop workshop = owned(id);
        boolean before = workshop.isActive();
        workshop.setActive(active);
        audit.record(AuditKind.WORKSHOP_CHANGED, id, workshop.getStructureId(), AuditChanges.of("active", before, active));
    }

    private static Workshop.Details details(WorkshopForm form) {
        return new Workshop.Details(form.title(), form.description(), form.themes(), form.level(),
                form.durationMinutes(), form.defaultCapacity(), form.whatToBring(), form.equipmentProvided());
    }

    private Workshop owned(long id) {
        Workshop workshop = workshops.findById(id).orElseThrow(() -> new BusinessRuleException("error.not-found"));
        staff.checkStructure(workshop.getStructureId());
        return workshop;
    }

    static WorkshopSummary summary(Workshop w) {
        return new WorkshopSummary(w.getId(), w.getTitle(), w.getLevel(), w.getThemes(), w.getDurationMinutes(),
                w.getDefaultCapacity(), w.isActive());
    }
}
