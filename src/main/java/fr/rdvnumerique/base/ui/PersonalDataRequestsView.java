package fr.rdvnumerique.base.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.base.domain.InvalidValueException;
import fr.rdvnumerique.base.i18n.FrenchDates;
import fr.rdvnumerique.base.i18n.Labelled;
import fr.rdvnumerique.base.retention.HeldItem;
import fr.rdvnumerique.base.retention.PersonQuery;
import fr.rdvnumerique.base.retention.PersonalDataRequests;
import fr.rdvnumerique.base.retention.PersonalDataRequests.Findings;
import fr.rdvnumerique.base.security.Role;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.LocalDate;

/**
 * « Demandes RGPD »: a resident asks what the structure holds about them, or to be forgotten. Staff type the
 * e-mail and/or phone the person gave, see what each module holds, download it (JSON, PDF in French) and, on request,
 * erase it with the reason. Coordinators see their structure's records, administrators every structure's. Every
 * search, download and erasure is in the « Journal des actions ».
 */
@Route("staff/rgpd")
@Menu(title = "rgpd.menu", order = 93, icon = "USER_CHECK")
@RolesAllowed({Role.COORDINATOR_NAME, Role.ADMIN_NAME})
public class PersonalDataRequestsView extends Div implements HasDynamicTitle {

    private final PersonalDataRequests requests;
    final EmailField email = Fields.email("");
    final TextField phone = new TextField();
    final Button search = new Button();
    final Paragraph error = new Paragraph();
    final Paragraph summary = new Paragraph();
    final Div modules = new Div();
    final Grid<HeldItem> results = new Grid<>();
    final Div actions = new Div();
    final Button erase = new Button();
    final Dialog eraseDialog = new Dialog();
    final TextArea reason = new TextArea();
    final Paragraph eraseError = new Paragraph();
    final Button eraseConfirm = new Button();
    final Grid<PersonalDataRequests.ErasureEntry> erasures = new Grid<>();
    /** The contacts of the search on screen: downloads and erasure act on them, not on what was typed since. */
    private String searchedEmail;
    private String searchedPhone;

    PersonalDataRequestsView(PersonalDataRequests requests) {
        this.requests = requests;
        addClassName("staff-page");
        addClassName("rgpd-page");

        email.setLabel(getTranslation("rgpd.email"));
        email.setId("rgpd-email");
        email.setClearButtonVisible(true);
        phone.setLabel(getTranslation("rgpd.phone"));
        phone.setId("rgpd-phone");
        phone.setClearButtonVisible(true);
        search.setText(getTranslation("rgpd.search"));
        search.setId("rgpd-search");
        search.addThemeVariants(ButtonVariant.PRIMARY);
        search.addClickListener(e -> search());
        search.addClickShortcut(com.vaadin.flow.component.Key.ENTER);
        var form = new Div(email, phone, search);
        form.addClassName("rgpd-form");

        error.setId("rgpd-error");
        error.addClassName("report-error");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);
        summary.setId("rgpd-summary");
        summary.getElement().setAttribute("role", "status");
        modules.setId("rgpd-modules");
        modules.addClassName("rgpd-modules");

        results.setId("rgpd-results");
        results.addThemeVariants(GridVariant.ROW_STRIPES);
        results.addClassName("staff-grid");
        results.addColumn(item -> getTranslation(item.module())).setHeader(getTranslation("rgpd.column.module"))
                .setAutoWidth(true);
        results.addColumn(item -> getTranslation(item.kind())).setHeader(getTranslation("rgpd.column.kind"))
                .setAutoWidth(true);
        results.addColumn(HeldItem::whenText)
                .setHeader(getTranslation("rgpd.column.when")).setAutoWidth(true);
        results.addColumn(item -> {
                    Object status = item.fields().get("rgpd.field.status");
                    return status == null ? "" : text(status);
                }).setHeader(getTranslation("rgpd.column.status")).setAutoWidth(true);
        results.addColumn(this::details).setHeader(getTranslation("rgpd.column.details")).setFlexGrow(2);
        results.setVisible(false);

