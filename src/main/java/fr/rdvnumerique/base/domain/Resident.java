package fr.rdvnumerique.base.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * A resident who asks for a place (a seat at an atelier, an appointment): given and family name as the national
 * activity tool records them, and how to reach them — an e-mail, a phone, or both. Both modules take it from
 * what the person typed with {@link #parse}, whose refusals name the field to correct.
 */
public record Resident(PersonName givenName, PersonName familyName, ContactDetails contact) {

    /** Form fields, as {@link InvalidValueException#field()} names them. */
    public static final String GIVEN_NAME = "givenName";
    public static final String FAMILY_NAME = "familyName";
    public static final String EMAIL = "email";
    public static final String PHONE = "phone";
    /** Neither an e-mail nor a phone: the refusal is about the two fields together. */
    public static final String CONTACT = "contact";

    public Resident {
        if (givenName == null || familyName == null || contact == null) {
            throw new InvalidValueException("validation.required");
        }
    }

    /**
     * From what a person typed in the four fields (e-mail and phone optional, one of them required).
     *
     * @throws InvalidValueException naming the field, with the rule's key
     */
    public static Resident parse(String givenName, String familyName, String email, String phone) {
        PersonName given = InvalidValueException.inField(GIVEN_NAME, () -> PersonName.of(givenName));
        PersonName family = InvalidValueException.inField(FAMILY_NAME, () -> PersonName.of(familyName));
        EmailAddress parsedEmail = isBlank(email) ? null : InvalidValueException.inField(EMAIL, () -> EmailAddress.of(email));
        PhoneNumber parsedPhone = isBlank(phone) ? null : InvalidValueException.inField(PHONE, () -> PhoneNumber.parse(phone));
        ContactDetails contact = InvalidValueException.inField(CONTACT, () -> new ContactDetails(parsedEmail, parsedPhone));
        return new Resident(given, family, contact);
    }

    /**
     * Every field's refusal at once, for a form that shows them all (empty when {@link #parse} accepts the values):
     * the same rules as {@code parse}, in the order of the fields.
     */
    public static List<InvalidValueException> problems(String givenName, String familyName, String email, String phone) {
        var problems = new ArrayList<InvalidValueException>();
        check(problems, () -> InvalidValueException.inField(GIVEN_NAME, () -> PersonName.of(givenName)));
        check(problems, () -> InvalidValueException.inField(FAMILY_NAME, () -> PersonName.of(familyName)));
        if (!isBlank(email)) {
            check(problems, () -> InvalidValueException.inField(EMAIL, () -> EmailAddress.of(email)));
        }
        if (!isBlank(phone)) {
            check(problems, () -> InvalidValueException.inField(PHONE, () -> PhoneNumber.parse(phone)));
        }
        if (isBlank(email) && isBlank(phone)) {
            problems.add(InvalidValueException.forField(CONTACT, "validation.contact.required"));
        }
        return problems;
    }

    private static void check(List<InvalidValueException> problems, Runnable parse) {
        try {
            parse.run();
        } catch (InvalidValueException e) {
            problems.add(e);
        }
    }

    /** "Marie-Hélène N’Diaye": how screens, mails and agendas name the person. */
    public String displayName() {
        return givenName.value() + " " + familyName.value();
    }

    /** The e-mail as one person's key (case does not matter), or null. */
    public String emailKey() {
        return contact.emailAddress().map(EmailAddress::canonical).orElse(null);
    }

    /** The phone in E.164, or null. */
    public String phoneE164() {
        return contact.phoneNumber().map(PhoneNumber::e164).orElse(null);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
