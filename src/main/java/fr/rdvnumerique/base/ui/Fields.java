package fr.rdvnumerique.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.textfield.EmailField;
import fr.rdvnumerique.base.domain.BusinessRuleException;
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

    /**
     * For a form without a binder: runs the domain's check of the field's value ({@code PersonName.of(...)} and
     * the like) and puts its French message next to the field when it refuses; true when the value is fine.
     */
    public static <F extends Component & HasValidation> boolean check(F field, Runnable domainCheck) {
        try {
            domainCheck.run();
            field.setInvalid(false);
            return true;
        } catch (BusinessRuleException e) {
            field.setErrorMessage(UiMessages.describe(field, e));
            field.setInvalid(true);
            return false;
        }
    }
}
