package fr.rdvnumerique.base.ui;

import com.vaadin.flow.component.textfield.Autocapitalize;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldBase;
import fr.rdvnumerique.base.domain.EmailAddress;
import fr.rdvnumerique.base.domain.InvalidValueException;
import fr.rdvnumerique.base.domain.PersonName;
import fr.rdvnumerique.base.domain.PlaceResult;
import fr.rdvnumerique.base.domain.Resident;
import java.util.List;

/**
 * Who a resident is and how to reach them, as the four fields of every form where a resident takes a place (the
 * atelier form, the booking wizard, the staff booking dialog, the kiosk): given name, family name, e-mail, phone.
 * Checked by {@link Resident#problems}, the rules the services apply, with the same French message next to each
 * field. The form places the fields where it wants.
 *
 * <p>Ids: {@code <prefix>-first-name}, {@code -last-name}, {@code -email}, {@code -phone}.
 */
public final class ContactFields {

    /** A phone typed with spaces, dots or a +33 prefix fits easily; libphonenumber decides the rest. */
    public static final int MAX_PHONE_TYPED = 40;

    /**
     * How the fields speak. The kiosk speaks to the person ("Votre prénom"), expects a phone first (an e-mail only
     * for who has no phone) and, on a public screen, never suggests what the previous person typed.
     */
    public enum Wording {
        FORM, KIOSK
    }

    private final Wording wording;
    private final TextField givenName = new TextField();
    private final TextField familyName = new TextField();
    private final EmailField email = new EmailField();
    private final TextField phone = new TextField();

    public ContactFields(String idPrefix, Wording wording) {
        this.wording = wording;
        String labels = wording == Wording.KIOSK ? "contact.kiosk." : "contact.";
        setUp(givenName, idPrefix + "-first-name", labels + "given-name", PersonName.MAX_LENGTH);
        setUp(familyName, idPrefix + "-last-name", labels + "family-name", PersonName.MAX_LENGTH);
        setUp(email, idPrefix + "-email", labels + "email", EmailAddress.MAX_LENGTH);
        Fields.withMessages(email);
        setUp(phone, idPrefix + "-phone", labels + "phone", MAX_PHONE_TYPED);
        givenName.setRequiredIndicatorVisible(true);
        familyName.setRequiredIndicatorVisible(true);
        // A message about what the field held goes once the field changes (emptied, corrected): what it says now
        // is the rules' answer for the new value, never a stale one.
        for (TextFieldBase<?, String> field : List.of(givenName, familyName, email, phone)) {
            field.addValueChangeListener(e -> {
                if (field.isInvalid() || (isContact(field) && (email.isInvalid() || phone.isInvalid()))) {
                    recheck(field);
                }
            });
        }
        email.setHelperText(email.getTranslation(labels + "email.help"));
        phone.setHelperText(phone.getTranslation(labels + "phone.help"));
        if (wording == Wording.KIOSK) {
            givenName.setAutocapitalize(Autocapitalize.WORDS);
            familyName.setAutocapitalize(Autocapitalize.WORDS);
            givenName.setAutocomplete(Autocomplete.OFF);
            familyName.setAutocomplete(Autocomplete.OFF);
            email.setAutocomplete(Autocomplete.OFF);
            phone.setAutocomplete(Autocomplete.OFF);
            // The telephone keypad on touch screens; the text field has no property for it, so set it on its input.
            phone.getElement().executeJs("this.inputElement && this.inputElement.setAttribute('inputmode', 'tel')");
        } else {
            givenName.setAutocomplete(Autocomplete.GIVEN_NAME);
            familyName.setAutocomplete(Autocomplete.FAMILY_NAME);
            email.setAutocomplete(Autocomplete.EMAIL);
            phone.setAutocomplete(Autocomplete.TEL);
        }
    }

    private static void setUp(TextFieldBase<?, String> field, String id, String labelKey, int max) {
        field.setId(id);
        field.setLabel(field.getTranslation(labelKey));
        if (field instanceof EmailField mail) {
            mail.setMaxLength(max);
        } else if (field instanceof TextField text) {
            text.setMaxLength(max);
            text.setI18n(new TextField.TextFieldI18n()
                    .setMaxLengthErrorMessage(field.getTranslation("validation.too-long", max))
                    .setRequiredErrorMessage(field.getTranslation("validation.required")));
        }
    }

