package fr.rdvnumerique.territory;

import fr.rdvnumerique.base.audit.AuditChanges;
import fr.rdvnumerique.base.audit.AuditKind;
import fr.rdvnumerique.base.audit.AuditTrail;
import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.base.domain.EmailAddress;
import fr.rdvnumerique.base.domain.InvalidValueException;
import fr.rdvnumerique.base.domain.Versioned;
import fr.rdvnumerique.base.security.CurrentStaff;
import fr.rdvnumerique.territory.domain.Advisor;
import fr.rdvnumerique.territory.domain.AdvisorRepository;
import fr.rdvnumerique.territory.domain.PlaceRepository;
import java.util.Set;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Coordinators manage the advisors of their structure and where they work. */
@Service
@PreAuthorize("hasRole('COORDINATOR')")
public class AdvisorService {

    private final AdvisorRepository advisors;
    private final PlaceRepository places;
    private final CurrentStaff staff;

    private final AuditTrail audit;

    AdvisorService(AdvisorRepository advisors, PlaceRepository places, CurrentStaff staff, AuditTrail audit) {
        this.audit = audit;
        this.advisors = advisors;
        this.places = places;
        this.staff = staff;
    }

    @Transactional(readOnly = true)
    public Slice<AdvisorSummary> list(Pageable pageable) {
        return advisors.findByStructureIdOrderByDisplayName(staff.structureId(), pageable).map(TerritoryDirectory::summary);
    }

    @Transactional(readOnly = true)
    public Versioned<AdvisorForm> load(long id) {
        Advisor advisor = owned(id);
        return new Versioned<>(id, advisor.getVersion(), new AdvisorForm(advisor.getDisplayName(), advisor.getEmail(),
                advisor.getKind(), advisor.getPlaceIds()));
    }

    @Transactional
    public long create(AdvisorForm form) {
        checkPlaces(form.placeIds(), Set.of());
        Advisor advisor = advisors.save(new Advisor(staff.structureId(), form.displayName(), email(form), form.kind(),
                form.placeIds()));
        audit.record(AuditKind.ADVISOR_CHANGED, advisor.getId(), advisor.getStructureId(),
                AuditChanges.value("places", new java.util.TreeSet<>(advisor.getPlaceIds())));
        return advisor.getId();
    }

    @Transactional
    public void update(long id, long version, AdvisorForm form) {
        Advisor advisor = owned(id);
        Versioned.check(version, advisor.getVersion());
        checkPlaces(form.placeIds(), advisor.getPlaceIds());
        var placesBefore = new java.util.TreeSet<>(advisor.getPlaceIds());
        advisor.update(form.displayName(), email(form), form.kind(), form.placeIds());
        audit.record(AuditKind.ADVISOR_CHANGED, id, advisor.getStructureId(),
                AuditChanges.of("places", placesBefore, new java.util.TreeSet<>(advisor.getPlaceIds())));
    }

    @Transactional
    public void setActive(long id, boolean active) {
        Advisor advisor = owned(id);
        boolean before = advisor.isActive();
        advisor.setActive(active);
        audit.record(AuditKind.ADVISOR_CHANGED, id, advisor.getStructureId(), AuditChanges.of("active", before, active));
    }

    private static EmailAddress email(AdvisorForm form) {
        if (form.email() == null || form.email().isBlank()) {
            throw new InvalidValueException("validation.required");
        }
        return EmailAddress.of(form.email());
    }

    /**
     * Places of the coordinator's structure only. A place deactivated since it was given may stay (saving the form
     * must not drop it), but nobody is newly sent to a deactivated place.
     */
    private void checkPlaces(Set<Long> placeIds, Set<Long> current) {
        if (placeIds == null || placeIds.isEmpty()) {
            return;
        }
        if (placeIds.stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidValueException("validation.required");
        }
        var found = places.findAllById(placeIds);
        if (found.size() != placeIds.size()) {
            throw new BusinessRuleException("error.not-found");
        }
        for (var place : found) {
            staff.checkStructure(place.getStructureId());
            if (!place.isActive() && !current.contains(place.getId())) {
                throw new InvalidValueException("territory.advisor.place.inactive", place.getName());
            }
        }
    }

    private Advisor owned(long id) {
        Advisor advisor = advisors.findById(id).orElseThrow(() -> new BusinessRuleException("error.not-found"));
        staff.checkStructure(advisor.getStructureId());
        return advisor;
    }
}
