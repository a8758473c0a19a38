package fr.rdvnumerique.territory;

import fr.rdvnumerique.base.audit.AuditChanges;
import fr.rdvnumerique.base.audit.AuditKind;
import fr.rdvnumerique.base.audit.AuditTrail;
import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.base.domain.InvalidValueException;
import fr.rdvnumerique.base.domain.Versioned;
import fr.rdvnumerique.base.security.CurrentStaff;
import fr.rdvnumerique.territory.domain.Commune;
import fr.rdvnumerique.territory.domain.CommuneRepository;
import fr.rdvnumerique.territory.domain.CommuneShare;
import fr.rdvnumerique.territory.domain.Convention;
import fr.rdvnumerique.territory.domain.ConventionRepository;
import fr.rdvnumerique.territory.domain.SubsidyInstalment;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Conventions de mutualisation of the coordinator's structure; reporting reads them for cost sharing. */
@Service
public class ConventionService {

    private final ConventionRepository conventions;
    private final CommuneRepository communes;
    private final CurrentStaff staff;

    private final AuditTrail audit;

    ConventionService(ConventionRepository conventions, CommuneRepository communes, CurrentStaff staff, AuditTrail audit) {
        this.audit = audit;
        this.conventions = conventions;
        this.communes = communes;
        this.staff = staff;
    }

    @PreAuthorize("hasRole('COORDINATOR')")
    @Transactional(readOnly = true)
    public Slice<ConventionSummary> list(Pageable pageable) {
        long structureId = staff.structureId();
        Map<Long, Commune> byId = communesOf(structureId);
        return conventions.findByStructureIdOrderByValidFromDesc(structureId, pageable).map(c -> summary(c, byId));
    }

    /** The active convention in force on a day, for the signed-in staff member's structure. */
    @PreAuthorize("hasRole('ADVISOR')")
    @Transactional(readOnly = true)
    public Optional<ConventionSummary> inForce(LocalDate day) {
        long structureId = staff.structureId();
        Map<Long, Commune> byId = communesOf(structureId);
        return conventions.findByStructureIdOrderByValidFromDesc(structureId).stream()
                .filter(c -> c.isInForceOn(day)).findFirst().map(c -> summary(c, byId));
    }

    /** How a cost splits between the communes of a convention, in proportion to their hours. */
    @PreAuthorize("hasRole('ADVISOR')")
    @Transactional(readOnly = true)
    public Map<Long, BigDecimal> splitCost(long conventionId, BigDecimal cost) {
        return owned(conventionId).splitCost(cost);
    }

    @PreAuthorize("hasRole('COORDINATOR')")
    @Transactional(readOnly = true)
    public Versioned<ConventionForm> load(long id) {
        Convention convention = owned(id);
        var t = convention.terms();
        return new Versioned<>(id, convention.getVersion(), new ConventionForm(t.title(), t.hostCommuneId(), t.signedOn(),
                t.validFrom(), t.validUntil(), t.posts(), t.subsidyAmount(), t.otherAnnualCosts(),
                t.shares().stream().map(s -> new ConventionForm.Share(s.communeId(), s.weeklyHours())).toList(),
                t.instalments().stream().map(i -> new ConventionForm.Instalment(i.percent(), i.monthsAfterSignature())).toList()));
    }

    @PreAuthorize("hasRole('COORDINATOR')")
    @Transactional
    public long create(ConventionForm form) {
        Convention convention = conventions.save(new Convention(staff.structureId(), terms(form, Set.of())));
        audit.record(AuditKind.CONVENTION_CREATED, convention.getId(), convention.getStructureId(),
                AuditChanges.between(Map.of(), keyFields(convention.terms())));
        return convention.getId();
    }

    @PreAuthorize("hasRole('COORDINATOR')")
    @Transactional
    public void update(long id, long version, ConventionForm form) {
        Convention convention = owned(id);
        Versioned.check(version, convention.getVersion());
        var current = new HashSet<Long>();
        current.add(convention.terms().hostCommuneId());
        convention.terms().shares().forEach(share -> current.add(share.communeId()));
        var before = keyFields(convention.terms());
        convention.update(terms(form, current));
        audit.record(AuditKind.CONVENTION_CHANGED, id, convention.getStructureId(),
                AuditChanges.between(before, keyFields(convention.terms())));
    }

