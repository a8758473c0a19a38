package fr.rdvnumerique.atelier.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import fr.rdvnumerique.atelier.CancellationReason;
import fr.rdvnumerique.atelier.ManagedRegistration;
import fr.rdvnumerique.atelier.RegistrationService;
import fr.rdvnumerique.atelier.RegistrationStatus;
import fr.rdvnumerique.atelier.SessionCard;
import fr.rdvnumerique.atelier.SessionStatus;
import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.base.i18n.FrenchDates;
import fr.rdvnumerique.base.ui.PublicLayout;
import fr.rdvnumerique.base.ui.UiMessages;
import java.util.function.Consumer;

/**
 * « Je viens / Je ne pourrai pas venir », behind the link of a reminder or a seat offer: two large buttons. Opening
 * the page changes nothing (a mail's link scanner only reads it); a button press does. « Je ne pourrai pas venir »
 * cancels at once and the seat goes to the next person waiting; « Je viens » notes the person is coming, or takes
 * the seat offered to them.
 *
 * @see fr.rdvnumerique.base.web.ResidentPaths#registrationPresence(String)
 */
@StyleSheet("styles/atelier.css")
@Route(value = "inscription/:token/presence", layout = PublicLayout.class)
@AnonymousAllowed
public class RegistrationPresenceView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final RegistrationService registrations;
    private final Paragraph notice = new Paragraph();
    private String token;

    RegistrationPresenceView(RegistrationService registrations) {
        this.registrations = registrations;
        addClassNames("public-page", "atelier-manage", "presence-page");
        notice.setId("presence-notice");
        notice.addClassName("atelier-notice");
        notice.getElement().setAttribute("role", "status");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getRouteParameters().get("token").orElse("");
        notice.setVisible(false);
        show();
    }

    private void show() {
        removeAll();
        var found = registrations.findByToken(token);
        if (found.isEmpty()) {
            add(new H1(getTranslation("atelier.manage.invalid.title")),
                    new Paragraph(getTranslation("atelier.manage.invalid.text")));
            return;
        }
        ManagedRegistration r = found.get();
        SessionCard s = r.session();
        add(new H1(getTranslation(r.hasOffer() ? "atelier.presence.offer.title" : "atelier.presence.title")), notice);

        var status = new Paragraph(status(r));
        status.setId("presence-status");
        status.addClassName("atelier-status");
        add(status);

        var details = new Section(new H2(s.title()));
        details.addClassName("atelier-details");
        var when = new Paragraph(SessionTexts.when(s));
        when.addClassName("atelier-when");
        details.add(when, new Paragraph(getTranslation("atelier.card.where", s.placeName(), s.placeAddress())));
        add(details);

        boolean open = r.cancellable() && s.status() == SessionStatus.SCHEDULED;
        if (open && (r.status() == RegistrationStatus.CONFIRMED || r.hasOffer())) {
            var buttons = new Div();
            buttons.addClassName("presence-buttons");
            var yes = new Button(getTranslation("atelier.presence.yes"), e -> act(registrations::confirmPresenceByToken,
                    r.hasOffer() ? "atelier.presence.offer.taken" : "atelier.presence.yes.done"));
            yes.setId("presence-yes");
            yes.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.LARGE);
            yes.addClassName("presence-button");
            var no = new Button(getTranslation("atelier.presence.no"), e -> act(registrations::cancelByToken,
                    r.hasOffer() ? "atelier.presence.offer.declined" : "atelier.presence.no.done"));
            no.setId("presence-no");
            no.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.LARGE);
            no.addClassName("presence-button");
            buttons.add(yes, no);
            add(buttons);
        } else if (open && r.status() == RegistrationStatus.WAITING) {
            var leave = new Button(getTranslation("atelier.presence.leave"), e -> act(registrations::cancelByToken,
                    "atelier.presence.leave.done"));
            leave.setId("presence-no");
            leave.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.LARGE);
            leave.addClassName("presence-button");
            add(leave);
        }
        var manage = new RouterLink(getTranslation("atelier.presence.manage"), ManageRegistrationView.class,
                new RouteParameters("token", token));
        manage.setId("presence-manage");
        manage.addClassName("atelier-more");
        add(manage);
    }

    private String status(ManagedRegistration r) {
        return switch (r.status()) {
            case CONFIRMED -> r.presenceConfirmedAt() != null ? getTranslation("atelier.presence.status.coming")
                    : getTranslation(r.seats() == 2 ? "atelier.manage.confirmed.two" : "atelier.manage.confirmed");
            case WAITING -> r.hasOffer()
                    ? getTranslation("atelier.presence.offer.text", FrenchDates.dayAndTime(r.offerExpiresAt()))
                    : getTranslation("atelier.manage.waiting", r.position());
            case CANCELLED -> getTranslation(switch (r.cancellationReason()) {
                case SESSION_CANCELLED -> "atelier.manage.cancelled.session";
                case OFFER_LAPSED -> "atelier.manage.cancelled.offer-lapsed";
                case null, default -> "atelier.manage.cancelled";
            });
        };
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
        return getTranslation("app.page-title", getTranslation("atelier.presence.title"));
    }
}
