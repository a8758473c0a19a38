package fr.rdvnumerique.territory;

import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.base.domain.EmailAddress;
import fr.rdvnumerique.base.domain.PhoneNumber;
import fr.rdvnumerique.base.domain.Versioned;
import fr.rdvnumerique.territory.domain.Structure;
import fr.rdvnumerique.territory.domain.StructureRepository;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Instance administrators create the structures that share this installation. */
@Service
@PreAuthorize("hasRole('ADMIN')")
public class StructureService {

    private final StructureRepository structures;

    StructureService(StructureRepository structures) {
        this.structures = structures;
    }

    @Transactional(readOnly = true)
    public Slice<StructureSummary> list(Pageable pageable) {
        return structures.findAllByOrderByName(pageable).map(TerritoryDirectory::summary);
    }

    @Transactional(readOnly = true)
    public List<StructureSummary> all() {
        return structures.findAll().stream().map(TerritoryDirectory::summary).toList();
    }

    @Transactional(readOnly = true)
    public Versioned<StructureForm> load(long id) {
        Structure s = structures.findById(id).orElseThrow(() -> new BusinessRuleException("error.not-found"));
        return new Versioned<>(id, s.getVersion(), new StructureForm(s.getName(), s.getSlug(), s.getKind(),
                s.getPhone() == null ? null : s.getPhone().display(), s.getEmail()));
    }

    @Transactional
    public long create(StructureForm form) {
        var structure = new Structure(form.name(), form.slug(), form.kind(), phone(form), email(form));
        if (structures.existsBySlug(structure.getSlug())) {
            throw new BusinessRuleException("territory.structure.slug.taken");
        }
        return structures.save(structure).getId();
    }

    @Transactional
    public void update(long id, long version, StructureForm form) {
        Structure structure = structures.findById(id).orElseThrow(() -> new BusinessRuleException("error.not-found"));
        Versioned.check(version, structure.getVersion());
        structure.update(form.name(), form.slug(), form.kind(), phone(form), email(form));
        if (structures.existsBySlugAndIdNot(structure.getSlug(), id)) {
            throw new BusinessRuleException("territory.structure.slug.taken");
        }
    }

    @Transactional
    public void setActive(long id, boolean active) {
        structures.findById(id).orElseThrow(() -> new BusinessRuleException("error.not-found")).setActive(active);
    }

    private static PhoneNumber phone(StructureForm form) {
        return form.phone() == null || form.phone().isBlank() ? null : PhoneNumber.parse(form.phone());
    }

    private static EmailAddress email(StructureForm form) {
        return form.email() == null || form.email().isBlank() ? null : EmailAddress.of(form.email());
    }
}
