package fr.rdvnumerique.base.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class LogSafeTest {

    @Test
    void a_logged_exception_keeps_its_classes_and_frames_but_not_what_a_resident_typed() {
        var sql = new java.sql.SQLIntegrityConstraintViolationException("Duplicate entry 'marie.dupont@exemple.fr' for key");
        var error = new IllegalStateException("Could not save 06 12 34 56 78", sql);

        Throwable logged = LogSafe.redact(error);
        var printed = new StringWriter();
        logged.printStackTrace(new PrintWriter(printed));

        assertThat(printed.toString())
                .doesNotContain("marie.dupont", "06 12 34 56 78")
                .contains("java.lang.IllegalStateException (message left out of the log)",
                        "java.sql.SQLIntegrityConstraintViolationException (message left out of the log)",
                        "LogSafeTest.a_logged_exception_keeps_its_classes_and_frames_but_not_what_a_resident_typed");
        assertThat(logged.getStackTrace()).isEqualTo(error.getStackTrace());
    }
}
