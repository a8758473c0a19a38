package fr.rdvnumerique.atelier.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouterLink;
import fr.rdvnumerique.atelier.AtelierFixtures;
import fr.rdvnumerique.atelier.AtelierFixtures.TestAtelier;
import fr.rdvnumerique.atelier.RegistrationService;
import fr.rdvnumerique.base.i18n.FrenchDates;
import fr.rdvnumerique.base.time.ParisTime;
import fr.rdvnumerique.base.taxonomy.AtelierLevel;
import fr.rdvnumerique.base.taxonomy.Theme;
import fr.rdvnumerique.territory.TerritoryFixtures;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import fr.rdvnumerique.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The residents' calendar: list, week and month, seats left in words, filters. */
@IntegrationTest
class AteliersViewTest extends SpringBrowserlessTest {

    @Autowired AtelierFixtures fixtures;
    @Autowired RegistrationService registrations;
    @Autowired TerritoryFixtures territories;
    @Autowired Clock clock;

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
        assertThat(cards()).hasSize(2);
        String day = FrenchDates.day(atelier.start().atZone(ParisTime.ZONE).toLocalDate());
        assertThat($(H2.class).all()).extracting(H2::getText).contains(AteliersView.capitalized(day));
        assertThat(cards().stream().flatMap(c -> c.select("p").stream()).map(Element::text))
                .contains(FrenchDates.dayAndTimeRange(atelier.start(), atelier.end()),
                        "Lieu : Médiathèque Calendrier liste – 1 rue de la Paix, 54000 Commune Calendrier liste",
                        "Accès de plain-pied, sans marche.", "Niveau : Débutant", "À apporter : Votre tablette chargée");
        assertThat(cards().stream().map(c -> c.selectFirst("span.atelier-seats").text()))
                .containsExactly("Plus qu’une place", "Complet – liste d’attente possible");
        assertThat(cards().stream().map(c -> c.selectFirst("a.atelier-button").text()))
                .containsExactly("Je m’inscris", "M’inscrire sur la liste d’attente");
        assertThat($(RouterLink.class).all()).extracting(RouterLink::getText).contains("Ateliers");
        // Vaadin's router opens the form in the page, as a RouterLink: the attribute on both links of a card.
        Element first = cards().getFirst();
        assertThat(first.select("a[router-link]")).hasSize(2).allSatisfy(a -> assertThat(a.attr("href"))
                .isEqualTo("territoire/" + atelier.territory().slug() + "/ateliers/" + atelier.sessionId()));
        assertThat(first.selectFirst("h3 > a").text()).isEqualTo("Découvrir sa tablette Calendrier liste");
        assertThat(first.selectFirst("a.atelier-button").attr("aria-label"))
                .isEqualTo("Je m’inscris : Découvrir sa tablette Calendrier liste");
        assertThat($(Button.class).withId("atelier-more").all()).as("one page holds both").isEmpty();
    }

    @Test
    void filters_keep_only_matching_sessions() {
        TestAtelier atelier = programme("Calendrier filtres");
        navigate("territoire/" + atelier.territory().slug() + "/ateliers", AteliersView.class);

        test($(Checkbox.class).id("atelier-with-seats")).click();
        assertThat(titles()).containsExactly("Découvrir sa tablette Calendrier filtres");
        test($(Checkbox.class).id("atelier-with-seats")).click();

        test($(TextField.class).id("atelier-search")).setValue("adresse e-mail");
        assertThat($(Paragraph.class).id("atelier-count").getText()).isEqualTo("1 atelier");
        test($(TextField.class).id("atelier-search")).setValue("");

        @SuppressWarnings("unchecked")
        Select<AtelierLevel> level = select("Niveau");
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
        assertThat(entries()).isNotEmpty()
                .anySatisfy(entry -> assertThat(entry.text()).contains("14 h 00", "Découvrir sa tablette"));

        test($(Button.class).id("atelier-view-mois")).click();
        assertThat($(com.vaadin.flow.component.html.ListItem.class).withClassName("atelier-month-day").all()).hasSizeBetween(28, 31);
        assertThat(entries()).isNotEmpty();

        test($(Button.class).id("atelier-next")).click();
        test($(Button.class).id("atelier-previous")).click();
        assertThat($(Button.class).id("atelier-view-mois").getElement().getAttribute("aria-pressed")).isEqualTo("true");
    }

    private void openCalendar(TestAtelier atelier, String mode, String date) {
        UI.getCurrent().navigate("territoire/" + atelier.territory().slug() + "/ateliers",
                QueryParameters.simple(Map.of("vue", mode, "date", date)));
    }

    private String count() {
        return $(Paragraph.class).id("atelier-count").getText();
    }

    /** The list's cards, each one element whose HTML the view wrote. */
    private List<Element> cards() {
        return $(Html.class).all().stream().filter(h -> h.getElement().getClassList().contains("atelier-card"))
                .map(h -> Jsoup.parseBodyFragment("<article>" + h.getInnerHtml() + "</article>").body().child(0)).toList();
    }

    private List<String> titles() {
        return cards().stream().map(c -> c.selectFirst("h3").text()).toList();
    }

    @Test
    void commune_place_and_theme_filters_keep_only_matching_sessions() {
        TestAtelier atelier = programme("Calendrier lieux");
        long[] elsewhere = territories.addCommuneWithPlace(atelier.territory(), "Commune Voisine", "Tiers-lieu du Moulin");
        long phone = fixtures.workshop(atelier.territory(), "Sécuriser ses e-mails", Set.of(Theme.EMAIL),
                AtelierLevel.INTERMEDIAIRE, null);
        fixtures.session(atelier.territory(), phone, fixtures.at(5, 10, 0), 6, elsewhere[1]);
        navigate("territoire/" + atelier.territory().slug() + "/ateliers", AteliersView.class);
        assertThat(count()).isEqualTo("3 ateliers");

        @SuppressWarnings("unchecked")
        ComboBox<Object> commune = comboBox("Commune");
        test(commune).selectItem("Commune Voisine");
        assertThat(titles()).containsExactly("Sécuriser ses e-mails");
        assertThat(cards().getFirst().select("p").eachText())
                .contains("Accès avec des marches, sans rampe.", "Niveau : Intermédiaire");
        commune.setValue(null);
        assertThat(count()).isEqualTo("3 ateliers");

        @SuppressWarnings("unchecked")
        ComboBox<Object> place = comboBox("Lieu");
        test(place).selectItem("Mairie Calendrier lieux");
        assertThat(titles()).containsExactly("Créer son adresse e-mail");
        place.setValue(null);

        @SuppressWarnings("unchecked")
        Select<Object> theme = select("Thème");
        test(theme).selectItem("E-mail");
        assertThat(titles()).containsExactly("Sécuriser ses e-mails");
        test(theme).selectItem("Navigation sur internet");
        assertThat(titles()).containsExactlyInAnyOrder("Découvrir sa tablette Calendrier lieux", "Créer son adresse e-mail");
    }

    @Test
    void week_and_month_entries_show_level_access_and_what_to_bring_in_place() {
        TestAtelier atelier = programme("Calendrier details");
        openCalendar(atelier, "semaine", atelier.start().atZone(ParisTime.ZONE).toLocalDate().toString());
        Element entry = entries().stream()
                .filter(e -> e.text().contains("Découvrir sa tablette Calendrier details"))
                .findFirst().orElseThrow();
        assertThat(entry.select("a[router-link]")).singleElement().satisfies(a -> assertThat(a.attr("href"))
                .endsWith("/ateliers/" + atelier.sessionId()));
        assertThat(entry.selectFirst("span.atelier-entry-level").text()).isEqualTo("Niveau : Débutant");
        Element more = entry.selectFirst("details.atelier-entry-more");
        assertThat(more.selectFirst("summary").text()).isEqualTo("Accès et ce qu’il faut apporter");
        assertThat(more.hasAttr("open")).as("closed until asked for").isFalse();
        assertThat(more.select("p").eachText())
                .containsExactly("Accès de plain-pied, sans marche.", "À apporter : Votre tablette chargée");

        test($(Button.class).id("atelier-view-mois")).click();
        assertThat(entries()).anySatisfy(e -> assertThat(e.text()).contains("Niveau : Débutant",
                "Accès de plain-pied, sans marche.", "À apporter : Votre tablette chargée"));
    }

    /** A filter behind « Choisir une commune, un lieu, un thème ou un niveau », opened first if it is not yet. */
    @SuppressWarnings("unchecked")
    private <T> Select<T> select(String label) {
        openMoreFilters();
        return $(Select.class).withLabel(label).single();
    }

    @SuppressWarnings("unchecked")
    private <T> ComboBox<T> comboBox(String label) {
        openMoreFilters();
        return $(ComboBox.class).withLabel(label).single();
    }

    private void openMoreFilters() {
        $(Button.class).withId("atelier-more-filters").all().forEach(button -> test(button).click());
    }

    @Test
    void the_list_holds_no_commune_place_theme_or_level_field_until_the_visitor_asks_for_them() {
        TestAtelier atelier = programme("Calendrier filtres differes");
        navigate("territoire/" + atelier.territory().slug() + "/ateliers", AteliersView.class);
        assertThat($(ComboBox.class).all()).isEmpty();
        assertThat($(Select.class).all()).isEmpty();
        assertThat($(TextField.class).id("atelier-search").isVisible()).isTrue();

        test($(Button.class).id("atelier-more-filters")).click();
        assertThat($(ComboBox.class).all()).extracting(ComboBox::getLabel).containsExactly("Commune", "Lieu");
        assertThat($(Select.class).all()).extracting(Select::getLabel).containsExactly("Thème", "Niveau");
        assertThat($(Button.class).withId("atelier-more-filters").all()).isEmpty();
        test(this.<AtelierLevel>select("Niveau")).selectItem("Avancé");
        assertThat($(Paragraph.class).id("atelier-count").getText()).isEqualTo("Aucun atelier");

        // A link to the week view of the same page builds the view again: the chosen filters stay.
        com.vaadin.flow.component.UI.getCurrent().navigate("territoire/" + atelier.territory().slug() + "/ateliers",
                com.vaadin.flow.router.QueryParameters.simple(java.util.Map.of("vue", "semaine")));
        assertThat($(Select.class).withLabel("Niveau").single().getValue()).isEqualTo(AtelierLevel.AVANCE);
        assertThat($(Button.class).withId("atelier-more-filters").all()).isEmpty();
    }

    /** The week's and month's entries, each one element written by the view, parsed as a browser would. */
    private List<Element> entries() {
        return $(Html.class).all().stream().filter(h -> h.getElement().getClassList().contains("atelier-entry"))
                .map(h -> Jsoup.parseBodyFragment("<div>" + h.getInnerHtml() + "</div>").body().child(0)).toList();
    }

    @Test
    void a_date_out_of_reach_or_not_a_date_in_the_link_lands_on_a_sensible_month() {
        TestAtelier atelier = programme("Calendrier dates");
        LocalDate today = LocalDate.now(clock.withZone(ParisTime.ZONE));
        openCalendar(atelier, "mois", "+999999999-12-31");
        assertThat($(H2.class).withClassName("atelier-period-title").single().getText())
                .isEqualTo(monthTitle(today.plusYears(AteliersView.YEARS_AROUND)));
        assertThat($(com.vaadin.flow.component.html.ListItem.class).withClassName("atelier-month-day").all()).hasSizeBetween(28, 31);

        openCalendar(atelier, "semaine", "-999999999-01-01");
        assertThat($(com.vaadin.flow.component.html.Section.class).withClassName("atelier-week-day").all()).hasSize(7);

        openCalendar(atelier, "mois", "pas-une-date");
        assertThat($(H2.class).withClassName("atelier-period-title").single().getText()).isEqualTo(monthTitle(today));
    }

    /**
     * 27 sessions over nine days, three a day (9:00, 11:30, 14:00): « Découvrir sa tablette » and, at 11:30,
     * « Retoucher ses photos » (intermediate, social networks) at the second place.
     */
    private TestAtelier bigProgramme(String label) {
        TestAtelier atelier = fixtures.create(label, 8, 1);
        long photos = fixtures.workshop(atelier.territory(), "Retoucher ses photos " + label,
                Set.of(Theme.RESEAUX_SOCIAUX), AtelierLevel.INTERMEDIAIRE, null);
        for (int day = 1; day <= 9; day++) {
            fixtures.session(atelier.territory(), atelier.workshopId(), fixtures.at(day, 9, 0), 8);
            fixtures.session(atelier.territory(), photos, fixtures.at(day, 11, 30), 8, atelier.territory().secondPlaceId());
            if (day > 1) {
                fixtures.session(atelier.territory(), atelier.workshopId(), fixtures.at(day, 14, 0), 8);
            }
        }
        return atelier;
    }

    @Test
    void a_long_programme_shows_a_first_page_and_more_on_demand_under_the_same_days() {
        TestAtelier atelier = bigProgramme("Calendrier pages");
        navigate("territoire/" + atelier.territory().slug() + "/ateliers", AteliersView.class);

        assertThat(count()).isEqualTo("27 ateliers");
        assertThat(AteliersView.PAGE_SIZE).as("this programme takes three pages").isEqualTo(10);
        assertThat(cards()).hasSize(10);
        Button more = $(Button.class).id("atelier-more");
        assertThat(more.getText()).isEqualTo("Voir plus de séances");
        List<String> daysBefore = dayHeadings();
        assertThat(daysBefore).as("two sessions the first day, three the others: the fourth day goes on").hasSize(4);

        test(more).click();
        assertThat(cards()).hasSize(20);
        List<String> days = dayHeadings();
        assertThat(days).as("the fourth day goes on under its heading").hasSize(7).doesNotHaveDuplicates()
                .startsWith(daysBefore.toArray(String[]::new));
        var fourth = $(com.vaadin.flow.component.html.Section.class).withClassName("atelier-day").all().get(3);
        assertThat($(Html.class, fourth).all()).hasSize(3);

        test(more).click();
        assertThat(cards()).hasSize(27);
        assertThat(dayHeadings()).hasSize(9).doesNotHaveDuplicates();
        assertThat(more.isAttached()).as("nothing left to show").isFalse();
        List<String> starts = cards().stream().map(c -> c.selectFirst(".atelier-when").text()).toList();
        assertThat(starts).doesNotHaveDuplicates();
    }

    @Test
    void filters_and_the_count_of_a_long_programme_come_from_the_database() {
        TestAtelier atelier = bigProgramme("Calendrier requetes");
        navigate("territoire/" + atelier.territory().slug() + "/ateliers", AteliersView.class);

        test($(TextField.class).id("atelier-search")).setValue("RETOUCHER photos");
        assertThat(count()).isEqualTo("9 ateliers");
        assertThat(titles()).hasSize(9).allMatch(t -> t.startsWith("Retoucher ses photos"));
        assertThat($(Button.class).withId("atelier-more").all()).isEmpty();
        test($(TextField.class).id("atelier-search")).setValue("decouvrir");
        assertThat(count()).as("accents ignored").isEqualTo("18 ateliers");
        assertThat(cards()).as("a first page of the 18").hasSize(AteliersView.PAGE_SIZE);
        test($(TextField.class).id("atelier-search")).setValue("s_s");
        assertThat(count()).as("a typed _ is a letter, not « any letter » (« ses » would match)").isEqualTo("Aucun atelier");
        test($(TextField.class).id("atelier-search")).setValue("");

        @SuppressWarnings("unchecked")
        Select<Object> level = select("Niveau");
        test(level).selectItem("Intermédiaire");
        assertThat(count()).isEqualTo("9 ateliers");
        level.setValue(null);
        @SuppressWarnings("unchecked")
        ComboBox<Object> place = comboBox("Lieu");
        test(place).selectItem("Médiathèque Calendrier requetes");
        assertThat(count()).isEqualTo("18 ateliers");
        place.setValue(null);
        @SuppressWarnings("unchecked")
        Select<Object> theme = select("Thème");
        test(theme).selectItem("Navigation sur internet");
        assertThat(count()).isEqualTo("18 ateliers");
        assertThat(titles()).hasSize(AteliersView.PAGE_SIZE).allMatch(t -> t.startsWith("Découvrir sa tablette"));
        theme.setValue(null);
        assertThat(count()).isEqualTo("27 ateliers");
        assertThat(cards()).as("a new filter starts from the first page").hasSize(AteliersView.PAGE_SIZE);
    }

    @Test
    void text_typed_by_staff_shows_as_text_never_as_markup() {
        TestAtelier atelier = fixtures.create("Calendrier balises", 8, 2);
        long odd = fixtures.workshop(atelier.territory(), "<script>alert(1)</script> & « Tablette »",
                Set.of(Theme.EMAIL), AtelierLevel.DEBUTANT, "<img src=x onerror=alert(2)>");
        fixtures.session(atelier.territory(), odd, fixtures.at(3, 10, 0), 6);
        navigate("territoire/" + atelier.territory().slug() + "/ateliers", AteliersView.class);

        Html card = $(Html.class).all().stream().filter(h -> h.getInnerHtml().contains("alert(1)")).findFirst().orElseThrow();
        assertThat(card.getInnerHtml()).doesNotContain("<script", "<img").contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp;");
        Element parsed = Jsoup.parseBodyFragment("<article>" + card.getInnerHtml() + "</article>").body().child(0);
        assertThat(parsed.select("script, img")).isEmpty();
        assertThat(parsed.selectFirst("h3 > a").text()).isEqualTo("<script>alert(1)</script> & « Tablette »");
        assertThat(parsed.selectFirst("a.atelier-button").attr("aria-label"))
                .isEqualTo("Je m’inscris : <script>alert(1)</script> & « Tablette »");
        assertThat(parsed.select("p").eachText()).contains("À apporter : <img src=x onerror=alert(2)>");
    }

    @Test
    void an_anonymous_visitor_session_lives_the_public_idle_timeout() {
        TestAtelier atelier = fixtures.create("Calendrier session", 8, 2);
        navigate("territoire/" + atelier.territory().slug() + "/ateliers", AteliersView.class);
        assertThat(com.vaadin.flow.server.VaadinSession.getCurrent().getSession().getMaxInactiveInterval())
                .isEqualTo(600);
    }

    private List<String> dayHeadings() {
        return $(com.vaadin.flow.component.html.Section.class).withClassName("atelier-day").all().stream()
                .map(section -> $(H2.class, section).single().getText()).toList();
    }

    private static String monthTitle(LocalDate day) {
        String name = day.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, Locale.FRENCH) + " " + day.getYear();
        return AteliersView.capitalized(name);
    }

    @Test
    void typing_part_of_a_communes_name_finds_it_whatever_the_accents_and_capitals() {
        var communes = List.of("Fléville-devant-Nancy", "Heillecourt", "Houdemont", "Ludres");
        assertThat(AteliersView.matching(communes, name -> name, "fleville", 0, 50)).containsExactly("Fléville-devant-Nancy");
        assertThat(AteliersView.matching(communes, name -> name, " HOU ", 0, 50)).containsExactly("Houdemont");
        assertThat(AteliersView.matching(communes, name -> name, null, 1, 2)).containsExactly("Heillecourt", "Houdemont");
    }
}
