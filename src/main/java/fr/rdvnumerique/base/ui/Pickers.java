package fr.rdvnumerique.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.datepicker.DatePicker;
import java.text.DateFormatSymbols;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Date pickers in the user's language (French first): month and day names, buttons from the bundle, the week
 * starting on Monday and dates written day/month/year as in France.
 */
public final class Pickers {

    private Pickers() {
    }

    public static DatePicker datePicker(String label) {
        var picker = new DatePicker(label);
        // Before setLocale, the picker's locale is its UI's.
        picker.setI18n(i18n(picker, picker.getLocale()));
        picker.setLocale(Locale.FRANCE);
        return picker;
    }

    /** Texts from the bundles of the picker's UI (its locale: French unless the resident chose English). */
    static DatePicker.DatePickerI18n i18n(Component context, Locale uiLocale) {
        Locale language = uiLocale != null && "en".equals(uiLocale.getLanguage()) ? Locale.ENGLISH : Locale.FRENCH;
        var symbols = DateFormatSymbols.getInstance(language);
        List<String> months = Arrays.stream(symbols.getMonths()).filter(m -> !m.isEmpty()).toList();
        // DateFormatSymbols starts the week on Sunday, as the date picker expects.
        List<String> weekdays = Arrays.stream(symbols.getWeekdays()).filter(d -> !d.isEmpty()).toList();
        List<String> shortWeekdays = Arrays.stream(symbols.getShortWeekdays()).filter(d -> !d.isEmpty()).toList();
        var i18n = new DatePicker.DatePickerI18n();
        i18n.setMonthNames(months);
        i18n.setWeekdays(weekdays);
        i18n.setWeekdaysShort(shortWeekdays);
        i18n.setFirstDayOfWeek(1);
        i18n.setToday(context.getTranslation("picker.today"));
        i18n.setCancel(context.getTranslation("picker.cancel"));
        i18n.setDateFormat("dd/MM/yyyy");
        return i18n;
    }
}
