package fr.rdvnumerique.atelier.ui;

import fr.rdvnumerique.base.ui.PageStatus;
import fr.rdvnumerique.base.i18n.SentenceName;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
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
import fr.rdvnumerique.base.ui.PublicLayout;
import fr.rdvnumerique.atelier.CancellationReason;
import fr.rdvnumerique.atelier.ManagedRegistration;
import fr.rdvnumerique.atelier.RegistrationService;
import fr.rdvnumerique.atelier.RegistrationStatus;
import fr.rdvnumerique.atelier.SessionCard;
import fr.rdvnumerique.atelier.SessionStatus;
import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.base.i18n.FrenchDates;
import fr.rdvnumerique.base.ui.UiMessages;
import fr.rdvnumerique.territory.StepFreeAccess;

/**
 * The private page behind a registration's link: where the person stands, the atelier's details, and a way to
 * cancel (which gives the seat to the first person waiting). The link is the only key: no account.
 */
@StyleSheet("styles/atelier.css")
@Route(value = "inscription/:token", layout = PublicLayout.class)
@AnonymousAllowed
public class ManageRegistrationView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final RegistrationService registrations;
    private String token;
    private final Paragraph notice = new Paragraph();

    ManageRegistrationView(RegistrationService registrations) {
        this.registrations = registrations;
        addClassNames("public-page", "atelier-manage");
        notice.addClassName("atelier-notice");
        notice.setId("atelier-notice");
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
            PageStatus.notFound();
            add(new H1(getTranslation("atelier.manage.invalid.title")),
                    new Paragraph(getTranslation("atelier.manage.invalid.text")));
            return;
        }
        ManagedRegistration r = found.get();
        SessionCard s = r.session();
        add(new H1(getTranslation("atelier.manage.title")), notice);

        var status = new Paragraph(status(r));
        status.setId("atelier-status");
        status.addClassNames("atelier-status", "status-" + r.status().name().toLowerCase(java.util.Locale.ROOT));
        add(status);
        var who = new Paragraph(getTranslation("atelier.manage.for", r.firstName(), r.lastName(),
                SentenceName.bare(r.firstName() + " " + r.lastName()).after("de")));
        add(who);
        if (r.companionName() != null) {
            add(new Paragraph(getTranslation("atelier.manage.companion", r.companionName())));
        }

        var details = new Section(new H2(s.title()));
        details.addClassName("atelier-details");
        var when = new Paragraph(SessionTexts.when(s));
        when.addClassName("atelier-when");
        details.add(when, new Paragraph(getTranslation("atelier.card.where", s.placeName(), s.placeAddress())));
        var access = new Paragraph(getTranslation("territory.portal.access." + s.stepFreeAccess()));
        access.addClassName(s.stepFreeAccess() == StepFreeAccess.YES ? "access-yes" : "access-other");
        details.add(access);
        if (s.whatToBring() != null) {
            details.add(new Paragraph(getTranslation("atelier.card.bring", s.whatToBring())));
        }
        add(details);
        if (r.status() == RegistrationStatus.CONFIRMED && s.status() == SessionStatus.SCHEDULED) {
            add(AtelierRegistrationView.calendarLink(token, getTranslation("atelier.calendar.add")));
        }

        if (r.cancellable() && (r.status() == RegistrationStatus.CONFIRMED || r.hasOffer())) {
            var presence = new RouterLink(getTranslation(r.hasOffer() ? "atelier.presence.offer.answer"
                    : "atelier.presence.answer"), RegistrationPresenceView.class, new RouteParameters("token", token));
            presence.setId("atelier-presence");
            presence.addClassNames("atelier-button", "atelier-presence-link");
            add(presence);
        }
        if (r.cancellable()) {
            var move = new Button(getTranslation("atelier.move.title"), e -> showOtherDates());
            move.setId("atelier-move");
            move.addThemeVariants(ButtonVariant.LARGE);
            add(move);
        }
        if (r.cancellable()) {
            var change = new Button(getTranslation("contact.change.title"), e -> showContactForm(r));
            change.setId("atelier-change-contact");
            change.addThemeVariants(ButtonVariant.TERTIARY);
            add(change);
        }
        if (r.cancellable()) {
            var cancel = new Button(getTranslation("atelier.manage.cancel"), e -> confirmCancel());
            cancel.setId("atelier-cancel");
            cancel.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.LARGE);
            add(cancel);
        } else if (r.status().isActive()) {
            add(new Paragraph(getTranslation("atelier.manage.cancel.too-late")));
        }
        if (!r.structureSlug().isEmpty()) {
            var back = new RouterLink(getTranslation("atelier.manage.back"), AteliersView.class,
                    new RouteParameters("slug", r.structureSlug()));
            back.addClassName("atelier-more");
            add(back);
        }
    }

    /** The other dates with a free seat, each with its button; choosing one moves at once. */
    private void showOtherDates() {
        var dates = new Section(new H2(getTranslation("atelier.move.title")));
        dates.setId("atelier-move-dates");
        dates.addClassName("atelier-details");
        var others = registrations.otherSessions(token);
        if (others.isEmpty()) {
            dates.add(new Paragraph(getTranslation("atelier.move.none")));
        } else {
            dates.add(new Paragraph(getTranslation("atelier.move.help")));
            for (SessionCard other : others) {
                var choose = new Button(getTranslation("atelier.move.choose", SessionTexts.when(other)), e -> move(other));
                choose.setId("atelier-move-" + other.id());
                choose.addClassName("atelier-move-choice");
                dates.add(new Paragraph(getTranslation("atelier.card.where", other.placeName(), other.placeAddress())),
                        choose);
            }
        }
        getChildren().filter(c -> c.getId().filter("atelier-move"::equals).isPresent()).findFirst()
                .ifPresent(button -> {
                    int index = indexOf(button);
                    remove(button);
                    addComponentAtIndex(index, dates);
                });
    }

    private void move(SessionCard target) {
        try {
            registrations.moveByToken(token, target.id());
            show();
            notice.setText(getTranslation("atelier.move.done", SessionTexts.when(target)));
        } catch (BusinessRuleException e) {
            show();
            notice.setText(UiMessages.describe(this, e));
        }
        notice.setVisible(true);
    }

    /** The e-mail and phone fields in place of the button; saving tells the new and the former contact. */
    private void showContactForm(ManagedRegistration r) {
        var form = new fr.rdvnumerique.base.ui.ContactChangeForm("atelier-contact", r.firstName(), r.lastName(),
                r.email(), r.phone(), (email, phone) -> registrations.changeContactByToken(token, email, phone), () -> {
                    show();
                    notice.setText(getTranslation("contact.change.done"));
                    notice.setVisible(true);
                });
        form.setId("atelier-contact-form");
        getChildren().filter(c -> c.getId().filter("atelier-change-contact"::equals).isPresent()).findFirst()
                .ifPresent(button -> {
                    int index = indexOf(button);
                    remove(button);
                    addComponentAtIndex(index, form);
                });
    }

    private String status(ManagedRegistration r) {
        return switch (r.status()) {
            case CONFIRMED -> getTranslation(r.seats() == 2 ? "atelier.manage.confirmed.two" : "atelier.manage.confirmed");
            case WAITING -> r.hasOffer()
                    ? getTranslation("atelier.presence.offer.text", FrenchDates.dayAndTime(r.offerExpiresAt()))
                    : getTranslation("atelier.manage.waiting", r.position());
            case CANCELLED -> getTranslation(r.cancellationReason() == CancellationReason.SESSION_CANCELLED
                    ? "atelier.manage.cancelled.session" : r.cancellationReason() == CancellationReason.OFFER_LAPSED
                    ? "atelier.manage.cancelled.offer-lapsed" : "atelier.manage.cancelled");
        };
    }

    private void confirmCancel() {
        var dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("atelier.manage.cancel.question"));
        dialog.add(new Paragraph(getTranslation("atelier.manage.cancel.explain")));
        var keep = new Button(getTranslation("atelier.manage.cancel.keep"), e -> dialog.close());
        keep.setId("atelier-cancel-keep");
        var confirm = new Button(getTranslation("atelier.manage.cancel.confirm"), e -> {
            dialog.close();
            cancel();
        });
        confirm.setId("atelier-cancel-confirm");
        confirm.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.ERROR);
        dialog.getFooter().add(keep, confirm);
        dialog.open();
    }

    private void cancel() {
        try {
            registrations.cancelByToken(token);
            show();
            notice.setText(getTranslation("atelier.manage.cancel.done"));
        } catch (BusinessRuleException e) {
            show();
            notice.setText(UiMessages.describe(this, e));
        }
        notice.setVisible(true);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.page-title", getTranslation("atelier.manage.title"));
    }
}
