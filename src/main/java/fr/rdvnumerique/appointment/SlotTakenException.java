package fr.rdvnumerique.appointment;

import fr.rdvnumerique.base.domain.BusinessRuleException;

/**
 * The chosen slot is no longer free: someone else took it a moment earlier, or it is no longer offered (past,
 * too close, beyond the horizon, the advisor became busy). "Ce créneau vient d’être réservé…": choose another.
 */
public class SlotTakenException extends BusinessRuleException {

    public static final String KEY = "appointment.slot.taken";

    public SlotTakenException() {
        super(KEY);
    }
}
