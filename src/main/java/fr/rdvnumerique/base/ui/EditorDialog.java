package fr.rdvnumerique.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import fr.rdvnumerique.base.domain.BusinessRuleException;
import java.util.function.Consumer;

/**
 * A staff form in a dialog, on a record: the binder checks each field (message next to it), then one service
 * call saves. When the service refuses, the dialog stays open with everything typed and says why.
 */
public class EditorDialog<T> extends Dialog {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(EditorDialog.class);

    private final Binder<T> binder;
    private final Paragraph error = new Paragraph();
    private final Button save;
    private Consumer<T> onSave = value -> { };
    private Runnable afterSave = () -> { };

    public EditorDialog(Binder<T> binder, Component... fields) {
        this.binder = binder;
        addClassName("editor-dialog");
        setModal(true);
        setCloseOnOutsideClick(false);
        setWidth("min(44rem, 100%)");
        var form = new FormLayout(fields);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32rem", 2));
        error.addClassName("form-error");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);
        add(error, form);
        save = new Button(getTranslation("action.save"), e -> save());
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.setId("editor-save");
        var cancel = new Button(getTranslation("action.cancel"), e -> close());
        getFooter().add(cancel, save);
    }

    /** Opens the dialog on a value; {@code action} saves it, {@code then} runs after a successful save. */
    public void edit(String title, T value, Consumer<T> action, Runnable then) {
        setHeaderTitle(title);
        binder.readRecord(value);
        this.onSave = action;
        this.afterSave = then;
        error.setVisible(false);
        open();
    }

    public Button saveButton() {
        return save;
    }

    public Binder<T> binder() {
        return binder;
    }

    void save() {
        T value;
        try {
            value = binder.writeRecord();
        } catch (ValidationException e) {
            showError(getTranslation("form.check-fields"));
            return;
        }
        try {
            onSave.accept(value);
        } catch (BusinessRuleException e) {
            showError(UiMessages.describe(this, e));
            return;
        } catch (org.springframework.security.access.AccessDeniedException e) {
            showError(getTranslation("error.access-denied"));
            return;
        } catch (org.springframework.dao.DataIntegrityViolationException
                 | org.springframework.dao.OptimisticLockingFailureException e) {
            // A colleague saved the same thing a moment before: the database refused, the form keeps what was typed.
            String text = UiMessages.describe(this, e);
            if (text.equals(getTranslation("error.unexpected"))) {
                log.error("Save refused by the database", fr.rdvnumerique.base.ops.LogSafe.redact(e));
            }
            showError(text);
            return;
        }
        close();
        afterSave.run();
    }

    private void showError(String text) {
        error.setText(text);
        error.setVisible(true);
    }
}
