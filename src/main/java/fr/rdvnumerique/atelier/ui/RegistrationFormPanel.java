package fr.rdvnumerique.atelier.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.data.binder.ValidationResult;
import fr.rdvnumerique.atelier.Channel;
import fr.rdvnumerique.atelier.RegistrationRequest;
import fr.rdvnumerique.base.domain.EmailAddress;
import fr.rdvnumerique.base.domain.InvalidValueException;
import fr.rdvnumerique.base.domain.PersonName;
import fr.rdvnumerique.base.domain.PhoneNumber;
import fr.rdvnumerique.base.taxonomy.AgeBand;
import fr.rdvnumerique.base.taxonomy.Theme;
import fr.rdvnumerique.base.ui.DomainValidators;
import fr.rdvnumerique.base.ui.Fields;
import fr.rdvnumerique.territory.CommuneSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The short registration form, for residents and for staff registering someone: first and last name, email or
 * phone, an optional accompanying person, and optional commune, age band and wishes. Each field is checked by
 * the domain's own rules, with the French message next to it.
 */
class RegistrationFormPanel extends Div {

    private final Binder<RegistrationForm> binder = new Binder<>(RegistrationForm.class);
    private final TextField firstName = new TextField();
    private final TextField lastName = new TextField();
    private final EmailField email = new EmailField();
    private final TextField phone = new TextField();
    private final Checkbox withCompanion = new Checkbox();
    private final TextField companionFirstName = new TextField();
    private final TextField companionLastName = new TextField();
    private final Select<RegistrationForm.Residence> residence = new Select<>();
    private final Select<AgeBand> ageBand = new Select<>();
    private final CheckboxGroup<Theme> interests = new CheckboxGroup<>();
    private final Checkbox reminders = new Checkbox();
    private final Paragraph error = new Paragraph();

    RegistrationFormPanel(List<CommuneSummary> communes) {
        addClassName("atelier-form");
        error.addClassName("form-error");
        error.setId("atelier-form-error");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);

        text(firstName, "atelier.register.first-name", "atelier-first-name", PersonName.MAX_LENGTH);
        firstName.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.GIVEN_NAME);
        text(lastName, "atelier.register.last-name", "atelier-last-name", PersonName.MAX_LENGTH);
        lastName.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.FAMILY_NAME);
        firstName.setRequiredIndicatorVisible(true);
        lastName.setRequiredIndicatorVisible(true);
        email.setLabel(getTranslation("atelier.register.email"));
        email.setHelperText(getTranslation("atelier.register.email.help"));
        email.setId("atelier-email");
        email.setMaxLength(EmailAddress.MAX_LENGTH);
        Fields.withMessages(email);
        text(phone, "atelier.register.phone", "atelier-phone", 40);
        phone.setHelperText(getTranslation("atelier.register.phone.help"));
        phone.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.TEL);

        withCompanion.setLabel(getTranslation("atelier.register.companion"));
        withCompanion.setId("atelier-companion");
        text(companionFirstName, "atelier.register.companion-first-name", "atelier-companion-first-name", PersonName.MAX_LENGTH);
        text(companionLastName, "atelier.register.companion-last-name", "atelier-companion-last-name", PersonName.MAX_LENGTH);
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
        interests.setLabel(getTranslation("atelier.register.interests"));
        interests.setId("atelier-interests");
        interests.setItems(Theme.values());
        interests.setItemLabelGenerator(t -> getTranslation(t.labelKey()));
        interests.addClassName("atelier-interests");
        reminders.setLabel(getTranslation("atelier.register.reminders"));
        reminders.setId("atelier-reminders");

        binder.forField(firstName).asRequired(getTranslation("validation.required"))
                .withValidator(DomainValidators.of(PersonName::of)).bind("firstName");
        binder.forField(lastName).asRequired(getTranslation("validation.required"))
                .withValidator(DomainValidators.of(PersonName::of)).bind("lastName");
        binder.forField(email).withValidator(DomainValidators.optional(EmailAddress::of)).bind("email");
        binder.forField(phone).withValidator(DomainValidators.optional(PhoneNumber::parse)).bind("phone");
        binder.forField(withCompanion).bind("withCompanion");
        binder.forField(companionFirstName).withValidator(companionName()).bind("companionFirstName");
        binder.forField(companionLastName).withValidator(companionName()).bind("companionLastName");
        binder.forField(residence).bind("residence");
        binder.forField(ageBand).bind("ageBand");
        binder.forField(interests).bind("interests");
        binder.forField(reminders).bind("wantsReminders");
        binder.readRecord(RegistrationForm.empty());

        var contact = new Div(email, phone);
        contact.addClassName("atelier-contact");
        var names = new Div(firstName, lastName);
        names.addClassName("atelier-names");
        var about = new Div(residence, ageBand);
        about.addClassName("atelier-about");
        add(error, names, contact, withCompanion, companion, about, interests, reminders);
    }

    private void text(TextField field, String labelKey, String id, int max) {
        field.setLabel(getTranslation(labelKey));
        field.setId(id);
        field.setMaxLength(max);
        field.setI18n(new TextField.TextFieldI18n().setMaxLengthErrorMessage(getTranslation("validation.too-long", max))
                .setRequiredErrorMessage(getTranslation("validation.required")));
    }

    private com.vaadin.flow.data.binder.Validator<String> companionName() {
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
    Optional<RegistrationRequest> read(long sessionId, Channel channel) {
        clearContactError();
        RegistrationForm form;
        try {
            form = binder.writeRecord();
        } catch (ValidationException e) {
            showError(getTranslation("form.check-fields"));
            return Optional.empty();
        }
        if (blank(form.email()) && blank(form.phone())) {
            String message = getTranslation("validation.contact.required");
            setInvalid(email, message);
            setInvalid(phone, message);
            showError(getTranslation("form.check-fields"));
            return Optional.empty();
        }
        error.setVisible(false);
        var r = form.residence();
        return Optional.of(new RegistrationRequest(sessionId, form.firstName(), form.lastName(), form.email(),
                form.phone(), form.withCompanion() ? form.companionFirstName() : null,
                form.withCompanion() ? form.companionLastName() : null, r == null ? null : r.communeId(),
                r != null && r.communeId() == null, form.ageBand(), form.interests(), form.wantsReminders(), channel,
                null));
    }

    /** The service refused a value: the message goes next to the field it is about (or on top). */
    void show(InvalidValueException e) {
        String message = getTranslation(e.messageKey(), e.arguments());
        List<HasValidation> fields = switch (e.messageKey()) {
            case "validation.contact.required" -> List.of(email, phone);
            case "validation.email" -> List.of(email);
            case "validation.phone" -> List.of(phone);
            case "atelier.registration.companion.incomplete" -> List.of(companionFirstName, companionLastName);
            case "atelier.registration.commune.invalid" -> List.of(residence);
            default -> List.of();
        };
        fields.forEach(f -> setInvalid(f, message));
        showError(fields.isEmpty() ? message : getTranslation("form.check-fields"));
    }

    void showError(String text) {
        error.setText(text);
        error.setVisible(true);
    }

    void clear() {
        binder.readRecord(RegistrationForm.empty());
        error.setVisible(false);
    }

    private void clearContactError() {
        email.setInvalid(false);
        phone.setInvalid(false);
    }

    private static void setInvalid(HasValidation field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    Component firstField() {
        return firstName;
    }
}
