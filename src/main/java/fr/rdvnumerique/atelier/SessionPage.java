package fr.rdvnumerique.atelier;

import java.time.Instant;
import java.util.List;

/**
 * A page of the programme, by start.
 *
 * @param more whether sessions follow this page
 */
public record SessionPage(List<SessionCard> cards, boolean more) {

    /** Where the next page starts: after this session (start, then id, as the list is ordered). */
    public record Cursor(Instant start, long id) {
    }

    /** The cursor after this page's last session, or null when the page is empty. */
    public Cursor next() {
        return cards.isEmpty() ? null : new Cursor(cards.getLast().start(), cards.getLast().id());
    }
}
