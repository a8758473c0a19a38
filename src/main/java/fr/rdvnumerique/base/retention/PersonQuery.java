package fr.rdvnumerique.base.retention;

import fr.rdvnumerique.base.domain.EmailAddress;
import fr.rdvnumerique.base.domain.InvalidValueException;
import fr.rdvnumerique.base.domain.PhoneNumber;
import java.util.ArrayList;
import java.util.List;

/**
 * Whom a resident's data request is about: the e-mail and/or the phone they gave, normalised as the person key
 * normalises them ({@link PersonKeys}: the e-mail in lower case, the phone in E.164), and the person keys of both,
 * which still find their records once the retention job removed the contact.
 *
 * @param email canonical e-mail, null when not given
 * @param phone E.164 phone, null when not given
 * @param keys  the person key of the e-mail and/or of the phone (one or two)
 */
public record PersonQuery(String email, String phone, List<String> keys) {

    /** Form fields, as {@link InvalidValueException#field()} names them. */
    public static final String EMAIL = "email";
    public static final String PHONE = "phone";

    public PersonQuery {
        if (email == null && phone == null) {
            throw InvalidValueException.forField(EMAIL, "rgpd.contact.required");
        }
        keys = List.copyOf(keys);
    }

    /** From what the staff member typed (any case, spaces, national or international phone); one of the two at least. */
    public static PersonQuery parse(String email, String phone, PersonKeys personKeys) {
        boolean noEmail = email == null || email.isBlank();
        boolean noPhone = phone == null || phone.isBlank();
        if (noEmail && noPhone) {
            throw InvalidValueException.forField(EMAIL, "rgpd.contact.required");
        }
        String canonical = noEmail ? null
                : InvalidValueException.inField(EMAIL, () -> EmailAddress.of(email).canonical());
        String e164 = noPhone ? null : InvalidValueException.inField(PHONE, () -> PhoneNumber.parse(phone).e164());
        var keys = new ArrayList<String>();
        if (canonical != null) {
            keys.add(personKeys.of(canonical, null));
        }
        if (e164 != null) {
            keys.add(personKeys.of(null, e164));
        }
        return new PersonQuery(canonical, e164, keys);
    }

    /** The first key, for SQL {@code person_key in (?, ?)}. */
    public String key1() {
        return keys.getFirst();
    }

    /** The second key, or the first again. */
    public String key2() {
        return keys.getLast();
    }

    /** Which contacts were given, for the audit trail (never the contacts themselves): "email", "phone", "email+phone". */
    public String given() {
        return email != null && phone != null ? "email+phone" : email != null ? "email" : "phone";
    }
}
