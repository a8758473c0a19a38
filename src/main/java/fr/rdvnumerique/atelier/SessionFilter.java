package fr.rdvnumerique.atelier;

import fr.rdvnumerique.base.taxonomy.AtelierLevel;
import fr.rdvnumerique.base.taxonomy.Theme;
import java.time.LocalDate;

/**
 * Which upcoming sessions to list. Every criterion is optional.
 *
 * @param from            first day (today when null, never before now)
 * @param to              last day, included (the configured number of weeks ahead when null)
 * @param search          words of the title
 * @param preferredPlaceId sessions at this place first (the kiosk of a médiathèque), then the others
 */
public record SessionFilter(Long communeId, Long placeId, Theme theme, AtelierLevel level, boolean onlyWithSeats,
                            String search, LocalDate from, LocalDate to, Long preferredPlaceId) {

    public static SessionFilter all() {
        return new SessionFilter(null, null, null, null, false, null, null, null, null);
    }

    public SessionFilter between(LocalDate newFrom, LocalDate newTo) {
        return new SessionFilter(communeId, placeId, theme, level, onlyWithSeats, search, newFrom, newTo,
                preferredPlaceId);
    }
}
