package fr.rdvnumerique.atelier.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.binder.Validator;
import fr.rdvnumerique.atelier.RegistrationRequest;
import fr.rdvnumerique.atelier.domain.Participant;
import fr.rdvnumerique.base.domain.Origin;
import fr.rdvnumerique.base.domain.PersonName;
import fr.rdvnumerique.base.domain.PlaceResult;
import fr.rdvnumerique.base.taxonomy.AgeBand;
import fr.rdvnumerique.base.taxonomy.Theme;
import fr.rdvnumerique.base.ui.ContactFields;
import fr.rdvnumerique.base.ui.DomainValidators;
import fr.rdvnumerique.territory.CommuneSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The short registration form, for residents and for staff registering someone: who the person is and how to
 * reach them ({@link ContactFields}), an optional accompanying person, and optional commune, age band and wishes.
 * Each field is checked by the domain's own rules, with the French message next to it.
 */
class RegistrationFormPanel extends Div {

    private final ContactFields contact = new ContactFields("atelier", ContactFields.Wording.FORM);
    private final Binder<RegistrationForm> binder = new Binder<>(RegistrationForm.class);
    private final Checkbox withCompanion = new Checkbox();
    private final TextField companionFirstName = new TextField();
    private final TextField companionLastName = new TextField();
    private final Select<RegistrationForm.Residence> residence = new Select<>();
    private final Select<AgeBand> ageBand = new Select<>();
    // The nineteen themes are built only when the person asks to give them: optional, and nineteen components
    // on every visitor's form otherwise.
    private final Button interestsOpen = new Button();
    private CheckboxGroup<Theme> interests;
    private final Checkbox reminders = new Checkbox();
    private final Paragraph error = new Paragraph();

    RegistrationFormPanel(List<CommuneSummary> communes) {
        addClassName("atelier-form");
        error.addClassName("form-error");
        error.setId("atelier-form-error");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);
        contact.email().setHelperText(getTranslation("atelier.register.email.help"));

        withCompanion.setLabel(getTranslation("atelier.register.companion"));
        withCompanion.setId("atelier-companion");
        text(companionFirstName, "atelier.register.companion-first-name", "atelier-companion-first-name");
        text(companionLastName, "atelier.register.companion-last-name", "atelier-companion-last-name");
        var companion = new Div(companionFirstName, companionLastName);
        companion.addClassName("atelier-companion");
        companion.setVisible(false);
        withCompanion.addValueChangeListener(e -> companion.setVisible(e.getValue()));

        var choices = new ArrayList<RegistrationForm.Residence>();
        communes.forEach(c -> choices.add(new RegistrationForm.Residence(c.id(), c.name())));
        choices.add(new RegistrationForm.Residence(null, getTranslation("atelier.register.commune.elsewhere")));
        residence.setLabel(getTranslation("atelier.register.commune"));
        residence.setId("atelier-commune");
        residence.setItems(choices);
        residence.setItemLabelGenerator(r -> r == null ? "" : r.name());
        residence.setEmptySelectionAllowed(true);
        ageBand.setLabel(getTranslation("atelier.register.age"));
        ageBand.setId("atelier-age");
        ageBand.setItems(AgeBand.values());
        ageBand.setItemLabelGenerator(a -> a == null ? "" : getTranslation(a.labelKey()));
        ageBand.setEmptySelectionAllowed(true);
        interestsOpen.setText(getTranslation("atelier.register.interests.open"));
        interestsOpen.setId("atelier-interests-open");
        interestsOpen.addThemeVariants(ButtonVariant.TERTIARY);
        interestsOpen.addClassName("atelier-interests-open");
        interestsOpen.addClickListener(e -> openInterests());
        reminders.setLabel(getTranslation("atelier.register.reminders"));
        reminders.setId("atelier-reminders");

