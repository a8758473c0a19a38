package fr.rdvnumerique.kiosk;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the kiosk screens ({@code rdv.kiosk.*}). How far ahead sessions are offered is the atelier
 * module's {@code rdv.atelier.list-weeks}; appointment slots go as far as each motif's horizon.
 *
 * @param idleWarning       without a touch for this long, the kiosk asks "Avez-vous besoin de plus de temps ?"
 * @param idleGrace         then waits this long for an answer before starting over (WCAG 2.2.1: at least 20 s)
 * @param confirmationShown the confirmation stays this long, touched or not, before the same question: the next
 *                          person in line must not find (or keep alive) the previous one's ticket
 * @param cardsPerPage      sessions on one screen; "Voir d'autres dates" shows the next ones
 * @param daysPerPage       days of free appointment times on one screen; "Voir d'autres jours" shows the next
 */
@ConfigurationProperties("rdv.kiosk")
public record KioskSettings(@DefaultValue("60s") Duration idleWarning,
                            @DefaultValue("30s") Duration idleGrace,
                            @DefaultValue("60s") Duration confirmationShown,
                            @DefaultValue("6") int cardsPerPage,
                            @DefaultValue("3") int daysPerPage) {

    /** WCAG 2.2.1 (timing adjustable): at least 20 seconds to say "yes, more time". */
    public static final Duration MIN_GRACE = Duration.ofSeconds(20);

    public KioskSettings {
        if (idleGrace.compareTo(MIN_GRACE) < 0) {
            throw new IllegalArgumentException("rdv.kiosk.idle-grace must be at least 20 s (WCAG 2.2.1)");
        }
        if (idleWarning.isNegative() || idleWarning.isZero() || confirmationShown.isNegative()
                || confirmationShown.isZero()) {
            throw new IllegalArgumentException("rdv.kiosk.idle-warning and confirmation-shown must be positive");
        }
        if (cardsPerPage < 1 || daysPerPage < 1) {
            throw new IllegalArgumentException("rdv.kiosk.cards-per-page and days-per-page must be at least 1");
        }
    }
}
