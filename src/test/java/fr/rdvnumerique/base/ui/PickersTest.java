package fr.rdvnumerique.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import fr.rdvnumerique.testing.IntegrationTest;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Date pickers take their words from the bundles, in the user's language. */
@IntegrationTest
class PickersTest extends SpringBrowserlessTest {

    @Test
    void a_date_picker_speaks_french_by_default() {
        var i18n = Pickers.datePicker("Date").getI18n();
        assertThat(i18n.getToday()).isEqualTo("Aujourd’hui");
        assertThat(i18n.getCancel()).isEqualTo("Annuler");
        assertThat(i18n.getMonthNames()).startsWith("janvier", "février");
        assertThat(i18n.getFirstDayOfWeek()).isEqualTo(1);
    }

    @Test
    void and_english_to_who_chose_english() {
        UI.getCurrent().setLocale(Locale.ENGLISH);
        var i18n = Pickers.datePicker("Date").getI18n();
        assertThat(i18n.getToday()).isEqualTo("Today");
        assertThat(i18n.getMonthNames()).startsWith("January");
    }
}