        erase.setText(getTranslation("rgpd.erase"));
        erase.setId("rgpd-erase");
        erase.addThemeVariants(ButtonVariant.ERROR);
        erase.addClickListener(e -> openErase());
        actions.addClassName("report-downloads");
        actions.setVisible(false);

        reason.setLabel(getTranslation("rgpd.erase.reason"));
        reason.setHelperText(getTranslation("rgpd.erase.reason.help"));
        reason.setId("rgpd-erase-reason");
        reason.setMaxLength(PersonalDataRequests.MAX_REASON);
        reason.setWidthFull();
        eraseError.setId("rgpd-erase-error");
        eraseError.addClassName("report-error");
        eraseError.getElement().setAttribute("role", "alert");
        eraseError.setVisible(false);
        eraseConfirm.setText(getTranslation("rgpd.erase.confirm"));
        eraseConfirm.setId("rgpd-erase-confirm");
        eraseConfirm.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.ERROR);
        eraseConfirm.addClickListener(e -> confirmErase());
        var cancel = new Button(getTranslation("rgpd.erase.cancel"), e -> eraseDialog.close());
        cancel.setId("rgpd-erase-cancel");
        eraseDialog.setHeaderTitle(getTranslation("rgpd.erase.title"));
        eraseDialog.add(new Paragraph(getTranslation("rgpd.erase.intro")), reason, eraseError);
        eraseDialog.getFooter().add(cancel, eraseConfirm);

        erasures.setId("rgpd-erasures");
        erasures.addThemeVariants(GridVariant.ROW_STRIPES);
        erasures.addClassName("staff-grid");
        erasures.setAllRowsVisible(true);
        erasures.addColumn(e -> FrenchDates.dayAndTime(e.at())).setHeader(getTranslation("rgpd.erasures.when"))
                .setAutoWidth(true).setFlexGrow(0);
        erasures.addColumn(e -> e.staffName() == null ? "" : e.staffName())
                .setHeader(getTranslation("rgpd.erasures.who")).setAutoWidth(true);
        erasures.addColumn(e -> getTranslation("rgpd.erasures.given." + e.given().replace('+', '-')))
                .setHeader(getTranslation("rgpd.erasures.given")).setAutoWidth(true);
        erasures.addColumn(PersonalDataRequests.ErasureEntry::records).setHeader(getTranslation("rgpd.erasures.records"))
                .setAutoWidth(true).setFlexGrow(0);
        erasures.addColumn(PersonalDataRequests.ErasureEntry::reason).setHeader(getTranslation("rgpd.erasures.reason"))
                .setFlexGrow(2);
        refreshErasures();

        add(new H1(getTranslation("rgpd.title")), new Paragraph(getTranslation("rgpd.intro")), form, error, summary,
                modules, actions, results, new H2(getTranslation("rgpd.erasures.title")), erasures);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.page-title", getTranslation("rgpd.title"));
    }

    void search() {
        clearErrors();
        Findings findings;
        try {
            findings = requests.search(email.getValue(), phone.getValue());
        } catch (BusinessRuleException e) {
            show(e);
            return;
        }
        searchedEmail = email.getValue();
        searchedPhone = phone.getValue();
        showFindings(findings);
    }

    private void showFindings(Findings findings) {
        results.setItems(findings.items());
        results.setVisible(!findings.items().isEmpty());
        modules.removeAll();
        actions.removeAll();
        if (findings.items().isEmpty()) {
            summary.setText(getTranslation("rgpd.summary.none"));
            actions.setVisible(false);
            return;
        }
        summary.setText(getTranslation("rgpd.summary", findings.items().size()));
        findings.perModule().forEach((module, count) -> {
            var part = new Span(getTranslation("rgpd.summary.module", getTranslation(module), count));
            part.addClassName("rgpd-module-count");
            modules.add(part);
        });
        if (findings.upcoming() > 0) {
            var upcoming = new Span(getTranslation("rgpd.summary.upcoming", findings.upcoming()));
            upcoming.setId("rgpd-upcoming");
            modules.add(upcoming);
        }
        String file = "donnees-personnelles";
        var json = new Anchor(Downloads.of(this::exportJson, file + ".json", "application/json"),
                getTranslation("rgpd.export.json"));
        json.setId("rgpd-export-json");
        var pdf = new Anchor(Downloads.of(this::exportPdf, file + ".pdf", "application/pdf"),
                getTranslation("rgpd.export.pdf"));
        pdf.setId("rgpd-export-pdf");
        actions.add(json, pdf, erase);
        actions.setVisible(true);
    }

    /** What the JSON link serves: built (and audited) when clicked. */
    byte[] exportJson() {
        return requests.json(searchedEmail, searchedPhone);
    }

    /** What the PDF link serves: built (and audited) when clicked. */
    byte[] exportPdf() {
        return requests.pdf(searchedEmail, searchedPhone);
    }

    private void openErase() {
        reason.clear();
        reason.setInvalid(false);
        eraseError.setVisible(false);
        eraseDialog.open();
    }

    void confirmErase() {
        reason.setInvalid(false);
        eraseError.setVisible(false);
        PersonalDataRequests.Erasure done;
        try {
            done = requests.erase(searchedEmail, searchedPhone, reason.getValue());
        } catch (InvalidValueException e) {
            if (PersonalDataRequests.REASON.equals(e.field())) {
                reason.setErrorMessage(UiMessages.describe(this, e));
                reason.setInvalid(true);
            } else {
                eraseError.setText(UiMessages.describe(this, e));
                eraseError.setVisible(true);
            }
            return;
        } catch (BusinessRuleException e) {
            eraseError.setText(UiMessages.describe(this, e));
            eraseError.setVisible(true);
            return;
        }
        eraseDialog.close();
        UiMessages.success(this, "rgpd.erase.done", done.records(), done.id());
        refreshErasures();
        // What is left is what the report keeps, no longer linked to the person: the search now finds nothing.
        showFindings(requests.search(searchedEmail, searchedPhone));
    }

    private void refreshErasures() {
        var entries = requests.erasures();
        erasures.setItems(entries);
        erasures.setVisible(!entries.isEmpty());
    }

    private void clearErrors() {
        email.setInvalid(false);
        phone.setInvalid(false);
        error.setVisible(false);
    }

    private void show(BusinessRuleException e) {
        String message = UiMessages.describe(this, e);
        if (e instanceof InvalidValueException invalid && invalid.field() != null) {
            HasValidation field = PersonQuery.PHONE.equals(invalid.field()) ? phone : email;
            field.setErrorMessage(message);
            field.setInvalid(true);
        } else {
            error.setText(message);
            error.setVisible(true);
        }
    }

    /** A few fields that tell the record apart: the name, the contact, what it is about. */
    private String details(HeldItem item) {
        var parts = new java.util.ArrayList<String>();
        for (String key : new String[] {"rgpd.field.name", "rgpd.field.email", "rgpd.field.phone", "rgpd.field.motif",
                "rgpd.field.workshop", "rgpd.field.mail-subject", "rgpd.field.message-kind", "rgpd.field.call-what", "rgpd.field.notice-text",
                "rgpd.field.record-kind", "rgpd.field.notes"}) {
            Object value = item.fields().get(key);
            if (value != null) {
                parts.add(text(value));
            }
        }
        return String.join(" · ", parts);
    }

    private String text(Object value) {
        return switch (value) {
            case Instant instant -> FrenchDates.dayAndTime(instant);
            case LocalDate day -> FrenchDates.day(day);
            case Boolean yes -> getTranslation(yes ? "rgpd.value.yes" : "rgpd.value.no");
            case Labelled code -> getTranslation(code.labelKey());
            default -> value.toString();
        };
    }
}
