package fr.rdvnumerique.reporting;

import fr.rdvnumerique.appointment.IndividualFigures;
import fr.rdvnumerique.atelier.AtelierFigures;
import fr.rdvnumerique.base.taxonomy.AgeBand;
import fr.rdvnumerique.base.taxonomy.Theme;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The activity report of a period, overall or for one commune: everything the council's deliberation lists, ready
 * for the screen and the documents.
 *
 * @param communeName     the commune reported on, or null for the whole territory
 * @param communeNames    id → name of every commune the figures mention
 * @param objectivesYear  the report year whose objectives are shown (the year the period ends in)
 * @param previous        the same dates one year earlier, for comparison
 */
public record ActivityReport(String structureName, LocalDate from, LocalDate to, Long communeId, String communeName,
                             Instant generatedAt, IndividualFigures individual, AtelierFigures ateliers,
                             List<CommuneHours> hours, Map<Long, String> communeNames, int objectivesYear,
                             String objectives, Previous previous) {

    /** The figures of the same dates one year earlier (the first thing a council asks). */
    public record Previous(LocalDate from, LocalDate to, IndividualFigures individual, AtelierFigures ateliers) {

        public long helpGiven() {
            return individual.recordCount() + ateliers.participants() + ateliers.walkIns();
        }
    }

    /** A theme's weight: individual activities that dealt with it, atelier sessions about it. */
    public record ThemeLine(Theme theme, long individual, long atelierSessions) {
        public long total() {
            return individual + atelierSessions;
        }
    }

    /** People by age band, from activity records and atelier participants (registered or not). */
    public record AgeLine(AgeBand band, long individual, long ateliers) {
    }

    /**
     * Rendez-vous, walk-in help, atelier participants and the people who came to an atelier without registering,
     * together.
     */
    public long helpGiven() {
        return individual.recordCount() + ateliers.participants() + ateliers.walkIns();
    }

    /** Themes by weight, most frequent first; themes nobody worked on are left out. */
    public List<ThemeLine> themes() {
        var lines = new ArrayList<ThemeLine>();
        for (Theme theme : Theme.values()) {
            long individualCount = individual.byTheme().getOrDefault(theme, 0L);
            long sessions = ateliers.sessionsByTheme().getOrDefault(theme, 0L);
            if (individualCount + sessions > 0) {
                lines.add(new ThemeLine(theme, individualCount, sessions));
            }
        }
        lines.sort(Comparator.comparingLong(ThemeLine::total).reversed());
        return lines;
    }

    public List<AgeLine> ages() {
        var lines = new ArrayList<AgeLine>();
        for (AgeBand band : AgeBand.values()) {
            lines.add(new AgeLine(band, individual.byAgeBand().getOrDefault(band, 0L),
                    ateliers.participantsByAgeBand().getOrDefault(band, 0L)
                            + ateliers.walkInsByAgeBand().getOrDefault(band, 0L)));
        }
        return lines;
    }

    public boolean hasConvention() {
        return hours.stream().anyMatch(h -> h.costShare() != null);
    }
}
