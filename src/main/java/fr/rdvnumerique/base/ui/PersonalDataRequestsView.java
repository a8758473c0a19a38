package fr.rdvnumerique.base.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.base.domain.InvalidValueException;
import fr.rdvnumerique.base.i18n.FrenchDates;
import fr.rdvnumerique.base.retention.HeldItem;
import fr.rdvnumerique.base.retention.PersonQuery;
import fr.rdvnumerique.base.retention.PersonalDataRequests;
import fr.rdvnumerique.base.security.Role;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.stream.Collectors;

/**
 * « Données d’un habitant » (RGPD): a coordinator finds everything the structure holds about a person by e-mail or
 * phone, exports it (JSON, PDF) or erases it on request, with a reason. One service call per action.
 */
@Route("staff/donnees-personnelles")
@Menu(title = "rgpd.menu", order = 90, icon = "USER_CARD")
@RolesAllowed(Role.COORDINATOR_NAME)
public class PersonalDataRequestsView extends Div implements HasDynamicTitle {

    private final PersonalDataRequests requests;
    private final EmailField email;
    private final TextField phone = new TextField();
    private final Grid<HeldItem> results = new Grid<>();
    private final Paragraph summary = new Paragraph();
    private final HorizontalLayout actions = new HorizontalLayout();
    private String searchedEmail;
    private String searchedPhone;

    public PersonalDataRequestsView(PersonalDataRequests requests) {
        this.requests = requests;
        addClassName("staff-page");
        email = Fields.email(getTranslation("rgpd.email"));
        email.setId("rgpd-email");
        phone.setLabel(getTranslation("rgpd.phone"));
        phone.setId("rgpd-phone");
        var search = new Button(getTranslation("rgpd.search"), e -> search());
        search.addThemeVariants(ButtonVariant.PRIMARY);
        search.setId("rgpd-search");
        var form = new HorizontalLayout(email, phone, search);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);

        results.setId("rgpd-results");
        results.addColumn(item -> getTranslation(item.kind())).setHeader(getTranslation("rgpd.column.kind"))
                .setAutoWidth(true).setFlexGrow(0);
        results.addColumn(item -> item.when() == null ? "" : FrenchDates.dayAndTime(item.when()))
                .setHeader(getTranslation("rgpd.column.when")).setAutoWidth(true).setFlexGrow(0);
        results.addColumn(this::details).setHeader(getTranslation("rgpd.column.details")).setFlexGrow(1);
        results.setAllRowsVisible(true);
        results.setVisible(false);
        summary.setId("rgpd-summary");
        summary.setVisible(false);
        actions.setVisible(false);

        add(new H1(getTranslation("rgpd.title")), new Paragraph(getTranslation("rgpd.intro")), form, summary, actions,
                results);
    }

    private String details(HeldItem item) {
        return item.fields().entrySet().stream()
                .filter(f -> !f.getKey().equals("rgpd.field.mail-text"))
                .map(f -> getTranslation(f.getKey()) + " : " + f.getValue())
                .collect(Collectors.joining(" · "));
    }

    private void search() {
        email.setInvalid(false);
        phone.setInvalid(false);
        List<HeldItem> found;
        try {
            found = requests.find(email.getValue(), phone.getValue());
        } catch (InvalidValueException e) {
            var field = PersonQuery.PHONE.equals(e.field()) ? phone : null;
            if (field != null) {
                phone.setErrorMessage(getTranslation(e.messageKey(), e.arguments()));
                phone.setInvalid(true);
            } else {
                email.setErrorMessage(getTranslation(e.messageKey(), e.arguments()));
                email.setInvalid(true);
            }
            return;
        }
        searchedEmail = email.getValue();
        searchedPhone = phone.getValue();
        show(found);
    }

    private void show(List<HeldItem> found) {
        summary.setText(getTranslation("rgpd.found", found.size()));
        summary.setVisible(true);
        results.setItems(found);
        results.setVisible(!found.isEmpty());
        actions.removeAll();
        if (!found.isEmpty()) {
            String e = searchedEmail;
            String p = searchedPhone;
            var json = new Anchor(Downloads.of(() -> requests.json(e, p), "donnees-personnelles.json",
                    "application/json;charset=UTF-8"), getTranslation("rgpd.export.json"));
            json.setId("rgpd-export-json");
            var pdf = new Anchor(Downloads.of(() -> requests.pdf(e, p), "donnees-personnelles.pdf", "application/pdf"),
                    getTranslation("rgpd.export.pdf"));
            pdf.setId("rgpd-export-pdf");
            var erase = new Button(getTranslation("rgpd.erase"), click -> confirmErasure());
            erase.addThemeVariants(ButtonVariant.ERROR);
            erase.setId("rgpd-erase");
            actions.add(json, pdf, erase);
        }
        actions.setVisible(!found.isEmpty());
    }

    private void confirmErasure() {
        var dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("rgpd.erase.title"));
        var reason = new TextArea(getTranslation("rgpd.erase.reason"));
        reason.setId("rgpd-erase-reason");
        reason.setMaxLength(PersonalDataRequests.MAX_REASON);
        reason.setHelperText(getTranslation("rgpd.erase.reason.help"));
        reason.setWidthFull();
        var confirm = new Button(getTranslation("rgpd.erase.confirm"), e -> {
            try {
                int count = requests.erase(searchedEmail, searchedPhone, reason.getValue());
                dialog.close();
                UiMessages.success(this, "rgpd.erased", count);
                show(requests.find(searchedEmail, searchedPhone));
            } catch (InvalidValueException ex) {
                reason.setErrorMessage(getTranslation(ex.messageKey(), ex.arguments()));
                reason.setInvalid(true);
            } catch (BusinessRuleException ex) {
                UiMessages.error(this, ex);
            }
        });
        confirm.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.ERROR);
        confirm.setId("rgpd-erase-confirm");
        var cancel = new Button(getTranslation("rgpd.erase.cancel"), e -> dialog.close());
        dialog.add(new Paragraph(getTranslation("rgpd.erase.warning")), reason);
        dialog.getFooter().add(cancel, confirm);
        add(dialog);
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.page-title", getTranslation("rgpd.title"));
    }
}
