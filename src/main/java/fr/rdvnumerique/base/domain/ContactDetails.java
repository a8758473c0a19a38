package fr.rdvnumerique.base.domain;

import java.util.Optional;

/**
 * How a resident can be reached: an email, a phone, or both; at least one. Many older residents have no
 * email address, so the phone alone is enough.
 */
public record ContactDetails(EmailAddress email, PhoneNumber phone) {

    public ContactDetails {
        if (email == null && phone == null) {
            throw new InvalidValueException("validation.contact.required");
        }
    }

    /** From what a person typed in two optional fields. */
    public static ContactDetails of(String email, String phone) {
        EmailAddress parsedEmail = isBlank(email) ? null : EmailAddress.of(email);
        PhoneNumber parsedPhone = isBlank(phone) ? null : PhoneNumber.parse(phone);
        return new ContactDetails(parsedEmail, parsedPhone);
    }

    public Optional<EmailAddress> emailAddress() {
        return Optional.ofNullable(email);
    }

    public Optional<PhoneNumber> phoneNumber() {
        return Optional.ofNullable(phone);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
