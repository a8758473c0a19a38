package fr.rdvnumerique.atelier;

/**
 * A whole session was cancelled. Each person also gets a {@link RegistrationCancelled}; this one is for the
 * advisor's calendar and the activity report.
 */
public record SessionCancelled(long sessionId, long structureId, int cancelledRegistrations) {
}
