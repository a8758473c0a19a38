package fr.rdvnumerique.appointment;

import fr.rdvnumerique.base.taxonomy.ActivityLocation;
import fr.rdvnumerique.base.taxonomy.AdministrativeTheme;
import fr.rdvnumerique.base.taxonomy.AgeBand;
import fr.rdvnumerique.base.taxonomy.AutonomyLevel;
import fr.rdvnumerique.base.taxonomy.EquipmentUsed;
import fr.rdvnumerique.base.taxonomy.Gender;
import fr.rdvnumerique.base.taxonomy.OccupationStatus;
import fr.rdvnumerique.base.taxonomy.ReferralKind;
import fr.rdvnumerique.base.taxonomy.Theme;
import java.time.LocalDate;
import java.util.Set;

/**
 * A compte-rendu d'activité as the advisor fills it (CRA v2 fields for an individual accompaniment).
 *
 * @param placeId            where, for help at a place ("lieu d'activité")
 * @param communeId          where, for help at home, remote or elsewhere
 * @param residenceCommuneId the person's commune of residence (optional)
 */
public record ActivityRecordForm(LocalDate date, Integer durationMinutes, ActivityLocation location, Long placeId,
                                 Long communeId, Set<Theme> themes, Set<AdministrativeTheme> administrativeThemes,
                                 AutonomyLevel autonomy, Set<EquipmentUsed> equipment, boolean referred,
                                 ReferralKind referralKind, AgeBand ageBand, Gender gender, OccupationStatus occupation,
                                 Long residenceCommuneId, String notes) {
}
