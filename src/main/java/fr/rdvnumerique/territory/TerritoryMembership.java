package fr.rdvnumerique.territory;

import fr.rdvnumerique.base.security.StructureMembership;
import fr.rdvnumerique.territory.domain.AdvisorRepository;
import fr.rdvnumerique.territory.domain.StructureRepository;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Tells staff security which structures are active and where an advisor belongs. Every staff action asks whether
 * its structure is active, often several times in one request: the database answers once per request (a primary
 * key lookup) and the answer is kept in the request only, never in this instance's memory. A structure deactivated
 * on any node of a cluster therefore stops its staff on every node at their next request (the database is
 * the only place that decides access). Outside a request (jobs, tests) the database answers every time.
 */
@Component
class TerritoryMembership implements StructureMembership {

    private static final String ANSWER = TerritoryMembership.class.getName() + ".active.";

    private final StructureRepository structures;
    private final AdvisorRepository advisors;

    TerritoryMembership(StructureRepository structures, AdvisorRepository advisors) {
        this.structures = structures;
        this.advisors = advisors;
    }

    @Override
    public boolean isStructureActive(long structureId) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return structures.existsByIdAndActiveTrue(structureId);
        }
        if (request.getAttribute(ANSWER + structureId, RequestAttributes.SCOPE_REQUEST) instanceof Boolean known) {
            return known;
        }
        boolean active = structures.existsByIdAndActiveTrue(structureId);
        request.setAttribute(ANSWER + structureId, active, RequestAttributes.SCOPE_REQUEST);
        return active;
    }

    /** A structure's status changes in this request: its later questions ask the database again. */
    void forget(long structureId) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.removeAttribute(ANSWER + structureId, RequestAttributes.SCOPE_REQUEST);
        }
    }

    @Override
    public Optional<Long> structureOfAdvisor(long advisorId) {
        return advisors.findStructureIdById(advisorId);
    }
}
