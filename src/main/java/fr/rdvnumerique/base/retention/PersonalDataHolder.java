package fr.rdvnumerique.base.retention;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A module that keeps residents' personal data (names, e-mails, phones, private links, messages). Each module
 * implements it once over its own tables; base collects the implementations (the nightly retention job,
 * {@link PersonalDataRequests} for residents' requests) and never reads a module's tables itself. What the yearly
 * report counts (dates, themes, levels, attendance, channels, communes, age bands, the pseudonymous person key)
 * stays through every anonymisation.
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
    int anonymiseEndedBefore(Instant cutoff);

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
     * Everything this module holds about the person (RGPD art. 15): records whose contact is the one asked for, and
     * records whose person key is one of the person's (already anonymised by the retention job, still linked).
     * Abstract on purpose: a module that keeps personal data must say what it holds.
     *
     * @param structureId the structure whose records to search, or null for every structure (administrators)
     */
    List<HeldItem> find(Long structureId, PersonQuery person);

    /**
     * Erases the person's data on request (RGPD art. 17) the way the retention job anonymises: names, contacts, free
     * text and private links go, what the report counts stays. Every person key of the person found on a record is
     * replaced by {@code newKey.apply(oldKey)}, a key that belongs to nobody and is the same for every record that
     * shared the old one, so the report's "distinct people" of every past period does not move. Joins the caller's
     * transaction.
     *
     * @param structureId the structure whose records to erase, or null for every structure (administrators)
     * @return how many records were erased
     */
    int erase(Long structureId, PersonQuery person, UnaryOperator<String> newKey);
}
