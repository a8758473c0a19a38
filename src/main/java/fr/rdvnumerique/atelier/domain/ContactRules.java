package fr.rdvnumerique.atelier.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who may register, by their contact: one active registration per email or phone and session (the same person
 * typing their address in capitals, or giving their phone at the kiosk, is still the same person), and at most
 * {@code cap} upcoming registrations per contact, so nobody hoards seats.
 */
public final class ContactRules {

    /** The per-contact lock rows of atelier registrations ({@code base.db.ContactLocks}; the retention job forgets them). */
    public static final String LOCK_TABLE = "atelier_contact_lock";

    /** An active registration of an upcoming session held by some contact. */
    public record Holding(long registrationId, String emailKey, String phone) {
    }

    private final Map<String, Registration> here = new HashMap<>();
    private final List<Holding> upcoming;
    private final int cap;

    /**
     * @param activeHere the session's active registrations that share an email or phone with the candidates
     * @param upcoming   active registrations of sessions not ended, sharing an email or phone with the candidates
     */
    public ContactRules(List<Registration> activeHere, List<Holding> upcoming, int cap) {
        activeHere.forEach(this::remember);
        this.upcoming = new ArrayList<>(upcoming);
        this.cap = cap;
    }

    public Optional<Registration> alreadyRegistered(Participant person) {
        for (String key : keys(emailKey(person), phone(person))) {
            if (here.containsKey(key)) {
                return Optional.of(here.get(key));
            }
        }
        return Optional.empty();
    }

    /** Whether this person already holds {@code cap} upcoming registrations (one registration counts once). */
    public boolean atCap(Participant person) {
        String email = emailKey(person);
        String phone = phone(person);
        Set<Long> held = new HashSet<>();
        for (Holding h : upcoming) {
            if (email != null && email.equals(h.emailKey()) || phone != null && phone.equals(h.phone())) {
                held.add(h.registrationId());
            }
        }
        return held.size() >= cap;
    }

    /** A registration just made (in the same group), so the next candidates see it. */
    public void registered(Registration registration) {
        remember(registration);
        upcoming.add(new Holding(registration.getId() == null ? -upcoming.size() - 1 : registration.getId(),
                registration.getEmailKey(), registration.getPhone()));
    }

    private void remember(Registration registration) {
        for (String key : keys(registration.getEmailKey(), registration.getPhone())) {
            here.putIfAbsent(key, registration);
        }
    }

    private static List<String> keys(String emailKey, String phone) {
        var keys = new ArrayList<String>(2);
        if (emailKey != null) {
            keys.add("e:" + emailKey);
        }
        if (phone != null) {
            keys.add("p:" + phone);
        }
        return keys;
    }

    static String emailKey(Participant person) {
        return person.resident().emailKey();
    }

    static String phone(Participant person) {
        return person.resident().phoneE164();
    }

    /** The candidates' email keys and phones, for the queries that load what these rules need. */
    public static List<String> emailKeys(List<Participant> people) {
        return people.stream().map(ContactRules::emailKey).filter(k -> k != null).distinct().toList();
    }

    public static List<String> phones(List<Participant> people) {
        return people.stream().map(ContactRules::phone).filter(k -> k != null).distinct().toList();
    }
}
