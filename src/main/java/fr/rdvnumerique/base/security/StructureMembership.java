package fr.rdvnumerique.base.security;

import java.util.Optional;

/**
 * What staff security needs to know about structures and advisors. The territory module answers (base depends on
 * no feature module): staff of a deactivated structure can no longer sign in or act, and an account stands only for
 * an advisor of its own structure.
 */
public interface StructureMembership {

    /** Whether the structure exists and is active. */
    boolean isStructureActive(long structureId);

    /** The structure an advisor record belongs to, if the advisor exists. */
    Optional<Long> structureOfAdvisor(long advisorId);
}
