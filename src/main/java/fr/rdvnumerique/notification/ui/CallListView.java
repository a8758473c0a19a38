package fr.rdvnumerique.notification.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import fr.rdvnumerique.base.security.Role;
import fr.rdvnumerique.base.ui.UiMessages;
import fr.rdvnumerique.notification.internal.CallList;
import fr.rdvnumerique.notification.internal.CallStatus;
import fr.rdvnumerique.notification.internal.CallTask;
import fr.rdvnumerique.territory.AdvisorSummary;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * « À appeler »: the residents who get neither a mail nor a text message, and what to tell them before when, most
 * urgent first; per advisor (an advisor sees their own first). « Appelé » and « Pas de réponse » record who and when.
 */
@Route("staff/a-appeler")
@Menu(title = "notification.calls.menu", order = 65, icon = "PHONE")
@RolesAllowed({Role.COORDINATOR_NAME, Role.ADVISOR_NAME})
@StyleSheet("styles/notification.css")
class CallListView extends Div implements HasDynamicTitle {

    static final Optional<Long> EVERYONE = Optional.empty();

    private final CallList calls;
    final Select<Optional<Long>> advisor = new Select<>();
    final Checkbox done = new Checkbox();
    final Grid<CallTask> grid = new Grid<>();

    CallListView(CallList calls) {
        this.calls = calls;
        addClassNames("staff-page", "calls-page");

        var advisors = calls.advisors();
        var choices = new ArrayList<Optional<Long>>();
        choices.add(EVERYONE);
        advisors.forEach(a -> choices.add(Optional.of(a.id())));
        advisor.setLabel(getTranslation("notification.calls.advisor"));
        advisor.setId("calls-advisor");
        advisor.setItems(choices);
        advisor.setItemLabelGenerator(choice -> choice.flatMap(id -> advisors.stream().filter(a -> a.id() == id)
                        .map(AdvisorSummary::displayName).findFirst())
                .orElseGet(() -> getTranslation("notification.calls.everyone")));
        Long mine = calls.myAdvisorId();
        advisor.setValue(mine != null && choices.contains(Optional.of(mine)) ? Optional.of(mine) : EVERYONE);
        advisor.addValueChangeListener(e -> refresh());

        done.setLabel(getTranslation("notification.calls.show-done"));
        done.setId("calls-show-done");
        done.addValueChangeListener(e -> refresh());

        var header = new Div(new H1(getTranslation("notification.calls.title")), advisor, done);
        header.addClassName("staff-page-header");
        var intro = new Paragraph(getTranslation("notification.calls.intro"));
        intro.addClassName("notification-intro");

        grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        grid.addClassName("staff-grid");
        grid.setId("calls-grid");
        grid.addColumn(c -> OutboxView.when(c.dueBy())).setHeader(getTranslation("notification.calls.before"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::who).setHeader(getTranslation("notification.calls.who")).setFlexGrow(2);
        grid.addComponentColumn(this::what).setHeader(getTranslation("notification.calls.what")).setFlexGrow(4);
        grid.addComponentColumn(this::status).setHeader(getTranslation("notification.calls.status")).setFlexGrow(2);
        grid.addComponentColumn(this::actions).setHeader(getTranslation("column.actions")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.setEmptyStateText(getTranslation("notification.calls.empty"));
        add(header, intro, grid);
        refresh();
    }

    void refresh() {
        grid.setItems(calls.list(advisor.getValue().orElse(null), !done.getValue()));
    }

    /** The name, the number to dial (a tel: link), whose call it is. */
    private Div who(CallTask c) {
        var name = new Span(c.personName() == null ? "" : c.personName());
        name.addClassName("call-person");
        var number = new Anchor("tel:" + c.phone().replace(" ", ""), c.phone());
        number.addClassName("call-phone");
        var who = new Div(name, number);
        if (c.advisorName() != null) {
            var of = new Span(getTranslation("notification.calls.of", c.advisorName()));
            of.addClassName("call-advisor");
            who.add(of);
        }
        who.addClassName("call-who");
        return who;
    }

    private Div what(CallTask c) {
        var reason = new Span(getTranslation(c.reason().labelKey()));
        reason.addClassName("outbox-kind");
        var what = new Div(reason, new Span(c.what()));
        what.addClassName("outbox-message");
        return what;
    }

    private Div status(CallTask c) {
        var badge = new Span(getTranslation(c.status().labelKey()));
        badge.addClassNames("outbox-status", "call-status-" + c.status().name().toLowerCase());
        var status = new Div(badge);
        if (c.outcomeBy() != null) {
            status.add(new Span(getTranslation("notification.calls.by", c.outcomeBy(), OutboxView.when(c.outcomeAt()))));
        }
        status.addClassName("call-state");
        return status;
    }

    private Div actions(CallTask c) {
        var actions = new Div();
        actions.addClassName("row-actions");
        if (c.status().open()) {
            actions.add(button(c, CallStatus.CALLED, "call-done-", "notification.calls.called"),
                    button(c, CallStatus.NO_ANSWER, "call-no-answer-", "notification.calls.no-answer"));
        }
        return actions;
    }

    private Button button(CallTask c, CallStatus outcome, String idPrefix, String key) {
        var button = new Button(getTranslation(key), e -> {
            try {
                calls.mark(c.id(), outcome);
                UiMessages.success(this, outcome == CallStatus.CALLED ? "notification.calls.saved.called"
                        : "notification.calls.saved.no-answer", c.personName() == null ? "" : c.personName());
            } catch (RuntimeException ex) {
                UiMessages.error(this, ex);
            }
            refresh();
        });
        button.addThemeVariants(ButtonVariant.SMALL);
        if (outcome == CallStatus.CALLED) {
            button.addThemeVariants(ButtonVariant.PRIMARY);
        }
        button.setId(idPrefix + c.id());
        button.setAriaLabel(getTranslation(key) + " : " + (c.personName() == null ? c.phone() : c.personName()));
        return button;
    }

    List<CallTask> shown() {
        return grid.getGenericDataView().getItems().toList();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.page-title", getTranslation("notification.calls.title"));
    }
}