    public TextField givenName() {
        return givenName;
    }

    public TextField familyName() {
        return familyName;
    }

    public EmailField email() {
        return email;
    }

    public TextField phone() {
        return phone;
    }

    /** The four fields in the order they are shown: the kiosk asks for the phone before the e-mail. */
    public List<TextFieldBase<?, String>> fields() {
        return wording == Wording.KIOSK ? List.of(givenName, familyName, phone, email)
                : List.of(givenName, familyName, email, phone);
    }

    public String givenNameValue() {
        return givenName.getValue();
    }

    public String familyNameValue() {
        return familyName.getValue();
    }

    /** The e-mail as typed, or null when left empty. */
    public String emailValue() {
        return blankToNull(email.getValue());
    }

    /** The phone as typed, or null when left empty. */
    public String phoneValue() {
        return blankToNull(phone.getValue());
    }

    public void setValues(String given, String family, String emailValue, String phoneValue) {
        givenName.setValue(given == null ? "" : given);
        familyName.setValue(family == null ? "" : family);
        email.setValue(emailValue == null ? "" : emailValue);
        phone.setValue(phoneValue == null ? "" : phoneValue);
    }

    /**
     * Checks the four fields with the services' own rules and says each refusal next to its field.
     *
     * @return true when every field is right
     */
    public boolean check() {
        fields().forEach(f -> f.setInvalid(false));
        for (InvalidValueException problem : Resident.problems(givenName.getValue(), familyName.getValue(),
                email.getValue(), phone.getValue())) {
            show(problem.field(), problem.messageKey(), problem.arguments());
        }
        return fields().stream().noneMatch(TextFieldBase::isInvalid);
    }

    private boolean isContact(TextFieldBase<?, String> field) {
        return field == email || field == phone;
    }

    /** Checks again what {@code changed} is about (for e-mail and phone: both, a contact is either of them). */
    private void recheck(TextFieldBase<?, String> changed) {
        List<TextFieldBase<?, String>> concerned = isContact(changed) ? List.of(email, phone) : List.of(changed);
        concerned.forEach(f -> f.setInvalid(false));
        for (InvalidValueException problem : Resident.problems(givenName.getValue(), familyName.getValue(),
                email.getValue(), phone.getValue())) {
            boolean about = switch (problem.field() == null ? "" : problem.field()) {
                case Resident.GIVEN_NAME -> concerned.contains(givenName);
                case Resident.FAMILY_NAME -> concerned.contains(familyName);
                case Resident.EMAIL -> concerned.contains(email);
                case Resident.PHONE -> concerned.contains(phone);
                case Resident.CONTACT -> isContact(changed);
                default -> false;
            };
            if (about) {
                show(problem.field(), problem.messageKey(), problem.arguments());
            }
        }
    }

    /** Whether the only thing missing is a way to reach the person (forms say it in a sentence of their own). */
    public boolean onlyContactMissing() {
        List<InvalidValueException> problems = Resident.problems(givenName.getValue(), familyName.getValue(),
                email.getValue(), phone.getValue());
        return problems.size() == 1 && Resident.CONTACT.equals(problems.getFirst().field());
    }

    /**
     * Says a refusal next to the field it is about: one the service gave back ({@code PlaceResult.Invalid}), or
     * one of {@link #check()}'s.
     *
     * @return false when {@code field} is not one of these four (the form says it elsewhere)
     */
    public boolean show(String field, String messageKey, Object... arguments) {
        if (field == null) {
            return false;
        }
        switch (field) {
            case Resident.GIVEN_NAME -> invalid(givenName, givenName.getTranslation(messageKey, arguments));
            case Resident.FAMILY_NAME -> invalid(familyName, familyName.getTranslation(messageKey, arguments));
            case Resident.EMAIL -> invalid(email, email.getTranslation(messageKey, arguments));
            case Resident.PHONE -> invalid(phone, phone.getTranslation(messageKey, arguments));
            case Resident.CONTACT -> {
                if (wording == Wording.KIOSK) {
                    invalid(phone, phone.getTranslation("contact.kiosk.phone-required"));
                } else {
                    String message = email.getTranslation(messageKey, arguments);
                    invalid(email, message);
                    invalid(phone, message);
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private static void invalid(TextFieldBase<?, String> field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
