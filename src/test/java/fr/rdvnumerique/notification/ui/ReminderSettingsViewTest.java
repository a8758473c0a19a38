package fr.rdvnumerique.notification.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import fr.rdvnumerique.appointment.AppointmentCard;
import fr.rdvnumerique.appointment.AppointmentFixtures;
import fr.rdvnumerique.appointment.BookingRequest;
import fr.rdvnumerique.appointment.BookingService;
import fr.rdvnumerique.appointment.FreeSlot;
import fr.rdvnumerique.atelier.AtelierFixtures;
import fr.rdvnumerique.base.domain.Origin;
import fr.rdvnumerique.base.domain.PlaceResult;
import fr.rdvnumerique.base.security.StaffLogin;
import fr.rdvnumerique.base.time.ParisTime;
import fr.rdvnumerique.notification.NotificationTestKit;
import fr.rdvnumerique.notification.internal.ReminderActivity;
import fr.rdvnumerique.notification.internal.ReminderSettingsService;
import fr.rdvnumerique.notification.internal.Reminders;
import fr.rdvnumerique.notification.internal.ScheduledReminder;
import fr.rdvnumerique.notification.internal.SubjectRef;
import fr.rdvnumerique.territory.TerritoryFixtures;
import fr.rdvnumerique.territory.TerritoryFixtures.TestTerritory;
import fr.rdvnumerique.testing.IntegrationTest;
import fr.rdvnumerique.testing.TestClock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A coordinator sets the reminders of the structure, and of one motif or workshop chosen by its name. */
@IntegrationTest
class ReminderSettingsViewTest extends SpringBrowserlessTest {

    // Now: Monday 30 November 2026, 9:00; the appointment is on Friday 4 December at 10:00.
    static final LocalDate FRIDAY = LocalDate.of(2026, 12, 4);

    @Autowired TerritoryFixtures fixtures;
    @Autowired AppointmentFixtures appointmentFixtures;
    @Autowired AtelierFixtures ateliers;
    @Autowired BookingService booking;
    @Autowired Reminders reminders;
    @Autowired NotificationTestKit kit;
    @Autowired TestClock clock;

    TestTerritory territory;
    long motif;

    @BeforeEach
    void signIn() {
        clock.setParis(2026, 11, 30, 9, 0);
        territory = fixtures.create("Vue rappels");
        motif = appointmentFixtures.motif(territory);
        StaffLogin.coordinator(territory.structureId());
    }

    @AfterEach
    void signOut() {
        kit.awaitEvents();
        StaffLogin.signOut();
        clock.reset();
    }

    static java.time.Instant paris(LocalDate day, int hour) {
        return ZonedDateTime.of(day, LocalTime.of(hour, 0), ParisTime.ZONE).toInstant();
    }

    /** A real booking with reminders accepted, its reminders planned by the notification listener. */
    private SubjectRef booked() {
        appointmentFixtures.open(territory, DayOfWeek.FRIDAY, "09:00", "12:00");
        var result = (PlaceResult.Confirmed<AppointmentCard, FreeSlot>) booking.book(new BookingRequest(territory.placeId(), motif, paris(FRIDAY, 10),
                "Jeanne", "Martin", "jeanne@" + territory.slug() + ".example.org", null, true, Set.of(), null, Origin.web("192.0.2.80")));
        kit.awaitEvents();
        return SubjectRef.of("APPOINTMENT", result.id());
    }

    @SuppressWarnings("unchecked")
    private Grid<ReminderSettingsService.Override> overrides() {
        return $(Grid.class).id("reminder-overrides");
    }

    /** The "Retirer" button of the first override (cell components are made when the grid renders a row). */
    private Button removeButton(Grid<ReminderSettingsService.Override> grid) {
        var button = (Button) test(grid).getCellComponent(0, 3);
        assertThat(button.getId()).contains("remove-override-appointment-" + motif);
        return button;
    }

    @SuppressWarnings("unchecked")
    private ComboBox<ReminderSettingsService.Owner> owner() {
        return $(ComboBox.class).id("override-owner");
    }

    @Test
    void a_new_structure_setting_plans_the_reminders_of_existing_bookings_again() {
        SubjectRef subject = booked();
        assertThat(reminders.of(subject)).extracting(ScheduledReminder::status, ScheduledReminder::dueAt)
                .containsExactly(tuple("PENDING", paris(FRIDAY.minusDays(2), 10)));

        navigate(ReminderSettingsView.class);
        assertThat($(TextField.class).id("offsets-atelier").getValue()).isEqualTo("48, 24");
        test($(TextField.class).id("offsets-appointment")).setValue("24, 3");
        test($(Button.class).id("save-appointment")).click();

        assertThat(reminders.offsetsFor(territory.structureId(), ReminderActivity.APPOINTMENT, null))
                .containsExactly(Duration.ofHours(24), Duration.ofHours(3));
        assertThat(reminders.of(subject)).extracting(ScheduledReminder::offset, ScheduledReminder::status,
                        ScheduledReminder::dueAt)
                .containsExactly(tuple(Duration.ofHours(48), "CANCELLED", paris(FRIDAY.minusDays(2), 10)),
                        tuple(Duration.ofHours(24), "PENDING", paris(FRIDAY.minusDays(1), 10)),
                        tuple(Duration.ofHours(3), "PENDING", paris(FRIDAY, 8)));

        test($(Button.class).id("reset-appointment")).click();
        assertThat(reminders.of(subject)).filteredOn(r -> r.status().equals("PENDING"))
                .extracting(ScheduledReminder::offset).containsExactly(Duration.ofHours(48));
    }

