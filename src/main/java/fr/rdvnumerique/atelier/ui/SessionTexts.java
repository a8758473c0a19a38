package fr.rdvnumerique.atelier.ui;

import com.vaadin.flow.component.Component;
import fr.rdvnumerique.atelier.SessionCard;
import fr.rdvnumerique.atelier.SessionStatus;
import fr.rdvnumerique.base.i18n.FrenchDates;
import fr.rdvnumerique.base.taxonomy.Theme;
import java.time.Instant;
import java.util.stream.Collectors;

/** How a session reads for residents: seats left in words, themes, dates written out. */
final class SessionTexts {

    private SessionTexts() {
    }

    /** "Plus que 3 places", "Complet – liste d’attente possible", "Inscriptions closes"… */
    static String seats(Component context, SessionCard card, Instant now) {
        if (card.status() == SessionStatus.CANCELLED) {
            return context.getTranslation("atelier.seats.cancelled");
        }
        if (!card.registrationOpen()) {
            if (card.registrationOpensAt() != null && now.isBefore(card.registrationOpensAt())) {
                return context.getTranslation("atelier.seats.not-yet-open", FrenchDates.dayAndTime(card.registrationOpensAt()));
            }
            return context.getTranslation("atelier.seats.closed");
        }
        int left = card.seatsLeft();
        if (left == 0) {
            return context.getTranslation("atelier.seats.full");
        }
        if (left == 1) {
            return context.getTranslation("atelier.seats.one");
        }
        return context.getTranslation(left <= 3 ? "atelier.seats.few" : "atelier.seats.many", left);
    }

    /** CSS class of the seat badge: plenty, few, full or closed. */
    static String seatsClass(SessionCard card) {
        if (card.status() == SessionStatus.CANCELLED || !card.registrationOpen()) {
            return "seats-closed";
        }
        if (card.seatsLeft() == 0) {
            return "seats-full";
        }
        return card.seatsLeft() <= 3 ? "seats-few" : "seats-many";
    }

    static String themes(Component context, SessionCard card) {
        return card.themes().stream().sorted().map(Theme::labelKey).map(context::getTranslation)
                .collect(Collectors.joining(", "));
    }

    /** "mardi 3 décembre 2026, de 14 h 00 à 16 h 00". */
    static String when(SessionCard card) {
        return FrenchDates.dayAndTimeRange(card.start(), card.end());
    }
}