    /** A convention that no longer applies is switched off, not deleted: reports of past years still read it. */
    @PreAuthorize("hasRole('COORDINATOR')")
    @Transactional
    public void setActive(long id, boolean active) {
        Convention convention = owned(id);
        boolean before = convention.isActive();
        convention.setActive(active);
        audit.record(AuditKind.CONVENTION_CHANGED, id, convention.getStructureId(),
                AuditChanges.of("active", before, active));
    }

    @PreAuthorize("hasRole('COORDINATOR')")
    @Transactional
    public void delete(long id) {
        Convention convention = owned(id);
        audit.record(AuditKind.CONVENTION_CHANGED, id, convention.getStructureId(),
                AuditChanges.between(keyFields(convention.terms()), Map.of()));
        conventions.delete(convention);
    }

    /** Dates, posts, amounts and the communes sharing: what the journal keeps of a convention. */
    private static Map<String, Object> keyFields(Convention.Terms t) {
        var fields = new java.util.LinkedHashMap<String, Object>();
        fields.put("validFrom", t.validFrom());
        fields.put("validUntil", t.validUntil());
        fields.put("posts", t.posts());
        fields.put("subsidy", t.subsidyAmount());
        fields.put("otherCosts", t.otherAnnualCosts());
        fields.put("hostCommune", t.hostCommuneId());
        fields.put("shares", t.shares().size());
        return fields;
    }

    /**
     * @param current communes the convention already names: they may stay even if deactivated since (saving the
     *                form must not drop their hours), but a deactivated commune never joins a convention
     */
    private Convention.Terms terms(ConventionForm form, Set<Long> current) {
        if (form.hostCommuneId() == null) {
            throw new InvalidValueException("territory.convention.host.required");
        }
        checkCommune(form.hostCommuneId(), current);
        List<CommuneShare> shares = form.shares() == null ? List.of() : form.shares().stream().map(s -> {
            if (s.communeId() == null) {
                throw new InvalidValueException("territory.convention.shares.commune-required");
            }
            checkCommune(s.communeId(), current);
            return new CommuneShare(s.communeId(), s.weeklyHours());
        }).toList();
        List<SubsidyInstalment> instalments = form.instalments() == null ? List.of() : form.instalments().stream()
                .map(i -> new SubsidyInstalment(i.percent(), i.monthsAfterSignature())).toList();
        return new Convention.Terms(form.title(), form.hostCommuneId(), form.signedOn(), form.validFrom(),
                form.validUntil(), form.posts(), form.subsidyAmount(), form.otherAnnualCosts(), shares, instalments);
    }

    private void checkCommune(long communeId, Set<Long> current) {
        Commune commune = communes.findById(communeId).orElseThrow(() -> new BusinessRuleException("error.not-found"));
        staff.checkStructure(commune.getStructureId());
        if (!commune.isActive() && !current.contains(communeId)) {
            throw new InvalidValueException("territory.convention.commune.inactive", commune.getName());
        }
    }

    private Convention owned(long id) {
        Convention convention = conventions.findById(id).orElseThrow(() -> new BusinessRuleException("error.not-found"));
        staff.checkStructure(convention.getStructureId());
        return convention;
    }

    private Map<Long, Commune> communesOf(long structureId) {
        return communes.findByStructureIdOrderByName(structureId).stream()
                .collect(Collectors.toMap(Commune::getId, Function.identity()));
    }

    static ConventionSummary summary(Convention convention, Map<Long, Commune> communesById) {
        var t = convention.terms();
        var hours = new LinkedHashMap<Long, BigDecimal>();
        t.shares().forEach(s -> hours.put(s.communeId(), s.weeklyHours()));
        Commune host = communesById.get(t.hostCommuneId());
        return new ConventionSummary(convention.getId(), convention.getStructureId(), t.title(), t.hostCommuneId(),
                host == null ? "" : host.getName(), t.signedOn(), t.validFrom(), t.validUntil(), t.posts(),
                t.subsidyAmount(), t.otherAnnualCosts(), hours, convention.totalWeeklyHours(),
                convention.instalmentSchedule().stream()
                        .map(i -> new ConventionSummary.InstalmentLine(i.dueOn(), i.percent(), i.amount())).toList(),
                convention.isActive());
    }
}
