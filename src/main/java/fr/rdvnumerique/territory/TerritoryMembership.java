package fr.rdvnumerique.territory;

import fr.rdvnumerique.base.security.StructureMembership;
import fr.rdvnumerique.territory.domain.AdvisorRepository;
import fr.rdvnumerique.territory.domain.StructureRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells staff security which structures are active and where an advisor belongs. Every staff action asks whether
 * its structure is active, often several times: the answer is kept a few seconds, and forgotten at once when this
 * instance deactivates or reactivates a structure (another instance sees the change within {@link #REMEMBERED}).
 */
@Component
class TerritoryMembership implements StructureMembership {

    static final Duration REMEMBERED = Duration.ofSeconds(15);

    private record Answer(boolean active, Instant until) {
    }

    private final StructureRepository structures;
    private final AdvisorRepository advisors;
    private final Clock clock;
    private final Map<Long, Answer> answers = new ConcurrentHashMap<>();

    TerritoryMembership(StructureRepository structures, AdvisorRepository advisors, Clock clock) {
        this.structures = structures;
        this.advisors = advisors;
        this.clock = clock;
    }

    @Override
    public boolean isStructureActive(long structureId) {
        Instant now = clock.instant();
        Answer answer = answers.get(structureId);
        if (answer == null || !now.isBefore(answer.until()) || now.isBefore(answer.until().minus(REMEMBERED))) {
            answer = new Answer(structures.existsByIdAndActiveTrue(structureId), now.plus(REMEMBERED));
            answers.put(structureId, answer);
        }
        return answer.active();
    }

    /** A structure's status changes: forget the answer now, and again once the change is committed. */
    void forget(long structureId) {
        answers.remove(structureId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    answers.remove(structureId);
                }
            });
        }
    }

    @Override
    public Optional<Long> structureOfAdvisor(long advisorId) {
        return advisors.findStructureIdById(advisorId);
    }
}
