package fr.rdvnumerique.territory.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import fr.rdvnumerique.base.domain.InvalidValueException;
import fr.rdvnumerique.base.domain.Texts;
import fr.rdvnumerique.base.domain.Versioned;
import fr.rdvnumerique.base.security.CurrentStaff;
import fr.rdvnumerique.base.security.Role;
import fr.rdvnumerique.base.ui.DomainValidators;
import fr.rdvnumerique.base.ui.Pickers;
import fr.rdvnumerique.base.ui.UiMessages;
import fr.rdvnumerique.base.web.LegalPaths;
import fr.rdvnumerique.territory.AccessibilityState;
import fr.rdvnumerique.territory.LegalPages;
import fr.rdvnumerique.territory.LegalPagesForm;
import fr.rdvnumerique.territory.TerritoryDirectory;
import jakarta.annotation.security.RolesAllowed;

/**
 * A coordinator completes the structure's three legal pages: the blanks of the templates (director of publication,
 * address, data protection contact, the accessibility declaration's state, results and contact), and reads each
 * published page from here.
 */
@Route("staff/pages-legales")
@Menu(title = "territory.legal.menu", order = 48, icon = "FILE_TEXT")
@RolesAllowed(Role.COORDINATOR_NAME)
class LegalPagesView extends Div implements HasDynamicTitle {

    private final LegalPages pages;
    private final Binder<LegalPagesForm> binder = new Binder<>(LegalPagesForm.class);
    private final Paragraph error = new Paragraph();
    private final IntegerField rate = new IntegerField(getTranslation("territory.legal.rate"));
    private Versioned<LegalPagesForm> loaded;

    LegalPagesView(LegalPages pages, CurrentStaff staff, TerritoryDirectory directory) {
        this.pages = pages;
        addClassName("staff-page");
        String slug = directory.structure(staff.structureId()).map(s -> s.slug()).orElse("");

        var director = text("legal-director", "territory.legal.director", 120);
        director.setHelperText(getTranslation("territory.legal.director.help"));
        var address = new TextArea(getTranslation("territory.legal.address"));
        address.setId("legal-address");
        address.setMaxLength(300);
        address.setHelperText(getTranslation("territory.legal.address.help"));
        var dpo = text("legal-dpo", "territory.legal.dpo", 254);
        dpo.setHelperText(getTranslation("territory.legal.dpo.help"));

        var state = new Select<AccessibilityState>();
        state.setLabel(getTranslation("territory.legal.state"));
        state.setId("legal-state");
        state.setItems(AccessibilityState.values());
        state.setItemLabelGenerator(s -> getTranslation(s.labelKey()));
        rate.setId("legal-rate");
        rate.setMin(0);
        rate.setMax(100);
        rate.setHelperText(getTranslation("territory.legal.rate.help"));
        DatePicker auditDate = Pickers.datePicker(getTranslation("territory.legal.audit-date"));
        auditDate.setId("legal-audit-date");
        var auditedBy = text("legal-audited-by", "territory.legal.audited-by", 200);
        var nonAccessible = new TextArea(getTranslation("territory.legal.non-accessible"));
        nonAccessible.setId("legal-non-accessible");
        nonAccessible.setMaxLength(LegalPagesForm.MAX_NON_ACCESSIBLE);
        nonAccessible.setHelperText(getTranslation("territory.legal.non-accessible.help"));
        var contact = text("legal-accessibility-contact", "territory.legal.accessibility-contact", 254);
        contact.setHelperText(getTranslation("territory.legal.accessibility-contact.help"));
        DatePicker declared = Pickers.datePicker(getTranslation("territory.legal.declaration-date"));
        declared.setId("legal-declaration-date");

        binder.forField(director).withValidator(DomainValidators.optional(v -> Texts.optional(v, 120))).bind("publicationDirector");
        binder.forField(address).withValidator(DomainValidators.optional(v -> Texts.optional(v, 300))).bind("publisherAddress");
        binder.forField(dpo).withValidator(DomainValidators.optional(v -> Texts.optional(v, 254))).bind("dpoContact");
        binder.forField(state).withValidator(DomainValidators.required("validation.required")).bind("accessibilityState");
        binder.forField(rate).bind("complianceRate");
        binder.forField(auditDate).bind("auditDate");
        binder.forField(auditedBy).withValidator(DomainValidators.optional(v -> Texts.optional(v, 200))).bind("auditedBy");
        binder.forField(nonAccessible).withValidator(DomainValidators.optional(
                v -> Texts.optional(v, LegalPagesForm.MAX_NON_ACCESSIBLE))).bind("nonAccessibleContent");
        binder.forField(contact).withValidator(DomainValidators.optional(v -> Texts.optional(v, 254))).bind("accessibilityContact");
        binder.forField(declared).bind("declarationDate");

        error.addClassName("form-error");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);
        var save = new Button(getTranslation("action.save"), e -> save());
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.setId("legal-save");

        add(new H1(getTranslation("territory.legal.title")), new Paragraph(getTranslation("territory.legal.intro")), error);
        add(new H2(getTranslation("territory.legal.section.notice")), preview(LegalPaths.legalNotice(slug),
                "territory.legal.section.notice"), form(director, address));
        add(new H2(getTranslation("territory.legal.section.data")), preview(LegalPaths.personalData(slug),
                "territory.legal.section.data"), form(dpo));
        add(new H2(getTranslation("territory.legal.section.accessibility")), preview(LegalPaths.accessibility(slug),
                "territory.legal.section.accessibility"), form(state, rate, auditDate, auditedBy, contact, declared),
                form(nonAccessible), save);
        load();
    }

    private TextField text(String id, String labelKey, int max) {
        var field = new TextField(getTranslation(labelKey));
        field.setId(id);
        field.setMaxLength(max);
        return field;
    }

    private Paragraph preview(String path, String labelKey) {
        var link = new Anchor("/" + path, getTranslation(labelKey));
        link.setTarget("_blank");
        return new Paragraph(new com.vaadin.flow.component.html.Span(getTranslation("territory.legal.preview") + " "), link);
    }

    private static FormLayout form(com.vaadin.flow.component.Component... fields) {
        var form = new FormLayout(fields);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32rem", 2));
        return form;
    }

    private void load() {
        loaded = pages.loadMine();
        binder.readRecord(loaded.value());
    }

    private void save() {
        error.setVisible(false);
        rate.setInvalid(false);
        LegalPagesForm form;
        try {
            form = binder.writeRecord();
        } catch (ValidationException e) {
            showError(getTranslation("form.check-fields"));
            return;
        }
        try {
            pages.updateMine(loaded.version(), form);
        } catch (InvalidValueException e) {
            // The declaration's rules name the rate: the message goes next to it, and what was typed stays.
            rate.setErrorMessage(UiMessages.describe(this, e));
            rate.setInvalid(true);
            showError(getTranslation("form.check-fields"));
            return;
        } catch (RuntimeException e) {
            showError(UiMessages.describe(this, e));
            return;
        }
        load();
        UiMessages.success(this, "territory.legal.saved");
    }

    private void showError(String text) {
        error.setText(text);
        error.setVisible(true);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.page-title", getTranslation("territory.legal.title"));
    }
}
