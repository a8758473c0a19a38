package fr.rdvnumerique.base.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class FrenchDatesTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void days_are_written_out_in_french() {
        assertThat(FrenchDates.day(LocalDate.of(2024, 12, 3))).isEqualTo("mardi 3 décembre 2024");
        assertThat(FrenchDates.dayWithoutYear(LocalDate.of(2024, 12, 3))).isEqualTo("mardi 3 décembre");
    }

    @Test
    void the_first_of_the_month_is_premier() {
        assertThat(FrenchDates.day(LocalDate.of(2026, 12, 1))).isEqualTo("mardi 1er décembre 2026");
    }

    @Test
    void times_use_the_french_h() {
        assertThat(FrenchDates.time(LocalTime.of(14, 0))).isEqualTo("14 h 00");
        assertThat(FrenchDates.time(LocalTime.of(9, 5))).isEqualTo("9 h 05");
    }

    @Test
    void instants_are_shown_in_paris_time_even_across_summer_time() {
        var winter = ZonedDateTime.of(2026, 12, 3, 14, 0, 0, 0, PARIS).toInstant();
        var summer = ZonedDateTime.of(2026, 7, 3, 14, 0, 0, 0, PARIS).toInstant();
        assertThat(FrenchDates.dayAndTime(winter)).isEqualTo("jeudi 3 décembre 2026 à 14 h 00");
        assertThat(FrenchDates.dayAndTime(summer)).isEqualTo("vendredi 3 juillet 2026 à 14 h 00");
        assertThat(FrenchDates.dayAndTimeRange(winter, winter.plusSeconds(5400)))
                .isEqualTo("jeudi 3 décembre 2026, de 14 h 00 à 15 h 30");
    }
}
