package fr.rdvnumerique.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import fr.rdvnumerique.base.web.LegalPaths;

/**
 * The two lines under every form that collects a resident's personal data: who collects it and why, how long it is
 * kept, and a link to the structure's « Données personnelles » page.
 */
public class PrivacyNotice extends Div {

    /** The notice for a structure's form (the legal pages' source from the running application). */
    public static PrivacyNotice of(String slug, String purposeKey) {
        var source = LegalFooter.currentSource();
        return new PrivacyNotice(source == null || slug == null ? null : source.noticeFacts(slug), purposeKey);
    }

    public PrivacyNotice(LegalFooterSource.NoticeFacts facts, String purposeKey) {
        addClassName("privacy-notice");
        setId("privacy-notice");
        if (facts == null) {
            setVisible(false);
            return;
        }
        var who = new Paragraph(getTranslation("legal.notice.who", facts.structureName(), getTranslation(purposeKey)));
        var link = new Anchor("/" + LegalPaths.personalData(facts.slug()), getTranslation("legal.notice.link"));
        link.setId("privacy-notice-link");
        var howLong = new Paragraph(new Span(getTranslation("legal.notice.how-long", facts.retentionMonths()) + " "), link);
        add(who, howLong);
    }
}
