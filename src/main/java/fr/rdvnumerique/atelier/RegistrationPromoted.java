package fr.rdvnumerique.atelier;

/**
 * A waiting person now has a seat: someone cancelled, the capacity was raised, or a staff member promoted
 * them by hand ({@code byStaff}).
 */
public record RegistrationPromoted(long registrationId, long sessionId, long structureId, boolean byStaff,
                                   int sequence) {
}
