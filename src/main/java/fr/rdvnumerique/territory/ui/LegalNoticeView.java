package fr.rdvnumerique.territory.ui;

import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import fr.rdvnumerique.base.ui.PublicLayout;
import fr.rdvnumerique.territory.LegalPages;

/** « Mentions légales »: the structure publishes, its director of publication, the host, how to reach them. */
@Route(value = "territoire/:slug/mentions-legales", layout = PublicLayout.class)
@AnonymousAllowed
class LegalNoticeView extends LegalPageView {

    LegalNoticeView(LegalPages pages) {
        super(pages, "territory.legal.notice.title");
    }

    @Override
    void render(LegalPages.LegalPage page) {
        var structure = page.structure();
        var fields = page.fields();
        var settings = page.settings();
        add(section("territory.legal.notice.publisher",
                text("territory.legal.notice.publisher.text", structure.name()),
                text("territory.legal.notice.address", orMissing(fields.publisherAddress())),
                text("territory.legal.notice.phone", structure.phone() == null ? orMissing(null) : structure.phone().display()),
                text("territory.legal.notice.email", orMissing(structure.email()))));
        add(section("territory.legal.notice.director",
                new com.vaadin.flow.component.html.Paragraph(orMissing(fields.publicationDirector()))));
        String host = settings.hostName() == null || settings.hostName().isBlank() ? orOperator(null)
                : String.join(", ", java.util.stream.Stream.of(settings.hostName(), settings.hostAddress(),
                        settings.hostContact()).filter(v -> v != null && !v.isBlank()).toList());
        add(section("territory.legal.notice.host", text("territory.legal.notice.host.text", host)));
        add(section("territory.legal.notice.contact", text("territory.legal.notice.contact.text", structure.name())));
        add(section("territory.legal.notice.software", text("territory.legal.notice.software.text")));
    }
}
