package fr.rdvnumerique.appointment.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import fr.rdvnumerique.appointment.ActivityRecordService;
import fr.rdvnumerique.appointment.AgendaEntry;
import fr.rdvnumerique.appointment.AgendaService;
import fr.rdvnumerique.appointment.AppointmentStatus;
import fr.rdvnumerique.base.i18n.FrenchDates;
import fr.rdvnumerique.base.security.Role;
import fr.rdvnumerique.base.time.ParisTime;
import fr.rdvnumerique.base.ui.Pickers;
import fr.rdvnumerique.territory.AdvisorSummary;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The advisor's agenda, by day or by week, across places: appointments, and the atelier sessions and absences
 * that occupy the advisor too. Coordinators see every advisor of their structure side by side (« Tous les
 * conseillers », one column per advisor), or one advisor at a time.
 */
@StyleSheet("styles/appointment.css")
@Route("staff/agenda")
@Menu(title = "appointment.agenda.menu", order = 10, icon = "CALENDAR")
@RolesAllowed(Role.ADVISOR_NAME)
class AgendaView extends Div implements HasDynamicTitle {

    enum Mode { DAY, WEEK }

    /** Whose agenda is shown: one advisor, or everyone ({@code advisor} null). */
    record Who(AdvisorSummary advisor) {
        static final Who EVERYONE = new Who(null);
    }

    private final AgendaService agenda;
    private final ActivityRecordService records;
    private final Clock clock;
    private final List<AdvisorSummary> advisors;
    private final Select<Who> advisor = new Select<>();
    private final RadioButtonGroup<Mode> mode = new RadioButtonGroup<>();
    private final com.vaadin.flow.component.datepicker.DatePicker date;
    private final Div days = new Div();
    private final Paragraph empty = new Paragraph();

