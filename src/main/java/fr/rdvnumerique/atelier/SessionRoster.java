package fr.rdvnumerique.atelier;

import java.util.List;

/**
 * A session with its people: confirmed (by name), waiting (in order) and cancelled (latest first).
 */
public record SessionRoster(SessionSummary session, String placeAddress, List<RosterEntry> confirmed,
                            List<RosterEntry> waiting, List<RosterEntry> cancelled) {
}
