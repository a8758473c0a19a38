package fr.rdvnumerique.atelier.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import fr.rdvnumerique.atelier.SeriesForm;
import fr.rdvnumerique.atelier.SessionForm;
import fr.rdvnumerique.atelier.SessionService;
import fr.rdvnumerique.atelier.SessionStatus;
import fr.rdvnumerique.atelier.SessionSummary;
import fr.rdvnumerique.atelier.WorkshopService;
import fr.rdvnumerique.atelier.WorkshopSummary;
import fr.rdvnumerique.base.i18n.FrenchDates;
import fr.rdvnumerique.base.security.CurrentStaff;
import fr.rdvnumerique.base.security.Role;
import fr.rdvnumerique.base.time.ParisTime;
import fr.rdvnumerique.base.ui.EditorDialog;
import fr.rdvnumerique.base.ui.UiMessages;
import fr.rdvnumerique.territory.TerritoryDirectory;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** The structure's atelier sessions: plan one or a series, open one to run it. */
@StyleSheet("styles/atelier.css")
@Route("staff/ateliers")
@Menu(title = "atelier.sessions.menu", order = 30, icon = "CALENDAR_USER")
@RolesAllowed(Role.ADVISOR_NAME)
class SessionsView extends Div implements HasDynamicTitle {

    private final SessionService sessions;
    private final WorkshopService workshops;
    private final TerritoryDirectory directory;
    private final CurrentStaff staff;
    private final Clock clock;
    private final Grid<SessionSummary> grid = new Grid<>();
    private final Checkbox past = new Checkbox();
    private final SessionEditors editors;
    private final EditorDialog<SessionForm> sessionDialog;
    private final EditorDialog<SeriesForm> seriesDialog;

    SessionsView(SessionService sessions, WorkshopService workshops, TerritoryDirectory directory, CurrentStaff staff,
                 Clock clock) {
        this.sessions = sessions;
        this.workshops = workshops;
        this.directory = directory;
        this.staff = staff;
        this.clock = clock;
        addClassNames("staff-page", "atelier-sessions");
        editors = new SessionEditors(this);
        loadChoices();
        sessionDialog = editors.sessionDialog();
        seriesDialog = editors.seriesDialog();

        var add = new Button(getTranslation("atelier.sessions.add"), VaadinIcon.PLUS.create(), e -> addSession());
        add.setId("atelier-add-session");
        add.addThemeVariants(ButtonVariant.PRIMARY);
        var series = new Button(getTranslation("atelier.sessions.add-series"), VaadinIcon.CALENDAR.create(), e -> addSeries());
        series.setId("atelier-add-series");
        past.setLabel(getTranslation("atelier.sessions.past"));
        past.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        var actions = new Div(add, series, past);
        actions.addClassName("row-actions");
        var header = new Div(new H1(getTranslation("atelier.sessions.title")), actions);
        header.addClassName("staff-page-header");

        grid.addThemeVariants(GridVariant.ROW_STRIPES);
        grid.addClassName("staff-grid");
        grid.setEmptyStateText(getTranslation("atelier.roster.none"));
        grid.addColumn(s -> FrenchDates.shortDay(s.start().atZone(ParisTime.ZONE).toLocalDate()) + " "
                        + FrenchDates.time(s.start().atZone(ParisTime.ZONE).toLocalTime()))
                .setHeader(getTranslation("atelier.session.when")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(SessionSummary::title).setHeader(getTranslation("atelier.session.workshop")).setFlexGrow(1);
        grid.addColumn(SessionSummary::placeName).setHeader(getTranslation("atelier.session.place")).setFlexGrow(1);
        grid.addColumn(SessionSummary::advisorName).setHeader(getTranslation("atelier.session.advisor")).setAutoWidth(true);
        grid.addColumn(s -> getTranslation("atelier.session.seats.value", s.confirmedSeats(), s.capacity()))
                .setHeader(getTranslation("atelier.session.seats")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(SessionSummary::waitingCount).setHeader(getTranslation("atelier.session.waiting"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(s -> {
            var status = new Span(getTranslation(s.status().labelKey()));
            status.addClassName(s.status() == SessionStatus.SCHEDULED ? "badge-ok" : "badge-off");
            return status;
        }).setHeader(getTranslation("atelier.session.status")).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(s -> {
            var open = new Button(getTranslation("atelier.sessions.open"), e -> open(s.id()));
            open.addThemeVariants(ButtonVariant.SMALL);
            open.getElement().setAttribute("aria-label", getTranslation("atelier.sessions.open") + " : " + s.title());
            return open;
        }).setHeader(getTranslation("atelier.roster.actions")).setAutoWidth(true).setFlexGrow(0);
        grid.addItemClickListener(e -> open(e.getItem().id()));
        grid.setItemsPageable(pageable -> sessions.list(past.getValue(), pageable).getContent());
        add(header, grid);
    }

    private void loadChoices() {
        long structureId = staff.structureId();
        editors.setChoices(workshops.active(), directory.places(structureId), directory.advisors(structureId));
    }

    private void addSession() {
        loadChoices();
        List<WorkshopSummary> active = workshops.active();
        if (active.isEmpty()) {
            UiMessages.error(this, "atelier.sessions.none-workshop");
            return;
        }
        var form = sessions.newForm(active.getFirst().id(), LocalDate.now(clock.withZone(ParisTime.ZONE)).plusDays(7),
                LocalTime.of(14, 0));
        sessionDialog.edit(getTranslation("atelier.sessions.add"), form, sessions::create, () -> {
            UiMessages.success(this, "atelier.sessions.created");
            grid.getDataProvider().refreshAll();
        });
    }

    private void addSeries() {
        loadChoices();
        List<WorkshopSummary> active = workshops.active();
        if (active.isEmpty()) {
            UiMessages.error(this, "atelier.sessions.none-workshop");
            return;
        }
        var template = sessions.newForm(active.getFirst().id(), LocalDate.now(clock.withZone(ParisTime.ZONE)).plusDays(7),
                LocalTime.of(14, 0));
        var form = new SeriesForm(template.workshopId(), null, template.advisorId(), template.date(), template.startTime(),
                template.endTime(), template.capacity(), 6, 1, template.closesBefore());
        seriesDialog.edit(getTranslation("atelier.sessions.add-series"), form, value -> {
            int created = sessions.createSeries(value).size();
            UiMessages.success(this, "atelier.sessions.series-created", created);
        }, () -> grid.getDataProvider().refreshAll());
    }

    private void open(long sessionId) {
        getUI().ifPresent(ui -> ui.navigate(SessionView.class, new RouteParameters("sessionId", String.valueOf(sessionId))));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.page-title", getTranslation("atelier.sessions.title"));
    }
}
