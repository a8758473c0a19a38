package fr.rdvnumerique.territory.ui;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import fr.rdvnumerique.base.ui.PublicLayout;
import fr.rdvnumerique.territory.AccessibilityState;
import fr.rdvnumerique.territory.LegalPages;

/**
 * « Déclaration d'accessibilité », following the RGAA model: commitment, scope, compliance state, test results,
 * content not accessible, date, feedback and contact, remedies (the Défenseur des droits).
 */
@Route(value = "territoire/:slug/accessibilite", layout = PublicLayout.class)
@AnonymousAllowed
class AccessibilityStatementView extends LegalPageView {

    AccessibilityStatementView(LegalPages pages) {
        super(pages, "territory.legal.accessibility.title");
    }

    @Override
    void render(LegalPages.LegalPage page) {
        var structure = page.structure();
        var fields = page.fields();
        add(text("territory.legal.accessibility.commitment", structure.name()),
                text("territory.legal.accessibility.scope", structure.name()));
        var state = text("territory.legal.accessibility.state.text", getTranslation(fields.accessibilityState().labelKey()));
        state.setId("legal-state");
        var stateSection = section("territory.legal.accessibility.state", state);
        if (fields.accessibilityState() == AccessibilityState.NON_COMPLIANT && fields.complianceRate() == null) {
            stateSection.add(text("territory.legal.accessibility.state.no-audit"));
        }
        add(stateSection);
        add(section("territory.legal.accessibility.results", fields.complianceRate() == null
                ? text("territory.legal.accessibility.results.none")
                : text("territory.legal.accessibility.results.text", date(fields.auditDate()),
                orMissing(fields.auditedBy()), fields.complianceRate())));
        var nonAccessible = section("territory.legal.accessibility.non-accessible");
        if (fields.nonAccessibleContent() == null) {
            nonAccessible.add(new Paragraph(orMissing(null)));
        } else {
            nonAccessible.add(list(fields.nonAccessibleContent().lines().filter(l -> !l.isBlank())
                    .map(l -> (com.vaadin.flow.component.Component) new Paragraph(l.strip()))
                    .toArray(com.vaadin.flow.component.Component[]::new)));
        }
        add(nonAccessible);
        add(section("territory.legal.accessibility.date",
                text("territory.legal.accessibility.date.text", date(fields.declarationDate()))));
        String contact = fields.accessibilityContact() != null ? fields.accessibilityContact() : orMissing(structure.email());
        var feedback = section("territory.legal.accessibility.feedback",
                text("territory.legal.accessibility.feedback.text", structure.name()),
                text("territory.legal.accessibility.feedback.contact", contact));
        if (structure.phone() != null) {
            feedback.add(text("territory.legal.notice.phone", structure.phone().display()));
        }
        add(feedback);
        add(section("territory.legal.accessibility.remedies", text("territory.legal.accessibility.remedies.text"),
                list(text("territory.legal.accessibility.remedies.form"),
                        text("territory.legal.accessibility.remedies.delegate"),
                        text("territory.legal.accessibility.remedies.mail"))));
    }
}
