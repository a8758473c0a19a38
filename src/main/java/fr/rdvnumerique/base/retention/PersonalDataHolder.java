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

    /**
     * Everything this module holds about the person in the structure, for an access request (RGPD art. 15): records
     * whose contact is the one asked for, and records whose pseudonymous key is one of the person's.
     */
    default java.util.List<HeldItem> find(long structureId, PersonQuery person) {
        return java.util.List.of();
    }

    /**
     * Erases the person's data in the structure on request (RGPD art. 17), as the retention job would: names,
     * contacts, free text and private links go; what the report counts stays. Each pseudonymous key of the person is
     * replaced by {@code newKey.apply(oldKey)}, a key that belongs to nobody but is the same for all records that
     * shared the old one, so past figures do not move. Runs in the caller's transaction.
     *
     * @return how many records were erased
     */
    default int erase(long structureId, PersonQuery person, java.util.function.UnaryOperator<String> newKey) {
        return 0;
    }
}
