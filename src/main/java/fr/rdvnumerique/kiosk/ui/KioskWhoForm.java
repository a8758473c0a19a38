package fr.rdvnumerique.kiosk.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextFieldBase;
import fr.rdvnumerique.base.domain.PlaceResult;
import fr.rdvnumerique.base.ui.ContactFields;
import java.util.List;
import java.util.function.Consumer;

/**
 * 3. Who are you? The resident's {@link ContactFields} as the kiosk words them, and a single "Valider": each
 * mistake said next to its field and named in one sentence above the form ("Il faut compléter ou corriger : votre
 * nom et votre numéro de téléphone."), focus on the first of them.
 */
final class KioskWhoForm extends Div {

    /** Marks the sentence that names the fields to correct (not a sentence from the service). */
    private static final String LISTS_FIELDS = "data-lists-fields";

    /** What the person typed, kept while they go back and forth. */
    record Who(String firstName, String lastName, String phone, String email) {

        static final Who EMPTY = new Who("", "", "", "");
    }

    /** What "Valider" does with a checked form: register or book, and say on the form what stops it. */
    interface Submit {
        void accept(Who who, Feedback feedback);
    }

    /** Where a screen says why nothing was saved, keeping what was typed. */
    interface Feedback {

        /** A value the service refused, said next to its field when it is one of the form's. */
        void invalid(PlaceResult.Invalid<?, ?> invalid);

        /** A sentence above the form ("the service is busy, try again"). */
        void say(String text);
    }

    private final ContactFields contact = new ContactFields("kiosk", ContactFields.Wording.KIOSK);
    private final Paragraph error = errorParagraph("kiosk-who-error");

    KioskWhoForm(Who typed, Consumer<Who> onChange, Runnable touched, Submit submit) {
        contact.setValues(typed.firstName(), typed.lastName(), typed.email(), typed.phone());
        contact.email().setRequiredIndicatorVisible(false);
        List<TextFieldBase<?, String>> fields = contact.fields();
        // A corrected field loses its message at once; the sentence then names only the fields still to look at,
        // and goes with the last one.
        fields.forEach(field -> field.addValueChangeListener(e -> {
            onChange.accept(who());
            field.setInvalid(false);
            if (error.isVisible() && error.getElement().hasAttribute(LISTS_FIELDS) && sayWhichFields(false)) {
                error.setVisible(false);
            }
        }));
        var validate = new Button(getTranslation("kiosk.who.validate"));
        validate.setId("kiosk-validate");
        validate.addClassName("kiosk-primary");
        validate.addClickListener(e -> {
            touched.run();
            error.setVisible(false);
            contact.check();
            if (sayWhichFields(true)) {
                submit.accept(who(), feedback());
            }
        });
        var form = new Div();
        fields.forEach(form::add);
        form.add(validate);
        form.addClassName("kiosk-form");
        form.setId("kiosk-form");
        // The keyboard's "Entrée" key validates too.
        validate.addClickShortcut(Key.ENTER).listenOn(form);
        keepValidateAboveTheKeyboard(form);
        add(error, form);
    }

    private Who who() {
        return new Who(contact.givenNameValue(), contact.familyNameValue(), contact.phone().getValue(),
                contact.email().getValue());
    }

    private Feedback feedback() {
        return new Feedback() {
            @Override
            public void invalid(PlaceResult.Invalid<?, ?> invalid) {
                if (contact.show(invalid.field(), invalid.messageKey(), invalid.args())) {
                    sayWhichFields(true);
                } else {
                    say(getTranslation(invalid.messageKey(), invalid.args()));
                }
            }

            @Override
            public void say(String text) {
                KioskWhoForm.say(error, text);
            }
        };
    }

    void focus() {
        contact.givenName().focus();
    }

    /**
     * The sentence above the form names the fields to look at (not "what is in red"). Focus goes to the first.
     *
     * @return true when every field is right
     */
    private boolean sayWhichFields(boolean focus) {
        List<TextFieldBase<?, String>> wrong = contact.fields().stream().filter(TextFieldBase::isInvalid).toList();
        if (wrong.isEmpty()) {
            return true;
        }
        List<String> names = wrong.stream().map(f -> getTranslation("kiosk.who.field." + f.getId().orElseThrow())).toList();
        String list = names.size() == 1 ? names.getFirst()
                : String.join(", ", names.subList(0, names.size() - 1)) + getTranslation("kiosk.who.and") + names.getLast();
        say(error, getTranslation("kiosk.who.check", list));
        error.getElement().setAttribute(LISTS_FIELDS, true);
        if (focus) {
            wrong.getFirst().focus();
        }
        return false;
    }

    static Paragraph errorParagraph(String id) {
        var error = new Paragraph();
        error.setId(id);
        error.addClassName("kiosk-error");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);
        return error;
    }

    static void say(Paragraph error, String text) {
        error.setText(text);
        error.getElement().removeAttribute(LISTS_FIELDS);
        error.setVisible(true);
    }

    /**
     * On a touch screen the system keyboard covers the lower part of the screen: a field that gets the focus
     * is brought to the top, so it and the "Valider" button below it stay in sight (also when the keyboard
     * resizes the visible area).
     */
    private static void keepValidateAboveTheKeyboard(Div form) {
        form.getElement().executeJs("""
                const form = this;
                const reveal = () => {
                  const active = document.activeElement;
                  const field = active && active.closest && active.closest('vaadin-text-field, vaadin-email-field');
                  const validate = form.querySelector('#kiosk-validate');
                  if (!field || !validate || !form.isConnected || !form.contains(field)) {
                    return;
                  }
                  const view = window.visualViewport;
                  const top = (view ? view.offsetTop : 0) + 16;
                  const bottom = (view ? view.offsetTop + view.height : window.innerHeight) - 16;
                  const f = field.getBoundingClientRect();
                  const v = validate.getBoundingClientRect();
                  if (f.top >= top && v.bottom <= bottom) {
                    return;
                  }
                  // Down just enough to show the button, never past the field's top (the field comes first).
                  window.scrollBy({top: Math.min(v.bottom - bottom, f.top - top)});
                };
                form.addEventListener('focusin', () => setTimeout(reveal, 250));
                if (window.visualViewport) {
                  if (window.rdvKioskReveal) { window.visualViewport.removeEventListener('resize', window.rdvKioskReveal); }
                  window.rdvKioskReveal = reveal;
                  window.visualViewport.addEventListener('resize', reveal);
                }""");
    }
}
