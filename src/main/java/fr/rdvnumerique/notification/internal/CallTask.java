package fr.rdvnumerique.notification.internal;

import java.time.Instant;

/**
 * A call of the « À appeler » list: who, which number, what to tell, before when, and what came of the last try.
 *
 * @param phone     as it is dialled in France ("06 12 34 56 78")
 * @param advisorName whose call it is (the session's or appointment's advisor), or null
 * @param outcomeBy who marked it last (a staff member's name), or null
 */
public record CallTask(long id, Long advisorId, String advisorName, CallReason reason, String personName, String phone, String what,
                       Instant dueBy, CallStatus status, int attempts, String outcomeBy, Instant outcomeAt) {

    public CallTask withAdvisorName(String name) {
        return new CallTask(id, advisorId, name, reason, personName, phone, what, dueBy, status, attempts, outcomeBy,
                outcomeAt);
    }
}

