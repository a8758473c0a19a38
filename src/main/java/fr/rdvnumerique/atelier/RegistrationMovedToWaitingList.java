package fr.rdvnumerique.atelier;

/** Staff lowered the capacity and chose to move this confirmed person back to the waiting list. */
public record RegistrationMovedToWaitingList(long registrationId, long sessionId, long structureId, int position,
                                             int sequence) {
}
