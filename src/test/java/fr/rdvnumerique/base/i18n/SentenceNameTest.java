package fr.rdvnumerique.base.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentenceNameTest {

    @Test
    void a_feminine_name_keeps_its_article_after_a_and_de() {
        var name = SentenceName.of("Médiathèque de Ludres", Article.LA);
        assertThat(name.withArticle()).isEqualTo("la Médiathèque de Ludres");
        assertThat(name.after("à")).isEqualTo("à la Médiathèque de Ludres");
        assertThat(name.after("de")).isEqualTo("de la Médiathèque de Ludres");
        assertThat(name.capitalised()).isEqualTo("La Médiathèque de Ludres");
    }

    @Test
    void a_masculine_name_contracts_into_au_and_du() {
        var name = SentenceName.of("Conseiller numérique de Ludres", Article.LE);
        assertThat(name.withArticle()).isEqualTo("le Conseiller numérique de Ludres");
        assertThat(name.after("à")).isEqualTo("au Conseiller numérique de Ludres");
        assertThat(name.after("de")).isEqualTo("du Conseiller numérique de Ludres");
        assertThat(name.after("À")).isEqualTo("Au Conseiller numérique de Ludres");
    }

    @Test
    void a_plural_name_contracts_into_aux_and_des() {
        var name = SentenceName.of("Ateliers du numérique", Article.LES);
        assertThat(name.withArticle()).isEqualTo("les Ateliers du numérique");
        assertThat(name.after("à")).isEqualTo("aux Ateliers du numérique");
        assertThat(name.after("de")).isEqualTo("des Ateliers du numérique");
    }

    @Test
    void the_article_elides_before_a_vowel_and_a_mute_h() {
        assertThat(SentenceName.of("Espace numérique", Article.L).after("à")).isEqualTo("à l’Espace numérique");
        assertThat(SentenceName.of("Hôtel de ville", Article.L).after("de")).isEqualTo("de l’Hôtel de ville");
        // « la Espace » is never right, whatever was chosen.
        assertThat(SentenceName.of("Espace numérique", Article.LE).withArticle()).isEqualTo("l’Espace numérique");
        assertThat(SentenceName.of("Espace numérique", Article.LE).after("à")).isEqualTo("à l’Espace numérique");
        // An aspirated h keeps it.
        assertThat(SentenceName.of("Halle aux grains", Article.LA).after("à")).isEqualTo("à la Halle aux grains");
    }

    @Test
    void a_name_without_article_elides_de_before_a_vowel() {
        assertThat(SentenceName.bare("Émerchicourt").after("de")).isEqualTo("d’Émerchicourt");
        assertThat(SentenceName.bare("Émerchicourt").after("à")).isEqualTo("à Émerchicourt");
        assertThat(SentenceName.bare("Ludres").after("de")).isEqualTo("de Ludres");
        assertThat(SentenceName.bare("Houdemont").after("de")).isEqualTo("de Houdemont");
        assertThat(SentenceName.of("Hautmont", Article.NONE_ELIDED).after("de")).isEqualTo("d’Hautmont");
        assertThat(SentenceName.bare("Yutz").after("de")).isEqualTo("de Yutz");
    }

    @Test
    void other_prepositions_take_the_name_with_its_article() {
        assertThat(SentenceName.of("Mairie de Houdemont", Article.LA).after("par")).isEqualTo("par la Mairie de Houdemont");
    }

    @Test
    void the_first_guess_follows_the_first_word() {
        assertThat(Article.guess("Médiathèque de Ludres")).isEqualTo(Article.LA);
        assertThat(Article.guess("Mairie de Houdemont")).isEqualTo(Article.LA);
        assertThat(Article.guess("Conseiller numérique de Ludres")).isEqualTo(Article.LE);
        assertThat(Article.guess("Espace numérique")).isEqualTo(Article.L);
        assertThat(Article.guess("Hôtel de ville")).isEqualTo(Article.L);
        assertThat(Article.guess("Émerchicourt")).isEqualTo(Article.NONE);
        assertThat(Article.guess("France Services")).isEqualTo(Article.NONE);
    }

    @Test
    void a_commune_whose_name_begins_with_le_or_les_contracts_and_la_keeps_its_capital() {
        assertThat(SentenceName.communeAfter("À", "Le Havre")).isEqualTo("Au Havre");
        assertThat(SentenceName.communeAfter("à", "Les Mureaux")).isEqualTo("aux Mureaux");
        assertThat(SentenceName.communeAfter("de", "Le Havre")).isEqualTo("du Havre");
        assertThat(SentenceName.communeAfter("à", "La Rochelle")).isEqualTo("à La Rochelle");
        assertThat(SentenceName.communeAfter("À", "Ludres")).isEqualTo("À Ludres");
        assertThat(SentenceName.communeAfter("de", "Émerchicourt")).isEqualTo("d’Émerchicourt");
        assertThat(SentenceName.communeAfter("à", "Lesparre-Médoc")).isEqualTo("à Lesparre-Médoc");
    }
}
