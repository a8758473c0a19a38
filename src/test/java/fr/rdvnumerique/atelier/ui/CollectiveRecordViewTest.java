package fr.rdvnumerique.atelier.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import fr.rdvnumerique.atelier.AtelierFixtures;
import fr.rdvnumerique.atelier.AtelierFixtures.TestAtelier;
import fr.rdvnumerique.atelier.AtelierStatistics;
import fr.rdvnumerique.atelier.Attendance;
import fr.rdvnumerique.atelier.CollectiveRecordService;
import fr.rdvnumerique.atelier.RegistrationService;
import fr.rdvnumerique.atelier.RosterService;
import fr.rdvnumerique.atelier.WalkIns;
import fr.rdvnumerique.base.security.StaffLogin;
import fr.rdvnumerique.base.taxonomy.AgeBand;
import fr.rdvnumerique.base.taxonomy.AtelierLevel;
import fr.rdvnumerique.base.taxonomy.EquipmentUsed;
import fr.rdvnumerique.base.taxonomy.Gender;
import fr.rdvnumerique.base.time.ParisTime;
import fr.rdvnumerique.testing.IntegrationTest;
import fr.rdvnumerique.testing.TestClock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * After a session, the advisor fills its collective record on the roster screen: the refusal of counts that do not
 * add up is said next to them and loses nothing; once saved, the ateliers' figures count the walk-ins.
 */
@IntegrationTest
class CollectiveRecordViewTest extends SpringBrowserlessTest {

    @Autowired AtelierFixtures fixtures;
    @Autowired RegistrationService registrations;
    @Autowired RosterService rosters;
    @Autowired CollectiveRecordService records;
    @Autowired AtelierStatistics statistics;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;

    @AfterEach
    void signOut() {
        StaffLogin.signOut();
        clock.reset();
    }

    private IntegerField count(String id) {
        return $(IntegerField.class).id(id);
    }

