package fr.rdvnumerique.territory;

import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.base.domain.EmailAddress;
import fr.rdvnumerique.base.domain.PhoneNumber;
import fr.rdvnumerique.base.domain.Versioned;
import fr.rdvnumerique.base.security.CurrentStaff;
import fr.rdvnumerique.territory.domain.Structure;
import fr.rdvnumerique.territory.domain.StructureRepository;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Instance administrators create the structures that share this installation, choose their portal address and
 * switch them off; a structure's coordinators keep its public details up to date.
 *
 * @see <a href="../../../../../docs/adr/005-coordinators-edit-their-structure-details.md">ADR 005</a>
 */
@Service
public class StructureService {

    private final StructureRepository structures;
    private final CurrentStaff staff;

    private final TerritoryMembership membership;

    StructureService(StructureRepository structures, CurrentStaff staff, TerritoryMembership membership) {
        this.structures = structures;
        this.staff = staff;
        this.membership = membership;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public Slice<StructureSummary> list(Pageable pageable) {
        return structures.findAllByOrderByName(pageable).map(TerritoryDirectory::summary);
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<StructureSummary> all() {
        return structures.findAll().stream().map(TerritoryDirectory::summary).toList();
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public Versioned<StructureForm> load(long id) {
        Structure s = find(id);
        return new Versioned<>(id, s.getVersion(), new StructureForm(s.getName(), s.getArticle(), s.getSlug(), s.getKind(),
                s.getPhone() == null ? null : s.getPhone().display(), s.getEmail()));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public long create(StructureForm form) {
        var structure = new Structure(form.name(), form.slug(), form.kind(), phone(form.phone()), email(form.email()));
        if (structures.existsBySlug(structure.getSlug())) {
            throw new BusinessRuleException("territory.structure.slug.taken");
        }
        structure.setArticle(form.article());
        return structures.save(structure).getId();
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void update(long id, long version, StructureForm form) {
        Structure structure = find(id);
        Versioned.check(version, structure.getVersion());
        // Checked before the entity changes: the query would otherwise flush the change first, and the unique key
        // would answer instead of this sentence.
        String slug = Structure.checkSlug(form.slug());
        if (structures.existsBySlugAndIdNot(slug, id)) {
            throw new BusinessRuleException("territory.structure.slug.taken");
        }
        structure.update(form.name(), slug, form.kind(), phone(form.phone()), email(form.email()));
        structure.setArticle(form.article());
    }

    /** Deactivated, a structure disappears from the portal and its staff can no longer sign in. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void setActive(long id, boolean active) {
        find(id).setActive(active);
        membership.forget(id);
    }

    /** The signed-in coordinator's structure, as its details form shows it. */
    @PreAuthorize("hasRole('COORDINATOR')")
    @Transactional(readOnly = true)
    public Versioned<StructureDetailsForm> loadMine() {
        Structure s = find(staff.structureId());
        return new Versioned<>(s.getId(), s.getVersion(), new StructureDetailsForm(s.getName(), s.getArticle(),
                s.getPhone() == null ? null : s.getPhone().display(), s.getEmail()));
    }

    /** A coordinator changes the public details of their own structure, never its address in the portal. */
    @PreAuthorize("hasRole('COORDINATOR')")
    @Transactional
    public void updateMine(long version, StructureDetailsForm form) {
        Structure structure = find(staff.structureId());
        Versioned.check(version, structure.getVersion());
        structure.updateDetails(form.name(), phone(form.phone()), email(form.email()));
        structure.setArticle(form.article());
    }

    private Structure find(long id) {
        return structures.findById(id).orElseThrow(() -> new BusinessRuleException("error.not-found"));
    }

    private static PhoneNumber phone(String value) {
        return value == null || value.isBlank() ? null : PhoneNumber.parse(value);
    }

    private static EmailAddress email(String value) {
        return value == null || value.isBlank() ? null : EmailAddress.of(value);
    }
}
