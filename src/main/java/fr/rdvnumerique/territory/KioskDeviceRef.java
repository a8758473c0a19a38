package fr.rdvnumerique.territory;

/** The kiosk a screen is: which structure and place it serves. Its id is recorded with each registration. */
public record KioskDeviceRef(long id, long structureId, long placeId, String label) {
}
