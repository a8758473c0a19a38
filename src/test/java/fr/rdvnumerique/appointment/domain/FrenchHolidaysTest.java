package fr.rdvnumerique.appointment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FrenchHolidaysTest {

    @Test
    void alsace_moselle_keeps_good_friday_and_26_december_in_each_of_its_three_departements() {
        for (String department : new String[] {"57", "67", "68"}) {
            assertThat(FrenchHolidays.isHoliday(LocalDate.of(2026, 4, 3), department)).as("Good Friday 2026 in %s", department).isTrue();
            assertThat(FrenchHolidays.isHoliday(LocalDate.of(2030, 4, 19), department)).as("Good Friday 2030 in %s", department).isTrue();
            assertThat(FrenchHolidays.isHoliday(LocalDate.of(2026, 12, 26), department)).as("26 December in %s", department).isTrue();
        }
        assertThat(FrenchHolidays.isHoliday(LocalDate.of(2026, 4, 3), "54")).isFalse();
        assertThat(FrenchHolidays.isHoliday(LocalDate.of(2026, 12, 26), "21")).isFalse();
    }

    @Test
    void national_holidays_for_any_year_including_easter_based_ones() {
        assertThat(FrenchHolidays.isHoliday(LocalDate.of(2027, 3, 29), "54")).as("Easter Monday 2027").isTrue();
        assertThat(FrenchHolidays.isHoliday(LocalDate.of(2027, 5, 6), "54")).as("Ascension 2027").isTrue();
        assertThat(FrenchHolidays.isHoliday(LocalDate.of(2027, 5, 17), "54")).as("Whit Monday 2027").isTrue();
        assertThat(FrenchHolidays.isHoliday(LocalDate.of(2041, 7, 14), "21")).isTrue();
        assertThat(FrenchHolidays.isHoliday(LocalDate.of(2026, 11, 11), "")).isTrue();
        assertThat(FrenchHolidays.isHoliday(LocalDate.of(2026, 11, 12), "54")).isFalse();
    }

    @Test
    void an_unknown_departement_gets_the_national_holidays() {
        assertThat(FrenchHolidays.isHoliday(LocalDate.of(2026, 12, 25), "974")).isTrue();
        assertThat(FrenchHolidays.between(LocalDate.of(2026, 12, 20), LocalDate.of(2027, 1, 5), "54"))
                .containsExactlyInAnyOrder(LocalDate.of(2026, 12, 25), LocalDate.of(2027, 1, 1));
    }
}
