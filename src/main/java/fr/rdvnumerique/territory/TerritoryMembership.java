package fr.rdvnumerique.territory;

import fr.rdvnumerique.base.security.StructureMembership;
import fr.rdvnumerique.territory.domain.AdvisorRepository;
import fr.rdvnumerique.territory.domain.StructureRepository;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Tells staff security which structures are active and where an advisor belongs. */
@Component
@Transactional(readOnly = true)
class TerritoryMembership implements StructureMembership {

    private final StructureRepository structures;
    private final AdvisorRepository advisors;

    TerritoryMembership(StructureRepository structures, AdvisorRepository advisors) {
        this.structures = structures;
        this.advisors = advisors;
    }

    @Override
    public boolean isStructureActive(long structureId) {
        return structures.existsByIdAndActiveTrue(structureId);
    }

    @Override
    public Optional<Long> structureOfAdvisor(long advisorId) {
        return advisors.findStructureIdById(advisorId);
    }
}
