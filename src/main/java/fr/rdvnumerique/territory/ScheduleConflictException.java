package fr.rdvnumerique.territory;

import fr.rdvnumerique.base.domain.BusinessRuleException;

/** The advisor is already busy then; the message names what occupies the time. */
public class ScheduleConflictException extends BusinessRuleException {

    private final String conflictingLabel;

    public ScheduleConflictException(String conflictingLabel) {
        super("schedule.conflict", conflictingLabel);
        this.conflictingLabel = conflictingLabel;
    }

    public String conflictingLabel() {
        return conflictingLabel;
    }
}
