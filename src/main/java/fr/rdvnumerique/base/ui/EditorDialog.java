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
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A staff form in a dialog, on a record: the binder checks each field (message next to it), then one service
 * call saves. When the service refuses, the dialog stays open with everything typed and says why.
 *
 * <p>The binder holds the record itself (record mode, fields bound by property name), or a mutable draft of it bound
 * with typed getters and setters ({@link #onDraft}), for a form large enough that a renamed field should fail to
 * compile rather than at the first opening.
 */
public class EditorDialog<T> extends Dialog {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(EditorDialog.class);

    private final Binder<?> binder;
    private final Consumer<T> show;
    private final Form<T> form;
    private final Paragraph error = new Paragraph();
    private final Button save;
    private Consumer<T> onSave = value -> { };
    private Runnable afterSave = () -> { };

    public EditorDialog(Binder<T> binder, Component... fields) {
        this(binder, binder::readRecord, binder::writeRecord, fields);
    }

    /**
     * A dialog whose binder holds a draft of the record: {@code toDraft} makes it when the dialog opens, the fields
     * write into it on save, and {@code fromDraft} gives the record the save action receives.
     */
    public static <T, D> EditorDialog<T> onDraft(Binder<D> binder, Function<T, D> toDraft, Function<D, T> fromDraft,
                                                 Component... fields) {
        var draft = new AtomicReference<D>();
        return new EditorDialog<>(binder, value -> {
            draft.set(toDraft.apply(value));
            binder.readBean(draft.get());
        }, () -> {
            binder.writeBean(draft.get());
            return fromDraft.apply(draft.get());
        }, fields);
    }

    /** What the fields hold, as the record the save action takes; refused while a field is wrong. */
    @FunctionalInterface
    private interface Form<T> {
        T value() throws ValidationException;
    }

    private EditorDialog(Binder<?> binder, Consumer<T> show, Form<T> form, Component... fields) {
        this.binder = binder;
        this.show = show;
        this.form = form;
        addClassName("editor-dialog");
        setModal(true);
        setCloseOnOutsideClick(false);
        setWidth("min(44rem, 100%)");
        var layout = new FormLayout(fields);
        layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32rem", 2));
        error.addClassName("form-error");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);
        add(error, layout);
        save = new Button(getTranslation("action.save"), e -> save());
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.setId("editor-save");
        var cancel = new Button(getTranslation("action.cancel"), e -> close());
        getFooter().add(cancel, save);
    }

    /** Opens the dialog on a value; {@code action} saves it, {@code then} runs after a successful save. */
    public void edit(String title, T value, Consumer<T> action, Runnable then) {
        setHeaderTitle(title);
        show.accept(value);
        this.onSave = action;
        this.afterSave = then;
        error.setVisible(false);
        open();
    }

    public Button saveButton() {
        return save;
    }

    public Binder<?> binder() {
        return binder;
    }

    void save() {
        T value;
        try {
            value = form.value();
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
