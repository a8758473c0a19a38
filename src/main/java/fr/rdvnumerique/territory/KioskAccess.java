package fr.rdvnumerique.territory;

/** What a browser's kiosk secret is worth right now (see {@link KioskDevices#resolve}). */
public sealed interface KioskAccess {

    /** An enrolled screen whose place, commune and structure are open: it takes registrations. */
    record InService(KioskDeviceRef device) implements KioskAccess {
    }

    /**
     * Still enrolled, but its place, the place's commune or the structure is switched off: it takes no
     * registration until staff switch it on again.
     */
    record SwitchedOff(KioskDeviceRef device) implements KioskAccess {
    }

    /** No secret, an unknown one, or a screen revoked by staff. */
    record NotEnrolled() implements KioskAccess {
    }

    static KioskAccess notEnrolled() {
        return new NotEnrolled();
    }
}
