package fr.rdvnumerique.base.ui;

import com.vaadin.flow.component.textfield.EmailField;
import fr.rdvnumerique.base.domain.EmailAddress;

/**
 * Fields whose own checks speak French. An e-mail field refuses a malformed address before the binder's
 * validators run; without these texts its message next to the field would be empty.
 */
public final class Fields {

    private Fields() {
    }

    public static EmailField email(String label) {
        return withMessages(new EmailField(label));
    }

    /** Gives an existing e-mail field the bundle's messages. */
    public static EmailField withMessages(EmailField field) {
        field.setI18n(new EmailField.EmailFieldI18n()
                .setPatternErrorMessage(field.getTranslation("validation.email"))
                .setRequiredErrorMessage(field.getTranslation("validation.required"))
                .setMaxLengthErrorMessage(field.getTranslation("validation.too-long", EmailAddress.MAX_LENGTH)));
        return field;
    }
}
