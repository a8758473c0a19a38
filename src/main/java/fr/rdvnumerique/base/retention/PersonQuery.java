package fr.rdvnumerique.base.retention;

import fr.rdvnumerique.base.domain.EmailAddress;
import fr.rdvnumerique.base.domain.InvalidValueException;
import fr.rdvnumerique.base.domain.PhoneNumber;
import java.util.ArrayList;
import java.util.List;

/**
 * Whom a resident's data request is about: the e-mail (canonical) and/or the phone (E.164) they gave, and the
 * pseudonymous keys of both ({@link PersonKeys}), which find their records even after the contact was anonymised.
 *
 * @param email null when not given
 * @param phone null when not given
 * @param keys  the person keys of the e-mail and of the phone (one or two)
 */
public record PersonQuery(String email, String phone, List<String> keys) {

    /** Form fields, as {@link InvalidValueException#field()} names them. */
    public static final String EMAIL = "email";
    public static final String PHONE = "phone";

    public PersonQuery {
        keys = List.copyOf(keys);
    }

    /** From what the coordinator typed; at least one of the two. */
    public static PersonQuery parse(String email, String phone, PersonKeys personKeys) {
        boolean noEmail = email == null || email.isBlank();
        boolean noPhone = phone == null || phone.isBlank();
        if (noEmail && noPhone) {
            throw InvalidValueException.forField(EMAIL, "validation.contact.required");
        }
        String canonical;
        try {
            canonical = noEmail ? null : EmailAddress.of(email).canonical();
        } catch (InvalidValueException e) {
            throw InvalidValueException.forField(EMAIL, e.messageKey(), e.arguments());
        }
        String e164;
        try {
            e164 = noPhone ? null : PhoneNumber.parse(phone).e164();
        } catch (InvalidValueException e) {
            throw InvalidValueException.forField(PHONE, e.messageKey(), e.arguments());
        }
        var keys = new ArrayList<String>();
        if (canonical != null) {
            keys.add(personKeys.of(canonical, null));
        }
        if (e164 != null) {
            keys.add(personKeys.of(null, e164));
        }
        return new PersonQuery(canonical, e164, keys);
    }

    /** For SQL {@code in (...)}: never empty. */
    public List<String> keysOrNone() {
        return keys.isEmpty() ? List.of("-") : keys;
    }
}
