package fr.rdvnumerique.base.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import java.text.DateFormatSymbols;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Date pickers that speak French: month and day names, first day Monday, "Aujourd'hui". */
public final class Pickers {

    private Pickers() {
    }

    public static DatePicker datePicker(String label) {
        var picker = new DatePicker(label);
        picker.setLocale(Locale.FRANCE);
        picker.setI18n(frenchI18n());
        return picker;
    }

    static DatePicker.DatePickerI18n frenchI18n() {
        var symbols = DateFormatSymbols.getInstance(Locale.FRENCH);
        List<String> months = Arrays.stream(symbols.getMonths()).filter(m -> !m.isEmpty()).toList();
        // DateFormatSymbols starts the week on Sunday, as the date picker expects.
        List<String> weekdays = Arrays.stream(symbols.getWeekdays()).filter(d -> !d.isEmpty()).toList();
        List<String> shortWeekdays = Arrays.stream(symbols.getShortWeekdays()).filter(d -> !d.isEmpty()).toList();
        var i18n = new DatePicker.DatePickerI18n();
        i18n.setMonthNames(months);
        i18n.setWeekdays(weekdays);
        i18n.setWeekdaysShort(shortWeekdays);
        i18n.setFirstDayOfWeek(1);
        i18n.setToday("Aujourd’hui");
        i18n.setCancel("Annuler");
        i18n.setDateFormat("dd/MM/yyyy");
        return i18n;
    }
}
