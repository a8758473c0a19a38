package fr.rdvnumerique.appointment;

/**
 * The person gave another e-mail or phone from their private link. {@code previousEmail} is the address the
 * notice of the change goes to (null when there was none); it lives only as long as the event is being handled.
 */
public record AppointmentContactChanged(long appointmentId, long structureId, String previousEmail, int sequence) {
}
