package fr.rdvnumerique.base.retention;

/**
 * A module that keeps residents' personal data (names, e-mails, phones, private links). Past the retention
 * period it anonymises them; what the yearly report counts (dates, themes, levels, attendance, channels,
 * communes, age bands) stays.
 */
public interface PersonalDataHolder {

    /** For the log: "ateliers", "rendez-vous"… */
    String name();

    /**
     * Anonymises what ended before {@code cutoff} and is not anonymised yet; runs in its own transaction and
     * may run twice at once (two instances) without harm.
     *
     * @return how many records were anonymised
     */
    int anonymiseEndedBefore(java.time.Instant cutoff);

    /**
     * Gives every record that still has a contact and no pseudonymous key its key ({@link PersonKeys}): records
     * written before keys existed. Idempotent; {@link #anonymiseEndedBefore} does it first too, so no record loses
     * its contact without its key.
     *
     * @return how many records got their key
     */
    default int fillPersonKeys() {
        return 0;
    }
}
