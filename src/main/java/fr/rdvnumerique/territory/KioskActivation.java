package fr.rdvnumerique.territory;

/**
 * A screen just activated, with its own secret: shown to nobody, written once into the screen's cookie, stored
 * only as a hash.
 */
public record KioskActivation(KioskDeviceRef device, String secret) {
}
