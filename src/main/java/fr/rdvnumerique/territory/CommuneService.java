package fr.rdvnumerique.territory;

import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.base.domain.Versioned;
import fr.rdvnumerique.base.security.CurrentStaff;
import fr.rdvnumerique.territory.domain.Commune;
import fr.rdvnumerique.territory.domain.CommuneRepository;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Coordinators manage the communes of their structure. */
@Service
@PreAuthorize("hasRole('COORDINATOR')")
public class CommuneService {

    private final CommuneRepository communes;
    private final CurrentStaff staff;
    private final fr.rdvnumerique.base.audit.AuditTrail audit;

    CommuneService(CommuneRepository communes, CurrentStaff staff, fr.rdvnumerique.base.audit.AuditTrail audit) {
        this.audit = audit;
        this.communes = communes;
        this.staff = staff;
    }

    @Transactional(readOnly = true)
    public Slice<CommuneSummary> list(Pageable pageable) {
        return communes.findByStructureIdOrderByName(staff.structureId(), pageable).map(TerritoryDirectory::summary);
    }

    /** Active communes of the structure, for choosers. */
    @Transactional(readOnly = true)
    public List<CommuneSummary> active() {
        return communes.findByStructureIdOrderByName(staff.structureId()).stream()
                .filter(Commune::isActive).map(TerritoryDirectory::summary).toList();
    }

    /**
     * Every commune of the structure, deactivated ones included: a form shows the value a record already has
     * ("Houdemont (désactivée)") rather than silently dropping it.
     */
    @Transactional(readOnly = true)
    public List<CommuneSummary> all() {
        return communes.findByStructureIdOrderByName(staff.structureId()).stream().map(TerritoryDirectory::summary).toList();
    }

    @Transactional(readOnly = true)
    public Versioned<CommuneForm> load(long id) {
        Commune commune = owned(id);
        return new Versioned<>(id, commune.getVersion(),
                new CommuneForm(commune.getName(), commune.getInseeCode(), commune.getPostalCode()));
    }

    @Transactional
    public long create(CommuneForm form) {
        long structureId = staff.structureId();
        var commune = new Commune(structureId, form.name(), form.inseeCode(), form.postalCode());
        if (communes.existsByStructureIdAndInseeCode(structureId, commune.getInseeCode())) {
            throw new BusinessRuleException("territory.commune.insee.taken");
        }
        long id = communes.save(commune).getId();
        audit.record(fr.rdvnumerique.base.audit.AuditKind.COMMUNE_CHANGED, id, structureId,
                fr.rdvnumerique.base.audit.AuditChanges.value("insee", commune.getInseeCode()));
        return id;
    }

    @Transactional
    public void update(long id, long version, CommuneForm form) {
        Commune commune = owned(id);
        Versioned.check(version, commune.getVersion());
        // Checked before the entity changes: the query would otherwise flush the change first, and the unique key
        // would answer instead of this sentence.
        String insee = Commune.checkInseeCode(form.inseeCode());
        if (communes.existsByStructureIdAndInseeCodeAndIdNot(commune.getStructureId(), insee, id)) {
            throw new BusinessRuleException("territory.commune.insee.taken");
        }
        String inseeBefore = commune.getInseeCode();
        commune.update(form.name(), insee, form.postalCode());
        audit.record(fr.rdvnumerique.base.audit.AuditKind.COMMUNE_CHANGED, id, commune.getStructureId(),
                fr.rdvnumerique.base.audit.AuditChanges.of("insee", inseeBefore, insee));
    }

    @Transactional
    public void setActive(long id, boolean active) {
        Commune commune = owned(id);
        boolean before = commune.isActive();
        commune.setActive(active);
        audit.record(fr.rdvnumerique.base.audit.AuditKind.COMMUNE_CHANGED, id, commune.getStructureId(),
                fr.rdvnumerique.base.audit.AuditChanges.of("active", before, active));
    }

    private Commune owned(long id) {
        Commune commune = communes.findById(id).orElseThrow(() -> new BusinessRuleException("error.not-found"));
        staff.checkStructure(commune.getStructureId());
        return commune;
    }
}
