package fr.rdvnumerique.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.binder.Validator;
import fr.rdvnumerique.base.domain.InvalidValueException;
import java.util.Collection;
import java.util.function.Consumer;

/**
 * Form fields are checked by the same code as the domain (value objects, entity guards), so the message next
 * to a field is the one the service would give, in French.
 */
public final class DomainValidators {

    private DomainValidators() {
    }

    /** A binder validator from a domain check that throws {@link InvalidValueException}. */
    public static <T> Validator<T> of(Consumer<T> check) {
        return (value, context) -> {
            try {
                check.accept(value);
                return ValidationResult.ok();
            } catch (InvalidValueException e) {
                return ValidationResult.error(UI.getCurrent().getTranslation(e.messageKey(), e.arguments()));
            }
        };
    }

    /** Like {@link #of(Consumer)}, skipping empty optional values. */
    public static Validator<String> optional(Consumer<String> check) {
        return of(value -> {
            if (value != null && !value.isBlank()) {
                check.accept(value);
            }
        });
    }

    /**
     * A value must be chosen (a null or an empty set is refused), with the bundle's message under {@code messageKey}.
     * Use it instead of {@code asRequired} on a {@code Select}, a checkbox group, a custom field or a date-time picker:
     * {@code asRequired} marks the field required, and those components then put {@code aria-required} on an element
     * whose role does not allow it (the select's value button, a "group"), which axe reports as a critical WCAG
     * violation. Text fields, combo boxes, date and time pickers and radio groups may keep {@code asRequired}.
     */
    public static <T> Validator<T> required(String messageKey) {
        return (value, context) -> value == null || value instanceof Collection<?> chosen && chosen.isEmpty()
                ? ValidationResult.error(UI.getCurrent().getTranslation(messageKey))
                : ValidationResult.ok();
    }
}
