package fr.rdvnumerique.notification;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdvnumerique.notification.internal.MailRequest;
import fr.rdvnumerique.notification.internal.Recipient;
import fr.rdvnumerique.notification.mail.MailComposer;
import fr.rdvnumerique.territory.TerritoryDirectory;
import fr.rdvnumerique.territory.TerritoryFixtures;
import fr.rdvnumerique.testing.IntegrationTest;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Names are stored as people type them, markup included (ateliers, appointments): the HTML mail shows them as
 * text, never as markup; the plain-text mail keeps them as typed.
 */
@IntegrationTest
class MailEscapingTest {

    @Autowired MailComposer composer;
    @Autowired TerritoryFixtures territories;
    @Autowired TerritoryDirectory directory;

    @Test
    void a_name_with_markup_is_escaped_in_the_html_mail_and_kept_as_typed_in_the_text_mail() {
        var territory = territories.create("Mail balises");
        var base = NotificationTestKit.confirmation(territory, NotificationTestKit.newSubjectId(), "balises@exemple.fr",
                Instant.parse("2030-01-15T13:00:00Z"));
        var request = new MailRequest(base.kind(), base.structureId(), base.subject(), base.sequence(),
                Recipient.of("balises@exemple.fr", "<script>alert(1)</script> <b>Dupont</b>"), base.content(),
                base.invitation(), base.discriminator());

        var rendered = composer.render(request, directory.structure(territory.structureId()).orElseThrow(),
                directory.place(territory.placeId()).orElseThrow());

        assertThat(rendered.html()).contains("&lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;Dupont&lt;/b&gt;")
                .doesNotContain("<script>").doesNotContain("<b>Dupont");
        assertThat(rendered.text()).contains("<script>alert(1)</script> <b>Dupont</b>");
    }
}