        binder.forField(withCompanion).bind("withCompanion");
        binder.forField(companionFirstName).withValidator(companionName()).bind("companionFirstName");
        binder.forField(companionLastName).withValidator(companionName()).bind("companionLastName");
        binder.forField(residence).bind("residence");
        binder.forField(ageBand).bind("ageBand");
        binder.forField(reminders).bind("wantsReminders");
        binder.readRecord(RegistrationForm.empty());

        var names = new Div(contact.givenName(), contact.familyName());
        names.addClassName("atelier-names");
        var reach = new Div(contact.email(), contact.phone());
        reach.addClassName("atelier-contact");
        var about = new Div(residence, ageBand);
        about.addClassName("atelier-about");
        add(error, names, reach, withCompanion, companion, about, interestsOpen, reminders);
    }

    /** « Ce que je veux apprendre »: the themes, in place of the button that asked for them. */
    private void openInterests() {
        interests = new CheckboxGroup<>();
        interests.setLabel(getTranslation("atelier.register.interests"));
        interests.setId("atelier-interests");
        interests.setItems(Theme.values());
        interests.setItemLabelGenerator(t -> getTranslation(t.labelKey()));
        interests.addClassName("atelier-interests");
        replace(interestsOpen, interests);
        // The button that had the keyboard's focus is gone: the first theme takes it.
        interests.getElement()
                .executeJs("const first = this.querySelector('vaadin-checkbox'); if (first) first.focus();");
    }

    private void text(TextField field, String labelKey, String id) {
        field.setLabel(getTranslation(labelKey));
        field.setId(id);
        field.setMaxLength(PersonName.MAX_LENGTH);
        field.setI18n(new TextField.TextFieldI18n()
                .setMaxLengthErrorMessage(getTranslation("validation.too-long", PersonName.MAX_LENGTH))
                .setRequiredErrorMessage(getTranslation("validation.required")));
    }

    private Validator<String> companionName() {
        return (value, context) -> {
            if (!withCompanion.getValue()) {
                return ValidationResult.ok();
            }
            if (value == null || value.isBlank()) {
                return ValidationResult.error(getTranslation("atelier.registration.companion.incomplete"));
            }
            return DomainValidators.of(PersonName::of).apply(value, context);
        };
    }

    /** The request when every field is right; otherwise the messages are shown and nothing is returned. */
    Optional<RegistrationRequest> read(long sessionId, Origin origin) {
        boolean contactRight = contact.check();
        RegistrationForm form;
        try {
            form = binder.writeRecord();
        } catch (ValidationException e) {
            showError(getTranslation("form.check-fields"));
            return Optional.empty();
        }
        if (!contactRight) {
            showError(getTranslation("form.check-fields"));
            return Optional.empty();
        }
        error.setVisible(false);
        var r = form.residence();
        return Optional.of(new RegistrationRequest(sessionId, contact.givenNameValue(), contact.familyNameValue(),
                contact.emailValue(), contact.phoneValue(), form.withCompanion() ? form.companionFirstName() : null,
                form.withCompanion() ? form.companionLastName() : null, r == null ? null : r.communeId(),
                r != null && r.communeId() == null, form.ageBand(), interests == null ? Set.of() : interests.getValue(),
                form.wantsReminders(), origin));
    }

    /** The service refused a value: the message goes next to the field it is about (or on top). */
    void show(PlaceResult.Invalid<?, ?> invalid) {
        String message = getTranslation(invalid.messageKey(), invalid.args());
        boolean nextToField = contact.show(invalid.field(), invalid.messageKey(), invalid.args());
        if (Participant.COMPANION.equals(invalid.field())) {
            for (TextField field : List.of(companionFirstName, companionLastName)) {
                field.setErrorMessage(message);
                field.setInvalid(true);
            }
            nextToField = true;
        } else if (Participant.COMMUNE.equals(invalid.field())) {
            residence.setErrorMessage(message);
            residence.setInvalid(true);
            nextToField = true;
        }
        showError(nextToField ? getTranslation("form.check-fields") : message);
    }

    void showError(String text) {
        error.setText(text);
        error.setVisible(true);
    }
}