    AgendaView(AgendaService agenda, ActivityRecordService records, Clock clock) {
        this.agenda = agenda;
        this.records = records;
        this.clock = clock;
        addClassNames("staff-page", "agenda-page");
        date = Pickers.datePicker(getTranslation("appointment.agenda.date"));
        date.setId("agenda-date");
        date.setValue(LocalDate.now(clock.withZone(ParisTime.ZONE)));

        advisors = agenda.advisors();
        advisor.setLabel(getTranslation("appointment.agenda.advisor"));
        advisor.setId("agenda-advisor");
        var choices = new java.util.ArrayList<Who>();
        if (advisors.size() > 1) {
            choices.add(Who.EVERYONE);
        }
        advisors.forEach(a -> choices.add(new Who(a)));
        advisor.setItems(choices);
        advisor.setItemLabelGenerator(w -> w == null ? "" : w.advisor() == null
                ? getTranslation("appointment.agenda.everyone") : w.advisor().displayName());
        if (!choices.isEmpty()) {
            advisor.setValue(choices.getFirst());
        }
        advisor.setVisible(advisors.size() > 1);

        mode.setLabel(getTranslation("appointment.agenda.view"));
        mode.setId("agenda-mode");
        mode.setItems(Mode.values());
        mode.setItemLabelGenerator(m -> getTranslation("appointment.agenda.mode." + m.name()));
        mode.setValue(Mode.WEEK);

        var previous = new Button(VaadinIcon.ARROW_LEFT.create(), e -> shift(-1));
        previous.setAriaLabel(getTranslation("appointment.agenda.previous"));
        previous.setId("agenda-previous");
        var next = new Button(VaadinIcon.ARROW_RIGHT.create(), e -> shift(1));
        next.setAriaLabel(getTranslation("appointment.agenda.next"));
        next.setId("agenda-next");
        var book = new Button(getTranslation("appointment.agenda.book"), VaadinIcon.PLUS.create(), e -> openBooking());
        book.setId("agenda-book");
        book.addThemeVariants(ButtonVariant.PRIMARY);

        var header = new Div(new H1(getTranslation("appointment.agenda.title")), book);
        header.addClassName("staff-page-header");
        var toolbar = new Div(advisor, mode, previous, date, next);
        toolbar.addClassName("agenda-toolbar");
        days.addClassName("agenda-days");
        empty.addClassName("agenda-empty");
        add(header, toolbar, empty, days);

        advisor.addValueChangeListener(e -> refresh());
        mode.addValueChangeListener(e -> refresh());
        date.addValueChangeListener(e -> refresh());
        refresh();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ParisTime.ZONE));
    }

    private void shift(int direction) {
        LocalDate current = date.getValue() == null ? today() : date.getValue();
        date.setValue(mode.getValue() == Mode.DAY ? current.plusDays(direction) : current.plusWeeks(direction));
    }

    void refresh() {
        days.removeAll();
        if (advisor.getValue() == null) {
            empty.setText(getTranslation("appointment.agenda.no-advisor"));
            empty.setVisible(true);
            return;
        }
        empty.setVisible(false);
        LocalDate current = date.getValue() == null ? today() : date.getValue();
        LocalDate from = mode.getValue() == Mode.DAY ? current : current.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate to = mode.getValue() == Mode.DAY ? current : from.plusDays(6);
        AdvisorSummary one = advisor.getValue().advisor();
        List<AgendaEntry> found = one == null ? agenda.agendaOfAll(from, to) : agenda.agenda(one.id(), from, to);
        Map<LocalDate, List<AgendaEntry>> byDay = found.stream()
                .collect(Collectors.groupingBy(e -> e.start().atZone(ParisTime.ZONE).toLocalDate(), TreeMap::new, Collectors.toList()));
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            var section = new Section();
            section.addClassName("agenda-day");
            section.add(new H2(capitalised(FrenchDates.day(day))));
            List<AgendaEntry> entries = byDay.getOrDefault(day, List.of());
            if (one == null) {
                section.add(team(entries));
            } else {
                addEntries(section, entries);
            }
            days.add(section);
        }
    }

    /** One column per advisor (rows on a narrow screen), so a coordinator sees who is where at a glance. */
    private Div team(List<AgendaEntry> entries) {
        var team = new Div();
        team.addClassName("agenda-team");
        Map<Long, List<AgendaEntry>> byAdvisor = entries.stream().collect(Collectors.groupingBy(AgendaEntry::advisorId));
        for (AdvisorSummary a : advisors) {
            var column = new Div();
            column.addClassName("agenda-column");
            column.setId("agenda-column-" + a.id());
            var name = new H3(a.displayName());
            name.addClassName("agenda-column-title");
            column.add(name);
            addEntries(column, byAdvisor.getOrDefault(a.id(), List.of()));
            team.add(column);
        }
        return team;
    }

    private void addEntries(com.vaadin.flow.component.HasComponents target, List<AgendaEntry> entries) {
        if (entries.isEmpty()) {
            var nothing = new Paragraph(getTranslation("appointment.agenda.nothing"));
            nothing.addClassName("agenda-nothing");
            target.add(nothing);
        }
        for (AgendaEntry entry : entries) {
            target.add(row(entry));
        }
    }

    private Div row(AgendaEntry entry) {
        var time = new Span(FrenchDates.time(entry.start().atZone(ParisTime.ZONE).toLocalTime()) + " – "
                + FrenchDates.time(entry.end().atZone(ParisTime.ZONE).toLocalTime()));
        time.addClassName("agenda-time");
        var kind = new Span(getTranslation(entry.kind().labelKey()));
        kind.addClassNames("agenda-kind", "agenda-kind-" + entry.kind().name().toLowerCase());
        var title = new Span(entry.title());
        title.addClassName("agenda-title");
        var row = new Div(time, kind, title);
        row.addClassNames("agenda-entry", "agenda-entry-" + entry.kind().name().toLowerCase());
        if (entry.kind() == AgendaEntry.Kind.APPOINTMENT) {
            var who = new Span(entry.personName() + " · " + entry.placeName());
            who.addClassName("agenda-who");
            var status = new Span(getTranslation(entry.status().labelKey()));
            status.addClassNames("status-badge", "status-" + entry.status().name().toLowerCase());
            row.add(who, status);
            if (entry.status() == AppointmentStatus.DONE && !entry.recorded()) {
                var todo = new Span(getTranslation("appointment.agenda.record-missing"));
                todo.addClassName("agenda-todo");
                row.add(todo);
            }
            if (entry.status() == AppointmentStatus.CANCELLED) {
                row.addClassName("agenda-cancelled");
            }
            var open = new Button(getTranslation("appointment.agenda.open"), e -> openAppointment(entry.appointmentId()));
            open.setId("open-" + entry.appointmentId());
            open.addThemeVariants(ButtonVariant.SMALL);
            row.add(open);
        } else if (!entry.placeName().isBlank()) {
            var where = new Span(entry.placeName());
            where.addClassName("agenda-who");
            row.add(where);
        }
        return row;
    }

    private void openAppointment(long id) {
        new AppointmentDialog(agenda, records, clock, id, this::refresh).open();
    }

    private void openBooking() {
        new StaffBookingDialog(agenda, advisor.getValue() == null ? null : advisor.getValue().advisor(),
                date.getValue(), this::refresh).open();
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.page-title", getTranslation("appointment.agenda.title"));
    }
}
