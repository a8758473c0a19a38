package fr.rdvnumerique.atelier;

/**
 * A session's collective record for its form: the saved one, or one filled in from the session and its workshop.
 *
 * @param recorded          whether a record was saved already
 * @param registeredPresent seats of registered people marked present on the roster
 * @param registeredMarked  seats of registered people whose attendance is marked (present, absent or excused)
 * @param registeredSeats   seats of confirmed registrations
 */
public record CollectiveRecordDraft(long sessionId, boolean recorded, CollectiveRecordForm form, long registeredPresent,
                                    long registeredMarked, long registeredSeats) {
}
