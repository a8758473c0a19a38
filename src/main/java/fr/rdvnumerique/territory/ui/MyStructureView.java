package fr.rdvnumerique.territory.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import fr.rdvnumerique.base.domain.EmailAddress;
import fr.rdvnumerique.base.domain.PhoneNumber;
import fr.rdvnumerique.base.domain.Texts;
import fr.rdvnumerique.base.domain.Versioned;
import fr.rdvnumerique.base.security.Role;
import fr.rdvnumerique.base.ui.DomainValidators;
import fr.rdvnumerique.base.ui.Fields;
import fr.rdvnumerique.base.ui.UiMessages;
import fr.rdvnumerique.territory.StructureDetailsForm;
import fr.rdvnumerique.territory.StructureService;
import jakarta.annotation.security.RolesAllowed;

/**
 * A coordinator keeps what residents read about their structure up to date: its name, phone and e-mail. The
 * portal address and the structure's existence stay with the administrators.
 *
 * @see <a href="../../../../../../docs/adr/005-coordinators-edit-their-structure-details.md">ADR 005</a>
 */
@Route("staff/ma-structure")
@Menu(title = "territory.my-structure.menu", order = 49, icon = "INSTITUTION")
@RolesAllowed(Role.COORDINATOR_NAME)
class MyStructureView extends Div implements HasDynamicTitle {

    private final StructureService structures;
    private final Binder<StructureDetailsForm> binder = new Binder<>(StructureDetailsForm.class);
    private final Paragraph error = new Paragraph();
    private Versioned<StructureDetailsForm> loaded;

    MyStructureView(StructureService structures) {
        this.structures = structures;
        addClassName("staff-page");
        var name = new TextField(getTranslation("territory.structure.name"));
        name.setId("structure-name");
        name.setMaxLength(120);
        name.setHelperText(getTranslation("territory.my-structure.name.help"));
        var article = Fields.article(name);
        article.setId("structure-article");
        var phone = new TextField(getTranslation("territory.structure.phone"));
        phone.setId("structure-phone");
        phone.setHelperText(getTranslation("territory.structure.phone.help"));
        var email = Fields.email(getTranslation("territory.structure.email"));
        email.setId("structure-email");
        binder.forField(name).asRequired(getTranslation("validation.required"))
                .withValidator(DomainValidators.of(v -> Texts.required(v, 120))).bind("name");
        binder.forField(article).withValidator(DomainValidators.required("validation.required")).bind("article");
        binder.forField(phone).withValidator(DomainValidators.optional(PhoneNumber::parse)).bind("phone");
        binder.forField(email).withValidator(DomainValidators.optional(EmailAddress::of)).bind("email");

        error.addClassName("form-error");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);
        var save = new Button(getTranslation("action.save"), e -> save());
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.setId("structure-save");
        var form = new FormLayout(name, article, phone, email);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32rem", 2));
        add(new H1(getTranslation("territory.my-structure.title")),
                new Paragraph(getTranslation("territory.my-structure.intro")), error, form, save);
        load();
    }

    private void load() {
        loaded = structures.loadMine();
        binder.readRecord(loaded.value());
    }

    private void save() {
        error.setVisible(false);
        StructureDetailsForm form;
        try {
            form = binder.writeRecord();
        } catch (ValidationException e) {
            showError(getTranslation("form.check-fields"));
            return;
        }
        try {
            structures.updateMine(loaded.version(), form);
        } catch (RuntimeException e) {
            showError(UiMessages.describe(this, e));
            return;
        }
        load();
        UiMessages.success(this, "territory.my-structure.saved");
    }

    private void showError(String text) {
        error.setText(text);
        error.setVisible(true);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.page-title", getTranslation("territory.my-structure.title"));
    }
}
