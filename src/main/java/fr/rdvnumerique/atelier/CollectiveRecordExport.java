package fr.rdvnumerique.atelier;

import fr.rdvnumerique.base.taxonomy.AtelierLevel;
import fr.rdvnumerique.base.taxonomy.EquipmentUsed;
import fr.rdvnumerique.base.taxonomy.Theme;
import fr.rdvnumerique.territory.CommuneSummary;
import java.time.LocalDate;
import java.util.Set;

/**
 * One recorded session, whole, for the exports to the national tool: nobody is named, the registered people are a
 * count of those marked present and the others the anonymous counts.
 *
 * @param registeredPresent seats of registered people marked present
 */
public record CollectiveRecordExport(long id, long sessionId, LocalDate date, int durationMinutes, String title,
                                     AtelierLevel level, Set<Theme> themes, Set<EquipmentUsed> equipment,
                                     String placeName, CommuneSummary commune, String advisorName,
                                     long registeredPresent, WalkIns walkIns, String notes, String taxonomyVersion) {

    /** Everyone who took part: registered people present and people who came without registering. */
    public long participants() {
        return registeredPresent + walkIns.total();
    }
}
