package fr.rdvnumerique.base.ui;

import com.vaadin.flow.component.select.Select;
import fr.rdvnumerique.base.domain.NoticeChoice;
import java.util.List;

/**
 * Staff forms where someone is booked on a resident's behalf: how the person wants to be told (e-mail, SMS, a call
 * from the staff, nothing), or nothing chosen (by the contact given: a mail, else an SMS to a mobile, else a call).
 * Id {@code <prefix>-notice-by}; a service's {@code Invalid} for the field {@code notice-by} shows next to it.
 */
public class NoticeChoiceField extends Select<NoticeChoice> {

    public static final String FIELD = "notice-by";

    public NoticeChoiceField(String idPrefix) {
        setId(idPrefix + "-" + FIELD);
        setLabel(getTranslation("notice-choice.label"));
        setItems(List.of(NoticeChoice.values()));
        setEmptySelectionAllowed(true);
        setEmptySelectionCaption(getTranslation("notice-choice.auto"));
        setItemLabelGenerator(choice -> choice == null ? getTranslation("notice-choice.auto")
                : getTranslation(choice.labelKey()));
        setHelperText(getTranslation("notice-choice.help"));
        addValueChangeListener(e -> setInvalid(false));
    }

    /** Shows a service's refusal of this field; false when the refusal is about another field. */
    public boolean show(String field, String messageKey, Object... args) {
        if (!FIELD.equals(field)) {
            return false;
        }
        setErrorMessage(getTranslation(messageKey, args));
        setInvalid(true);
        return true;
    }
}
