package fr.rdvnumerique.territory.ui;

import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import fr.rdvnumerique.base.ui.PublicLayout;
import fr.rdvnumerique.territory.LegalPages;
import java.util.ArrayList;

/**
 * « Données personnelles »: what is collected and why, the legal basis, who receives it (the providers named in the
 * configuration), how long it is kept (the retention periods actually configured), the rights and where to use them,
 * the CNIL, and the cookies (strictly necessary ones only).
 */
@Route(value = "territoire/:slug/donnees-personnelles", layout = PublicLayout.class)
@AnonymousAllowed
class PersonalDataView extends LegalPageView {

    PersonalDataView(LegalPages pages) {
        super(pages, "territory.legal.data.title");
    }

    @Override
    void render(LegalPages.LegalPage page) {
        var structure = page.structure();
        var settings = page.settings();
        add(text("territory.legal.data.intro", structure.name()));
        add(section("territory.legal.data.collected", list(
                text("territory.legal.data.collected.name"), text("territory.legal.data.collected.contact"),
                text("territory.legal.data.collected.needs"), text("territory.legal.data.collected.stats"))));
        add(section("territory.legal.data.basis", text("territory.legal.data.basis.text", structure.name())));
        var recipients = new ArrayList<com.vaadin.flow.component.Component>();
        recipients.add(text("territory.legal.data.recipients.structure", structure.name()));
        recipients.add(text("territory.legal.data.recipients.mail", orOperator(settings.mailProvider())));
        if (settings.smsProvider() != null && !settings.smsProvider().isBlank()) {
            recipients.add(text("territory.legal.data.recipients.sms", settings.smsProvider()));
        }
        recipients.add(text("territory.legal.data.recipients.host", orOperator(settings.hostName())));
        add(section("territory.legal.data.recipients", list(recipients.toArray(com.vaadin.flow.component.Component[]::new)),
                text("territory.legal.data.recipients.none")));
        var retention = list(text("territory.legal.data.retention.people", page.retentionMonths()),
                text("territory.legal.data.retention.outbox", page.retentionMonths()),
                text("territory.legal.data.retention.audit", page.auditRetentionMonths()));
        retention.setId("legal-retention");
        add(section("territory.legal.data.retention", retention));
        String contact = page.fields().dpoContact() != null ? page.fields().dpoContact()
                : orMissing(structure.email());
        add(section("territory.legal.data.rights", text("territory.legal.data.rights.text"),
                text("territory.legal.data.rights.contact", contact)));
        add(section("territory.legal.data.complaint", text("territory.legal.data.complaint.text")));
        add(section("territory.legal.data.cookies", text("territory.legal.data.cookies.text"),
                list(text("territory.legal.data.cookies.session"), text("territory.legal.data.cookies.kiosk"))));
    }
}
