package fr.rdvnumerique.territory.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import fr.rdvnumerique.base.audit.AuditFilter;
import fr.rdvnumerique.base.audit.AuditKind;
import fr.rdvnumerique.base.audit.AuditTrail;
import fr.rdvnumerique.base.security.StaffLogin;
import fr.rdvnumerique.territory.AccessibilityState;
import fr.rdvnumerique.territory.LegalPages;
import fr.rdvnumerique.territory.TerritoryFixtures;
import fr.rdvnumerique.testing.IntegrationTest;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

/** A coordinator completes the legal pages through the screen; residents read them, the footer says the state. */
@IntegrationTest
class LegalPagesViewTest extends SpringBrowserlessTest {

    @Autowired TerritoryFixtures territories;
    @Autowired LegalPages pages;
    @Autowired AuditTrail audit;

    @AfterEach
    void signOut() {
        StaffLogin.signOut();
    }

    @Test
    void a_coordinator_completes_the_three_pages_and_residents_read_them() {
        var territory = territories.create("Pages legales");
        StaffLogin.coordinator(territory.structureId());
        navigate(LegalPagesView.class);

        test($(TextField.class).id("legal-director")).setValue("Marie Dupont, maire");
        test($(TextArea.class).id("legal-address")).setValue("Hôtel de ville, 1 place de la République, 54710 Ludres");
        test($(TextField.class).id("legal-dpo")).setValue("dpd@ludres.example.org");
        @SuppressWarnings("unchecked")
        Select<AccessibilityState> state = $(Select.class).id("legal-state");
        test(state).selectItem("totalement conforme");
        test($(IntegerField.class).id("legal-rate")).setValue(75);
        test($(DatePicker.class).id("legal-audit-date")).setValue(LocalDate.of(2026, 11, 2));
        test($(TextField.class).id("legal-audited-by")).setValue("Access42");
        test($(TextArea.class).id("legal-non-accessible")).setValue("Les fichiers PDF ne sont pas balisés.\nLa carte n’a pas d’alternative.");
        test($(TextField.class).id("legal-accessibility-contact")).setValue("accessibilite@ludres.example.org");
        test($(DatePicker.class).id("legal-declaration-date")).setValue(LocalDate.of(2026, 12, 1));
        test($(Button.class).id("legal-save")).click();

        // 75 % is not « totalement conforme »: said next to the rate, nothing lost, nothing saved.
        IntegerField rate = $(IntegerField.class).id("legal-rate");
        assertThat(rate.isInvalid()).isTrue();
        assertThat(rate.getErrorMessage()).isEqualTo("« Totalement conforme » veut dire 100 % des critères respectés.");
        assertThat($(TextField.class).id("legal-director").getValue()).isEqualTo("Marie Dupont, maire");
        assertThat(pages.loadMine().version()).isEqualTo(-1);

        test(state).selectItem("partiellement conforme");
        test($(Button.class).id("legal-save")).click();
        assertThat(rate.isInvalid()).isFalse();
        var saved = pages.loadMine().value();
        assertThat(saved.publicationDirector()).isEqualTo("Marie Dupont, maire");
        assertThat(saved.accessibilityState()).isEqualTo(AccessibilityState.PARTIALLY_COMPLIANT);
        assertThat(saved.complianceRate()).isEqualTo(75);
        assertThat(audit.list(AuditFilter.everything().withKind(AuditKind.LEGAL_PAGE_CHANGED), PageRequest.of(0, 5)))
                .singleElement().satisfies(e -> assertThat(e.changes())
                        .isEqualTo("accessibilityState: PARTIALLY_COMPLIANT; complianceRate: 75"));
        StaffLogin.signOut();

        navigate("territoire/" + territory.slug() + "/accessibilite", AccessibilityStatementView.class);
        assertThat($(H1.class).all()).singleElement().extracting(H1::getText).isEqualTo("Déclaration d’accessibilité");
        assertThat($(Paragraph.class).id("legal-state").getText())
                .isEqualTo("Ce portail est partiellement conforme avec le référentiel général d’amélioration de "
                        + "l’accessibilité (RGAA), version 4.1.");
        assertThat($(Paragraph.class).withText("L’audit de conformité réalisé le lundi 2 novembre 2026 par Access42 "
                + "révèle que 75 % des critères du RGAA sont respectés.").exists()).isTrue();
        assertThat($(Paragraph.class).withText("La carte n’a pas d’alternative.").exists()).isTrue();
        assertThat($(Anchor.class).id("legal-accessibility").getText()).isEqualTo("Accessibilité : partiellement conforme");
        assertThat($(Anchor.class).id("legal-accessibility").getHref())
                .isEqualTo("/territoire/" + territory.slug() + "/accessibilite");

        navigate("territoire/" + territory.slug() + "/mentions-legales", LegalNoticeView.class);
        assertThat($(H1.class).all()).hasSize(1);
        assertThat($(Paragraph.class).withText("Marie Dupont, maire").exists()).isTrue();
        assertThat($(Paragraph.class).withText("Le service est hébergé par à compléter par l’exploitant du service.")
                .exists()).as("the host comes from the configuration, blank here").isTrue();

        navigate("territoire/" + territory.slug() + "/donnees-personnelles", PersonalDataView.class);
        assertThat($(H1.class).all()).hasSize(1);
        assertThat($(UnorderedList.class).id("legal-retention").getElement().getTextRecursively())
                .contains("effacés 12 mois après le rendez-vous", "supprimés 12 mois après", ": 12 mois.");
        assertThat($(Paragraph.class).withText("Pour exercer vos droits, écrivez à : dpd@ludres.example.org").exists())
                .isTrue();
    }

    @Test
    void without_a_declaration_the_portal_says_it_is_not_compliant() {
        var territory = territories.create("Sans declaration");
        navigate("territoire/" + territory.slug() + "/accessibilite", AccessibilityStatementView.class);
        assertThat($(Paragraph.class).id("legal-state").getText()).contains("non conforme");
        assertThat($(Paragraph.class).withText("Aucun audit de conformité n’a encore été réalisé : le portail est donc "
                + "déclaré non conforme.").exists()).isTrue();
        assertThat($(Anchor.class).id("legal-accessibility").getText()).isEqualTo("Accessibilité : non conforme");
    }
}
