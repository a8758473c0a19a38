package fr.rdvnumerique.atelier;

import fr.rdvnumerique.base.taxonomy.AtelierLevel;
import fr.rdvnumerique.base.taxonomy.EquipmentUsed;
import fr.rdvnumerique.base.taxonomy.Theme;
import java.util.Set;

/**
 * The collective record of one session as the advisor fills it (the national tool's « atelier collectif »): what
 * the atelier was, where and how long, and the people who came without registering. The registered people's
 * attendance is the roster's.
 */
public record CollectiveRecordForm(String title, AtelierLevel level, Set<Theme> themes, Set<EquipmentUsed> equipment,
                                   Integer durationMinutes, Long placeId, WalkIns walkIns, String notes) {
}
