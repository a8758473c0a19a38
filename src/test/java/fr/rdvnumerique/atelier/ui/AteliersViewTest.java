package fr.rdvnumerique.atelier.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Article;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouterLink;
import fr.rdvnumerique.atelier.AtelierFixtures;
import fr.rdvnumerique.atelier.AtelierFixtures.TestAtelier;
import fr.rdvnumerique.atelier.RegistrationService;
import fr.rdvnumerique.base.i18n.FrenchDates;
import fr.rdvnumerique.base.time.ParisTime;
import fr.rdvnumerique.base.taxonomy.AtelierLevel;
import fr.rdvnumerique.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The residents' calendar: list, week and month, seats left in words, filters. */
@IntegrationTest
class AteliersViewTest extends SpringBrowserlessTest {

    @Autowired AtelierFixtures fixtures;
    @Autowired RegistrationService registrations;

    private TestAtelier programme(String label) {
        TestAtelier atelier = fixtures.create(label, 4, 3);
        for (int i = 0; i < 3; i++) {
            registrations.register(AtelierFixtures.request(atelier.sessionId(), "Habitant", "Numéro " + (char) ('a' + i)));
        }
        long email = fixtures.workshop(atelier.territory(), "Créer son adresse e-mail");
        long full = fixtures.session(atelier.territory(), email, fixtures.at(4, 10, 0), 1, atelier.territory().secondPlaceId());
        registrations.register(AtelierFixtures.request(full, "Seule", "Personne"));
        return atelier;
    }

    @Test
    void the_list_shows_each_session_with_its_date_written_out_its_place_and_the_seats_left() {
        TestAtelier atelier = programme("Calendrier liste");
        navigate("territoire/" + atelier.territory().slug() + "/ateliers", AteliersView.class);

        assertThat($(Paragraph.class).id("atelier-count").getText()).isEqualTo("2 ateliers");
        assertThat($(Article.class).all()).hasSize(2);
        String day = FrenchDates.day(atelier.start().atZone(ParisTime.ZONE).toLocalDate());
        assertThat($(H2.class).all()).extracting(H2::getText).contains(AteliersView.capitalized(day));
        assertThat($(Paragraph.class).all()).extracting(Paragraph::getText)
                .contains(FrenchDates.dayAndTimeRange(atelier.start(), atelier.end()),
                        "Lieu : Médiathèque Calendrier liste – 1 rue de la Paix, 54000 Commune Calendrier liste",
                        "Accès de plain-pied, sans marche.", "Niveau : Débutant", "À apporter : Votre tablette chargée");
        assertThat($(Span.class).withClassName("atelier-seats").all()).extracting(Span::getText)
                .containsExactly("Plus qu’une place", "Complet – liste d’attente possible");
        assertThat($(RouterLink.class).all()).extracting(RouterLink::getText)
                .contains("Je m’inscris", "M’inscrire sur la liste d’attente", "Ateliers");
    }

    @Test
    void filters_keep_only_matching_sessions() {
        TestAtelier atelier = programme("Calendrier filtres");
        navigate("territoire/" + atelier.territory().slug() + "/ateliers", AteliersView.class);

        test($(Checkbox.class).id("atelier-with-seats")).click();
        assertThat($(Article.class).all()).extracting(a -> $(H3.class, a).single().getElement().getTextRecursively())
                .containsExactly("Découvrir sa tablette Calendrier filtres");
        test($(Checkbox.class).id("atelier-with-seats")).click();

        test($(TextField.class).id("atelier-search")).setValue("adresse e-mail");
        assertThat($(Paragraph.class).id("atelier-count").getText()).isEqualTo("1 atelier");
        test($(TextField.class).id("atelier-search")).setValue("");

        @SuppressWarnings("unchecked")
        Select<AtelierLevel> level = $(Select.class).withLabel("Niveau").single();
        test(level).selectItem("Avancé");
        assertThat($(Paragraph.class).id("atelier-count").getText()).isEqualTo("Aucun atelier");
        assertThat($(Paragraph.class).withClassName("atelier-empty").single().getText()).startsWith("Aucun atelier ne correspond");
    }

    @Test
    void the_week_and_the_month_show_the_sessions_on_their_day() {
        TestAtelier atelier = programme("Calendrier semaine");
        String date = atelier.start().atZone(ParisTime.ZONE).toLocalDate().toString();
        com.vaadin.flow.component.UI.getCurrent().navigate("territoire/" + atelier.territory().slug() + "/ateliers",
                com.vaadin.flow.router.QueryParameters.simple(java.util.Map.of("vue", "semaine", "date", date)));
        assertThat($(Button.class).id("atelier-view-semaine").getElement().getAttribute("aria-pressed")).isEqualTo("true");
        assertThat($(com.vaadin.flow.component.html.Section.class).withClassName("atelier-week-day").all()).hasSize(7);
        assertThat($(RouterLink.class).withClassName("atelier-entry").all()).isNotEmpty()
                .anySatisfy(link -> assertThat(link.getElement().getTextRecursively()).contains("14 h 00", "Découvrir sa tablette"));

        test($(Button.class).id("atelier-view-mois")).click();
        assertThat($(com.vaadin.flow.component.html.ListItem.class).withClassName("atelier-month-day").all()).hasSizeBetween(28, 31);
        assertThat($(RouterLink.class).withClassName("atelier-entry").all()).isNotEmpty();

        test($(Button.class).id("atelier-next")).click();
        test($(Button.class).id("atelier-previous")).click();
        assertThat($(Button.class).id("atelier-view-mois").getElement().getAttribute("aria-pressed")).isEqualTo("true");
    }
}
