package fr.rdvnumerique.notification.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import fr.rdvnumerique.base.domain.PhoneNumber;
import fr.rdvnumerique.base.i18n.FrenchDates;
import fr.rdvnumerique.base.security.Role;
import fr.rdvnumerique.base.time.ParisTime;
import fr.rdvnumerique.base.ui.UiMessages;
import fr.rdvnumerique.notification.domain.StaffNote;
import fr.rdvnumerique.notification.internal.DeliveryStatus;
import fr.rdvnumerique.notification.internal.Outbox;
import fr.rdvnumerique.notification.internal.OutboxRow;
import fr.rdvnumerique.notification.internal.OutboxService;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The structure's outbox: what is waiting, what left, what failed and why; "Renvoyer" on a failed or sent
 * message. The grid is lazy and filtered by state in the query.
 */
@Route("staff/envois")
@Menu(title = "notification.outbox.menu", order = 70, icon = "ENVELOPE")
@RolesAllowed(Role.COORDINATOR_NAME)
@StyleSheet("styles/notification.css")
class OutboxView extends Div implements HasDynamicTitle {

    /** "All states" in the filter (a Select item cannot be null and still have a label of its own). */
    static final Optional<DeliveryStatus> ALL = Optional.empty();

    private final OutboxService outbox;
    final Grid<OutboxRow> grid = new Grid<>();
    final Select<Optional<DeliveryStatus>> filter = new Select<>();

    OutboxView(OutboxService outbox) {
        this.outbox = outbox;
        addClassNames("staff-page", "outbox-page");

        filter.setLabel(getTranslation("notification.outbox.filter"));
        filter.setId("outbox-filter");
        var choices = new ArrayList<Optional<DeliveryStatus>>();
        choices.add(ALL);
        List.of(DeliveryStatus.values()).forEach(s -> choices.add(Optional.of(s)));
        filter.setItems(choices);
        filter.setItemLabelGenerator(choice -> choice.map(s -> getTranslation(s.labelKey()))
                .orElseGet(() -> getTranslation("notification.outbox.filter.all")));
        filter.setValue(ALL);
        filter.addValueChangeListener(e -> grid.getDataProvider().refreshAll());

        var header = new Div(new H1(getTranslation("notification.outbox.title")), filter);
        header.addClassName("staff-page-header");
        var intro = new Paragraph(getTranslation("notification.outbox.intro"));
        intro.addClassName("notification-intro");

        grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        grid.addClassName("staff-grid");
        grid.setId("outbox-grid");
        grid.addColumn(row -> when(row.createdAt())).setHeader(getTranslation("notification.outbox.created"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::message).setHeader(getTranslation("notification.outbox.message")).setFlexGrow(2);
        grid.addComponentColumn(row -> {
            var recipient = new Span(Outbox.SMS.equals(row.channel()) ? phone(row.recipient()) : row.recipient());
            recipient.addClassName("outbox-recipient");
            return recipient;
        }).setHeader(getTranslation("notification.outbox.recipient")).setFlexGrow(2);
        grid.addComponentColumn(this::status).setHeader(getTranslation("notification.outbox.status"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(this::detail).setHeader(getTranslation("notification.outbox.detail")).setFlexGrow(3);
        grid.addComponentColumn(this::actions).setHeader(getTranslation("column.actions")).setAutoWidth(true).setFlexGrow(0);
        grid.setItemsPageable(pageable -> outbox.list(filter.getValue().orElse(null), pageable).getContent());

        add(header, intro, grid);
    }

    /** The kind above the subject line. */
    private Div message(OutboxRow row) {
        var kind = new Span(getTranslation("notification.outbox.channel." + row.channel()) + " · "
                + getTranslation(row.kind().labelKey()));
        kind.addClassName("outbox-kind");
        var subject = new Span(row.subject());
        var message = new Div(kind, subject);
        message.addClassName("outbox-message");
        return message;
    }

    private Span status(OutboxRow row) {
        var badge = new Span(getTranslation(row.status().labelKey()));
        badge.addClassNames("outbox-status", "outbox-status-" + row.status().name().toLowerCase());
        return badge;
    }

    /** When it left, or when it is tried next and why the last attempt failed. */
    private String detail(OutboxRow row) {
        return switch (row.status()) {
            case SENT -> getTranslation("notification.outbox.sent-at", when(row.sentAt()));
            case FAILED -> getTranslation("notification.outbox.failed", row.attempts(), words(row.lastError()));
            case PENDING -> row.lastError() == null ? getTranslation("notification.outbox.waiting")
                    : getTranslation("notification.outbox.retry", when(row.nextAttemptAt()), row.attempts(), words(row.lastError()));
            case SENDING -> getTranslation("notification.outbox.sending");
        };
    }

    private Div actions(OutboxRow row) {
        var actions = new Div();
        actions.addClassName("row-actions");
        if (row.canResend()) {
            var resend = new Button(getTranslation("notification.outbox.resend"), e -> {
                try {
                    outbox.resend(row.id());
                    UiMessages.success(this, "notification.outbox.resent", row.recipient());
                    grid.getDataProvider().refreshAll();
                } catch (RuntimeException ex) {
                    UiMessages.error(this, ex);
                }
            });
            resend.addThemeVariants(ButtonVariant.SMALL);
            resend.setId("resend-" + row.id());
            resend.setAriaLabel(getTranslation("notification.outbox.resend.to", row.recipient()));
            actions.add(resend);
        }
        return actions;
    }

    static String when(Instant instant) {
        if (instant == null) {
            return "";
        }
        ZonedDateTime local = instant.atZone(ParisTime.ZONE);
        return FrenchDates.shortDay(local.toLocalDate()) + " " + FrenchDates.time(local.toLocalTime());
    }

    /** A text message's number as it is dialled ("06 12 34 56 78"). */
    static String phone(String e164) {
        try {
            return new PhoneNumber(e164).display();
        } catch (RuntimeException e) {
            return e164;
        }
    }

    /** Why it failed, in the reader's language; a row written before codes shows its French text as it is. */
    private String words(StaffNote note) {
        return note == null ? "" : getTranslation(note.code().labelKey(), note.parameters());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.page-title", getTranslation("notification.outbox.title"));
    }
}
