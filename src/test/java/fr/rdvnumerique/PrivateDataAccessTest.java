package fr.rdvnumerique;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import fr.rdvnumerique.appointment.AppointmentDirectory;
import fr.rdvnumerique.appointment.BookingService;
import fr.rdvnumerique.atelier.RegistrationService;
import org.junit.jupiter.api.Test;

/**
 * The service methods that mint a private link or return a resident's data by a bare numeric id serve the
 * notification module's listeners and jobs, which have nothing else to go by. Nobody else may call them: a page
 * goes through the private link (the token is the authority) or a staff service scoped to the signed-in person's
 * structure, so a forged id in a request reaches nobody's data.
 */
class PrivateDataAccessTest {

    private static final String NOTIFICATION = "fr.rdvnumerique.notification..";

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("fr.rdvnumerique");

    @Test
    void only_the_notification_module_mints_private_links_or_reads_a_registration_by_id() {
        noClasses().that().resideOutsideOfPackages(NOTIFICATION, "fr.rdvnumerique.atelier")
                .should().callMethod(RegistrationService.class, "details", long.class)
                .orShould().callMethod(RegistrationService.class, "issueManagementToken", long.class)
                .check(classes);
    }

    @Test
    void only_the_notification_module_mints_private_links_or_reads_an_appointment_by_id() {
        noClasses().that().resideOutsideOfPackages(NOTIFICATION, "fr.rdvnumerique.appointment")
                .should().callMethod(BookingService.class, "issueManagementToken", long.class)
                .orShould().callMethod(AppointmentDirectory.class, "details", long.class)
                .orShould().callMethod(AppointmentDirectory.class, "require", long.class)
                .check(classes);
    }
}