    @Test
    void a_wrong_value_is_explained_next_to_the_field_and_nothing_changes() {
        navigate(ReminderSettingsView.class);
        var field = $(TextField.class).id("offsets-appointment");
        test(field).setValue("demain matin");
        test($(Button.class).id("save-appointment")).click();
        assertThat(field.isInvalid()).isTrue();
        assertThat(field.getErrorMessage()).startsWith("Écrivez des nombres d’heures");
        assertThat(reminders.offsetsFor(territory.structureId(), ReminderActivity.APPOINTMENT, null))
                .containsExactly(Duration.ofHours(48));
    }

    @Test
    void a_motif_chosen_by_its_name_gets_reminders_of_its_own_then_follows_the_structure_again() {
        SubjectRef subject = booked();
        navigate(ReminderSettingsView.class);
        test($(Select.class).id("override-activity")).selectItem("Rendez-vous");
        var owner = $(ComboBox.class).id("override-owner");
        assertThat(test(owner).getSuggestions()).contains("Prendre en main sa tablette");
        test(owner).selectItem("Prendre en main sa tablette");
        test($(TextField.class).id("override-offsets")).setValue("72");
        test($(Button.class).id("save-override")).click();

        assertThat(reminders.offsetsFor(territory.structureId(), ReminderActivity.APPOINTMENT, motif))
                .containsExactly(Duration.ofHours(72));
        assertThat(reminders.of(subject)).filteredOn(r -> r.status().equals("PENDING"))
                .extracting(ScheduledReminder::dueAt).containsExactly(paris(FRIDAY.minusDays(3), 10));
        Grid<ReminderSettingsService.Override> grid = overrides();
        assertThat(grid.isVisible()).isTrue();
        assertThat(test(grid).getCellText(0, 1)).isEqualTo("Prendre en main sa tablette");
        assertThat(test(grid).getCellText(0, 2)).isEqualTo("72 h avant");

        test(removeButton(grid)).click();
        assertThat(reminders.offsetsFor(territory.structureId(), ReminderActivity.APPOINTMENT, motif))
                .containsExactly(Duration.ofHours(48));
        assertThat(reminders.of(subject)).filteredOn(r -> r.status().equals("PENDING"))
                .extracting(ScheduledReminder::dueAt).containsExactly(paris(FRIDAY.minusDays(2), 10));
        assertThat(grid.isVisible()).isFalse();
    }

    @Test
    void a_workshop_is_chosen_by_its_title_and_nothing_is_saved_without_a_choice() {
        ateliers.workshop(territory, "Sécurité en ligne");
        navigate(ReminderSettingsView.class);
        test($(Select.class).id("override-activity")).selectItem("Ateliers");
        ComboBox<ReminderSettingsService.Owner> owner = owner();
        assertThat(test(owner).getSuggestions()).containsExactly("Sécurité en ligne");

        test($(TextField.class).id("override-offsets")).setValue("24");
        test($(Button.class).id("save-override")).click();
        assertThat(owner.isInvalid()).isTrue();
        assertThat(owner.getErrorMessage()).isEqualTo("Choisissez un motif ou un atelier.");

        test(owner).selectItem("Sécurité en ligne");
        test($(TextField.class).id("override-offsets")).setValue("");
        test($(Button.class).id("save-override")).click();
        assertThat(reminders.offsetsFor(territory.structureId(), ReminderActivity.ATELIER,
                test(owner).getSuggestionItems().getFirst().id())).as("empty: no reminder for it").isEmpty();
    }

    @Test
    void a_removal_that_fails_is_told_and_leaves_the_page_as_it_was() {
        navigate(ReminderSettingsView.class);
        test($(Select.class).id("override-activity")).selectItem("Rendez-vous");
        test($(ComboBox.class).id("override-owner")).selectItem("Prendre en main sa tablette");
        test($(TextField.class).id("override-offsets")).setValue("12");
        test($(Button.class).id("save-override")).click();

        // Meanwhile the account was moved to another structure: the service refuses this motif.
        StaffLogin.coordinator(fixtures.create("Autre structure").structureId());
        test(removeButton(overrides())).click();
        assertThat(test($(Notification.class).last()).getText()).isEqualTo("Cet élément n’existe pas ou plus.");
        assertThat(overrides().isVisible()).as("the page stays as it was").isTrue();
        StaffLogin.coordinator(territory.structureId());
        assertThat(reminders.offsetsFor(territory.structureId(), ReminderActivity.APPOINTMENT, motif))
                .containsExactly(Duration.ofHours(12));
    }
}
