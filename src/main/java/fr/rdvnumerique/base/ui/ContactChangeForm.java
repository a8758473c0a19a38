package fr.rdvnumerique.base.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.base.domain.InvalidValueException;

/**
 * « Changer mon e-mail ou mon téléphone » on a resident's private page: the e-mail and phone fields of
 * {@link ContactFields} (the name stays as booked), checked with the shared {@code Resident} rules before the
 * service is called, and a refusal of the service shown next to its field. Ids: {@code <prefix>-email},
 * {@code <prefix>-phone}, {@code <prefix>-save}, {@code <prefix>-error}.
 */
public class ContactChangeForm extends Div {

    /** The one service call: saves the new contact, or throws what is wrong. */
    @FunctionalInterface
    public interface Save {
        void save(String email, String phone);
    }

    private final ContactFields fields;
    private final Paragraph error = new Paragraph();

    public ContactChangeForm(String idPrefix, String givenName, String familyName, String email, String phone,
                             Save save, Runnable saved) {
        addClassName("contact-change");
        fields = new ContactFields(idPrefix, ContactFields.Wording.FORM);
        fields.setValues(givenName, familyName, email, phone);
        fields.givenName().setVisible(false);
        fields.familyName().setVisible(false);
        error.setId(idPrefix + "-error");
        error.addClassName("contact-change-error");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);
        var button = new Button(getTranslation("contact.change.save"), e -> {
            error.setVisible(false);
            if (!fields.check()) {
                return;
            }
            try {
                save.save(fields.emailValue(), fields.phoneValue());
                saved.run();
            } catch (InvalidValueException ex) {
                if (!fields.show(ex.field(), ex.messageKey(), ex.arguments())) {
                    showError(getTranslation(ex.messageKey(), ex.arguments()));
                }
            } catch (BusinessRuleException ex) {
                showError(UiMessages.describe(this, ex));
            }
        });
        button.setId(idPrefix + "-save");
        button.addThemeVariants(ButtonVariant.PRIMARY);
        add(new H2(getTranslation("contact.change.title")), new Paragraph(getTranslation("contact.change.help")),
                fields.email(), fields.phone(), error, button);
    }

    private void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }
}
