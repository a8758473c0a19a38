package fr.rdvnumerique.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdvnumerique.atelier.AtelierFixtures;
import fr.rdvnumerique.base.security.Role;
import fr.rdvnumerique.base.security.StaffAccountProvisioning;
import fr.rdvnumerique.testing.BrowserTest;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** The activity report in a real browser: tables a screen reader can follow, no accessibility violation. */
class ReportJourneyIT extends BrowserTest {

    static final String PASSWORD = "mot de passe du test";

    @Autowired AtelierFixtures ateliers;
    @Autowired StaffAccountProvisioning accounts;
    @Autowired TransactionTemplate transactions;

    @Test
    void a_coordinator_reads_the_report_of_the_year() {
        var atelier = ateliers.create("Parcours rapport", 8, 3);
        String coordinator = "coordination@" + atelier.territory().slug() + ".example.org";
        transactions.executeWithoutResult(s -> accounts.provision(coordinator, "Dominique Rapport", PASSWORD,
                EnumSet.of(Role.COORDINATOR), atelier.territory().structureId(), null));

        signIn(coordinator, PASSWORD);
        open("staff/rapport");
        waitForText("Les heures par commune et le partage des coûts");
        screenshot("01-rapport");
        assertAccessible("report");
        assertThat(driver.findElements(By.cssSelector("table.report-table caption"))).hasSizeGreaterThan(10);
        assertThat(driver.findElement(By.id("report-pdf")).getAttribute("href")).isNotBlank();
    }
}
