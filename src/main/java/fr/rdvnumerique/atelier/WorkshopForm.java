package fr.rdvnumerique.atelier;

import fr.rdvnumerique.base.taxonomy.AtelierLevel;
import fr.rdvnumerique.base.taxonomy.Theme;
import java.util.Set;

/** An atelier of the catalogue, as staff edit it. */
public record WorkshopForm(String title, String description, Set<Theme> themes, AtelierLevel level,
                           Integer durationMinutes, Integer defaultCapacity, String whatToBring,
                           String equipmentProvided) {
}