    @Test
    void the_advisor_records_a_session_with_its_walk_ins_and_a_breakdown_larger_than_the_total_is_refused() {
        TestAtelier atelier = fixtures.create("Compte rendu", 4, 1);
        registrations.register(AtelierFixtures.request(atelier.sessionId(), "Anne", "Petit"));
        registrations.register(AtelierFixtures.request(atelier.sessionId(), "Bruno", "Martin"));
        StaffLogin.advisor(atelier.territory().structureId(), atelier.territory().advisorId());

        navigate("staff/ateliers/seance/" + atelier.sessionId(), SessionView.class);
        assertThat($(Button.class).withId("roster-record").all()).as("no record before the session").isEmpty();

        clock.set(atelier.start().plus(Duration.ofMinutes(90)));
        long anne = rosters.roster(atelier.sessionId()).confirmed().stream()
                .filter(e -> e.lastName().equals("Petit")).findFirst().orElseThrow().registrationId();
        rosters.markAttendance(anne, Attendance.PRESENT);
        navigate("staff/ateliers/seance/" + atelier.sessionId(), SessionView.class);
        assertThat($(Paragraph.class).id("roster-record-status").getText()).startsWith("Après la séance");
        test($(Button.class).id("roster-record")).click();

        assertThat($(TextField.class).id("record-title").getValue()).isEqualTo("Découvrir sa tablette Compte rendu");
        assertThat($(Paragraph.class).id("record-registered").getText())
                .startsWith("1 personne(s) inscrite(s) présente(s) sur 2 place(s) réservée(s) ; 1 présence(s) pas encore notée(s).");
        @SuppressWarnings("unchecked")
        CheckboxGroup<EquipmentUsed> equipment = $(CheckboxGroup.class).id("record-equipment");
        test(equipment).selectItem("Tablette");
        test(count(WalkIns.TOTAL)).setValue(3);
        test(count(WalkIns.ALREADY_HELPED)).setValue(1);
        test(count("walk-ins-gender-feminin")).setValue(2);
        test(count("walk-ins-gender-masculin")).setValue(2);
        test(count("walk-ins-age-plus-de-70")).setValue(2);
        test($(Button.class).id("record-save")).click();

        Paragraph refusal = $(Paragraph.class).id("walk-ins-gender-error");
        assertThat(refusal.isVisible()).isTrue();
        assertThat(refusal.getText()).isEqualTo(
                "Le détail par genre compte 4 personne(s), plus que les 3 personne(s) venue(s) sans inscription.");
        assertThat(records.draft(atelier.sessionId()).recorded()).isFalse();
        assertThat($(Dialog.class).all()).anyMatch(Dialog::isOpened);
        assertThat(count(WalkIns.TOTAL).getValue()).as("nothing typed is lost").isEqualTo(3);

        test(count("walk-ins-gender-masculin")).setValue(1);
        test($(Button.class).id("record-save")).click();

        assertThat($(Dialog.class).all()).noneMatch(Dialog::isOpened);
        var saved = records.draft(atelier.sessionId());
        assertThat(saved.recorded()).isTrue();
        assertThat(saved.form().equipment()).containsExactly(EquipmentUsed.TABLETTE);
        assertThat(saved.form().level()).isEqualTo(AtelierLevel.DEBUTANT);
        assertThat(saved.form().walkIns().total()).isEqualTo(3);
        assertThat(saved.form().walkIns().count(Gender.FEMININ)).isEqualTo(2);
        assertThat(saved.form().walkIns().count(AgeBand.PLUS_DE_70)).isEqualTo(2);
        assertThat($(Paragraph.class).id("roster-record-status").getText()).startsWith("Le compte rendu de cette séance");

        LocalDate day = LocalDate.ofInstant(atelier.start(), ParisTime.ZONE);
        var figures = statistics.figures(day, day, null);
        assertThat(figures.sessionsRecorded()).isEqualTo(1);
        assertThat(figures.walkIns()).isEqualTo(3);
        assertThat(figures.walkInsAlreadyHelped()).isEqualTo(1);
        assertThat(figures.attendees()).isEqualTo(1 + 3);
        assertThat(figures.walkInsByAgeBand()).containsEntry(AgeBand.PLUS_DE_70, 2L)
                .containsEntry(AgeBand.NON_COMMUNIQUE, 1L);

        // Correcting the record: the screen opens with what was saved.
        test($(Button.class).id("roster-record")).click();
        assertThat(count("walk-ins-gender-feminin").getValue()).isEqualTo(2);
        @SuppressWarnings("unchecked")
        Select<Long> place = $(Select.class).id("record-place");
        assertThat(place.getValue()).isEqualTo(atelier.territory().placeId());
    }

    @Test
    void the_database_refuses_a_breakdown_larger_than_the_total_whatever_the_code_does() {
        TestAtelier atelier = fixtures.create("Compte rendu base", 4, 1);
        StaffLogin.advisor(atelier.territory().structureId(), atelier.territory().advisorId());
        clock.set(atelier.start().plus(Duration.ofMinutes(10)));
        records.save(atelier.sessionId(), new fr.rdvnumerique.atelier.CollectiveRecordForm("Atelier", AtelierLevel.AVANCE,
                Set.of(fr.rdvnumerique.base.taxonomy.Theme.EMAIL), Set.of(EquipmentUsed.ORDINATEUR), 60,
                atelier.territory().placeId(), WalkIns.none(), null));

        for (String column : new String[] {"gender_feminin", "age_de_25_a_39", "status_retraite", "walk_ins_already_helped"}) {
            assertThatThrownBy(() -> jdbc.update("update atelier_collective_record set walk_ins = 1, " + column
                    + " = 2 where session_id = ?", atelier.sessionId()))
                    .as(column).isInstanceOf(DataIntegrityViolationException.class);
        }
    }
}
