package fr.rdvnumerique.atelier;

/** Why a registration was cancelled, so that the mail can say it in the right words. */
public enum CancellationReason {
    /** The person cancelled through their private link (or the kiosk). */
    PERSON_REQUEST,
    /** A staff member cancelled this one registration (the person called, for instance). */
    STAFF_DECISION,
    /** The whole session was cancelled. */
    SESSION_CANCELLED,
    /** A seat was offered to this waiting person, who did not confirm it in time: it went to the next. */
    OFFER_LAPSED
}
