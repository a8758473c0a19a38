package fr.rdvnumerique.notification.internal;

import fr.rdvnumerique.base.db.ConflictRetry;
import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.base.security.CurrentStaff;
import fr.rdvnumerique.notification.domain.CallRepository;
import fr.rdvnumerique.territory.AdvisorSummary;
import fr.rdvnumerique.territory.TerritoryDirectory;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The « À appeler » screen: the calls the signed-in person's structure owes residents who get neither a mail nor a
 * text message, per advisor, most urgent first; « Appelé » and « Pas de réponse » record who and when.
 */
@Service
@PreAuthorize("hasAnyRole('COORDINATOR', 'ADVISOR')")
public class CallList {

    static final int MAX_ROWS = 500;

    private final CallRepository calls;
    private final CurrentStaff staff;
    private final ConflictRetry retry;
    private final TerritoryDirectory territory;
    private final Clock clock;

    CallList(CallRepository calls, CurrentStaff staff, ConflictRetry retry, TerritoryDirectory territory, Clock clock) {
        this.territory = territory;
        this.calls = calls;
        this.staff = staff;
        this.retry = retry;
        this.clock = clock;
    }

    /**
     * The structure's calls, most urgent first.
     *
     * @param advisorId one advisor's calls, or null for all of the structure's
     * @param openOnly  only those still to make
     */
    @Transactional(readOnly = true)
    public List<CallTask> list(Long advisorId, boolean openOnly) {
        long structureId = staff.structureId();
        Map<Long, String> names = territory.advisors(structureId).stream()
                .collect(Collectors.toMap(AdvisorSummary::id, AdvisorSummary::displayName, (a, b) -> a));
        return calls.list(structureId, advisorId, openOnly, MAX_ROWS).stream()
                .map(c -> c.advisorId() == null ? c : c.withAdvisorName(names.get(c.advisorId()))).toList();
    }

    /** The structure's advisors, to see one's calls. */
    @Transactional(readOnly = true)
    public List<AdvisorSummary> advisors() {
        return territory.advisors(staff.structureId());
    }

    /** The signed-in advisor's own record, to show their calls first (null for a coordinator who is not one). */
    public Long myAdvisorId() {
        return staff.require().advisorId();
    }

    /** « Appelé » (the person was told) or « Pas de réponse » (still to call), by the signed-in person, now. */
    public void mark(long id, CallStatus outcome) {
        if (outcome != CallStatus.CALLED && outcome != CallStatus.NO_ANSWER) {
            throw new IllegalArgumentException("outcome: CALLED or NO_ANSWER");
        }
        String by = staff.require().displayName();
        retry.runInTransaction(() -> {
            long structureId = calls.structureOf(id).orElseThrow(() -> new BusinessRuleException("error.not-found"));
            staff.checkStructure(structureId);
            if (!calls.mark(id, outcome, by, clock.instant())) {
                throw new BusinessRuleException("notification.call.not-open");
            }
        });
    }
}
