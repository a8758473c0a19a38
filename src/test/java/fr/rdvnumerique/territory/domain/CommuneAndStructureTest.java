package fr.rdvnumerique.territory.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.rdvnumerique.territory.Departments;
import fr.rdvnumerique.territory.StructureKind;
import org.junit.jupiter.api.Test;

class CommuneAndStructureTest {

    @Test
    void insee_codes_have_five_characters_including_corsica() {
        assertThat(new Commune(1, "Ludres", "54328", "54710").getInseeCode()).isEqualTo("54328");
        assertThat(new Commune(1, "Ajaccio", "2a004", "20000").getInseeCode()).isEqualTo("2A004");
        assertThatThrownBy(() -> new Commune(1, "Ludres", "5432", "54710")).extracting("messageKey")
                .isEqualTo("territory.commune.insee.invalid");
        assertThatThrownBy(() -> new Commune(1, "Ludres", "54328", "5471O")).extracting("messageKey")
                .isEqualTo("territory.commune.postal.invalid");
    }

    @Test
    void the_department_comes_from_the_insee_code() {
        assertThat(Departments.ofInseeCode("54328")).isEqualTo("54");
        assertThat(Departments.ofInseeCode("97411")).isEqualTo("974");
        assertThat(Departments.isAlsaceMoselle(Departments.ofInseeCode("57463"))).isTrue();
        assertThat(Departments.isAlsaceMoselle(Departments.ofInseeCode("54328"))).isFalse();
    }

    @Test
    void a_structure_slug_is_lower_case_words_joined_by_hyphens() {
        assertThat(new Structure("Ludres", "ludres-et-environs", StructureKind.MUTUALISATION, null, null).getSlug())
                .isEqualTo("ludres-et-environs");
        assertThatThrownBy(() -> new Structure("Ludres", "Ludres!", StructureKind.MUTUALISATION, null, null))
                .extracting("messageKey").isEqualTo("territory.structure.slug.invalid");
    }
}
