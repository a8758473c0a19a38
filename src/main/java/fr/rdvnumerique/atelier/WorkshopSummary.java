package fr.rdvnumerique.atelier;

import fr.rdvnumerique.base.taxonomy.AtelierLevel;
import fr.rdvnumerique.base.taxonomy.Theme;
import java.util.Set;

public record WorkshopSummary(long id, String title, AtelierLevel level, Set<Theme> themes, int durationMinutes,
                              int defaultCapacity, boolean active) {
}
