package fr.rdvnumerique.atelier;

/**
 * The person gave another e-mail or phone from their private link. {@code previousEmail} is where the notice of
 * the change goes (null when there was none); it lives only as long as the event is being handled.
 */
public record RegistrationContactChanged(long registrationId, long sessionId, long structureId, String previousEmail,
                                         int sequence) {
}
