package fr.rdvnumerique.appointment.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import fr.rdvnumerique.base.i18n.FrenchDates;
import fr.rdvnumerique.base.time.ParisTime;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A month as a grid of days, built from standard components: only the days with free slots are buttons (large,
 * labelled with the full date and the number of times left), the others are plain text. Months without any free
 * day before or after are not offered.
 */
class MonthCalendar extends Div {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRENCH);

    private final Consumer<LocalDate> onPick;
    private final Clock clock;
    private Map<LocalDate, Integer> freeDays = Map.of();
    private YearMonth month;

    MonthCalendar(Clock clock, Consumer<LocalDate> onPick) {
        this.clock = clock;
        this.onPick = onPick;
        addClassName("month-calendar");
    }

    /** Shows the month of the first free day. */
    void show(Map<LocalDate, Integer> freeDaysWithCount) {
        this.freeDays = freeDaysWithCount;
        this.month = freeDays.keySet().stream().min(LocalDate::compareTo).map(YearMonth::from).orElseGet(() -> YearMonth.now(clock.withZone(ParisTime.ZONE)));
        render();
    }

    YearMonth month() {
        return month;
    }

    private void render() {
        removeAll();
        var previous = new Button(getTranslation("appointment.calendar.previous"), VaadinIcon.ARROW_LEFT.create(),
                e -> move(-1));
        previous.setId("calendar-previous");
        previous.setEnabled(hasFreeDay(month.minusMonths(1), true));
        var next = new Button(getTranslation("appointment.calendar.next"), VaadinIcon.ARROW_RIGHT.create(), e -> move(1));
        next.setId("calendar-next");
        next.setIconAfterText(true);
        next.setEnabled(hasFreeDay(month.plusMonths(1), false));
        String title = MONTH.format(month);
        var heading = new H3(Character.toUpperCase(title.charAt(0)) + title.substring(1));
        heading.setId("calendar-month");
        var header = new Div(previous, heading, next);
        header.addClassName("month-calendar-header");

        var grid = new Div();
        grid.addClassName("month-grid");
        grid.getElement().setAttribute("role", "group");
        grid.getElement().setAttribute("aria-labelledby", "calendar-month");
        for (DayOfWeek day : DayOfWeek.values()) {
            var name = new Span(day.getDisplayName(TextStyle.SHORT, Locale.FRENCH));
            name.addClassName("month-weekday");
            name.getElement().setAttribute("aria-hidden", "true");
            grid.add(name);
        }
        LocalDate first = month.atDay(1);
        for (int i = 1; i < first.getDayOfWeek().getValue(); i++) {
            var blank = new Span();
            blank.addClassName("month-blank");
            grid.add(blank);
        }
        for (int d = 1; d <= month.lengthOfMonth(); d++) {
            LocalDate date = month.atDay(d);
            Integer count = freeDays.get(date);
            if (count != null && count > 0) {
                var button = new Button(String.valueOf(d), e -> onPick.accept(date));
                button.addClassName("month-day-free");
                button.setId("day-" + date);
                button.setAriaLabel(getTranslation("appointment.calendar.day-free", FrenchDates.dayWithoutYear(date),
                        count == 1 ? getTranslation("appointment.calendar.one-free") : getTranslation("appointment.calendar.many-free", count)));
                grid.add(button);
            } else {
                var text = new Span(String.valueOf(d));
                text.addClassName("month-day-none");
                text.getElement().setAttribute("aria-hidden", "true");
                grid.add(text);
            }
        }
        var legend = new Span(getTranslation("appointment.calendar.legend"));
        legend.addClassName("month-legend");
        add(header, grid, legend);
    }

    private void move(int months) {
        month = month.plusMonths(months);
        render();
    }

    private boolean hasFreeDay(YearMonth target, boolean orBefore) {
        return freeDays.keySet().stream().map(YearMonth::from)
                .anyMatch(m -> m.equals(target) || (orBefore ? m.isBefore(target) : m.isAfter(target)));
    }
}
