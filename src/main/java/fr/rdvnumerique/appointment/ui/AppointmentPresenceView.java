package fr.rdvnumerique.appointment.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import fr.rdvnumerique.appointment.AppointmentCard;
import fr.rdvnumerique.appointment.AppointmentSettings;
import fr.rdvnumerique.appointment.AppointmentStatus;
import fr.rdvnumerique.appointment.BookingService;
import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.base.ui.PublicLayout;
import fr.rdvnumerique.base.ui.UiMessages;
import fr.rdvnumerique.base.web.ClientAddress;
import fr.rdvnumerique.base.web.RateLimiter;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * « Je viens / Je ne pourrai pas venir » for an appointment, behind the link of its reminder: two large buttons.
 * Opening the page changes nothing (a mail's link scanner only reads it); a button press does. « Je ne pourrai pas
 * venir » cancels at once and frees the slot, until the start.
 *
 * @see fr.rdvnumerique.base.web.ResidentPaths#appointmentPresence(String)
 */
@StyleSheet("styles/appointment.css")
@Route(value = "rendez-vous/:token/presence", layout = PublicLayout.class)
@AnonymousAllowed
public class AppointmentPresenceView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final BookingService booking;
    private final RateLimiter limiter;
    private final AppointmentSettings settings;
    private final Clock clock;
    private final Paragraph notice = new Paragraph();
    private String token;

    AppointmentPresenceView(BookingService booking, RateLimiter limiter, AppointmentSettings settings, Clock clock) {
        this.booking = booking;
        this.limiter = limiter;
        this.settings = settings;
        this.clock = clock;
        addClassNames("public-page", "manage-appointment", "presence-page");
        notice.setId("presence-notice");
        notice.addClassName("wizard-notice");
        notice.getElement().setAttribute("role", "status");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getRouteParameters().get("token").orElse("");
        notice.setVisible(false);
        if (!limiter.tryAcquire("appointment.manage", ClientAddress.current(), settings.lookupsPerHourPerAddress())) {
            removeAll();
            add(new H1(getTranslation("appointment.manage.unknown.title")), new Paragraph(getTranslation("error.rate-limited")));
            return;
        }
        show();
    }

    private void show() {
        removeAll();
        AppointmentCard card = booking.findByToken(token).orElse(null);
        if (card == null) {
            add(new H1(getTranslation("appointment.manage.unknown.title")),
                    new Paragraph(getTranslation("appointment.manage.unknown.text")));
            return;
        }
        add(new H1(getTranslation("appointment.presence.title")), notice);
        var status = new Paragraph(status(card));
        status.setId("presence-status");
        add(status);
        var when = new Paragraph(SlotTimes.dayAndTime(this, card.start()));
        when.addClassName("confirmation-date");
        add(when, new Paragraph(card.motifLabel()));
        add(new H2(getTranslation("appointment.wizard.done.where")), new PlaceBlock(card.place()));
        if (card.status() == AppointmentStatus.BOOKED && clock.instant().isBefore(card.start())) {
            var buttons = new Div();
            buttons.addClassName("presence-buttons");
            var yes = new Button(getTranslation("appointment.presence.yes"),
                    e -> act(booking::confirmPresenceByToken, "appointment.presence.yes.done"));
            yes.setId("presence-yes");
            yes.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.LARGE);
            yes.addClassName("presence-button");
            var no = new Button(getTranslation("appointment.presence.no"),
                    e -> act(booking::cannotComeByToken, "appointment.presence.no.done"));
            no.setId("presence-no");
            no.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.LARGE);
            no.addClassName("presence-button");
            buttons.add(yes, no);
            add(buttons);
        }
        var manage = new RouterLink(getTranslation("appointment.presence.manage"), ManageAppointmentView.class,
                new RouteParameters("token", token));
        manage.setId("presence-manage");
        add(manage);
    }

    private String status(AppointmentCard card) {
        if (card.status() == AppointmentStatus.BOOKED) {
            return getTranslation(card.presenceConfirmedAt() == null ? "appointment.presence.status.booked"
                    : "appointment.presence.status.coming");
        }
        return getTranslation(card.status().labelKey());
    }

    private void act(Consumer<String> action, String doneKey) {
        try {
            action.accept(token);
            show();
            notice.setText(getTranslation(doneKey));
        } catch (BusinessRuleException e) {
            show();
            notice.setText(UiMessages.describe(this, e));
        }
        notice.setVisible(true);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.page-title", getTranslation("appointment.presence.title"));
    }
}
