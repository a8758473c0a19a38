package fr.rdvnumerique.appointment;

import fr.rdvnumerique.base.taxonomy.ActivityLocation;
import fr.rdvnumerique.base.taxonomy.AutonomyLevel;
import fr.rdvnumerique.base.taxonomy.Theme;
import java.time.LocalDate;
import java.util.Set;

/**
 * A recorded activity in a list.
 *
 * @param walkIn    accompagnement ponctuel (no appointment)
 * @param placeName the place, or the commune when the help was not at a place
 */
public record ActivityRecordSummary(long id, boolean walkIn, LocalDate date, String advisorName, String placeName,
                                    int durationMinutes, Set<Theme> themes, AutonomyLevel autonomy, boolean referred,
                                    String taxonomyVersion, ActivityLocation location) {
}
