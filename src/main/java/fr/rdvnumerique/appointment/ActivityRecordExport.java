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
import fr.rdvnumerique.territory.CommuneSummary;
import java.time.LocalDate;
import java.util.Set;

/**
 * One individual activity record as the national tool declares it, for an export.
 *
 * @param placeName    the place, for help at a place; null elsewhere
 * @param commune      where the help happened: the place's commune, or the commune recorded for help elsewhere
 * @param residence    where the person lives, when recorded
 * @param person       who was helped, when the record comes from a rendez-vous whose person is still known (not
 *                     anonymised); null for walk-in help, which records no name
 */
public record ActivityRecordExport(long id, String advisorName, LocalDate date, int durationMinutes,
                                   ActivityLocation location, String placeName, CommuneSummary commune,
                                   Set<Theme> themes, Set<AdministrativeTheme> administrativeThemes,
                                   Set<EquipmentUsed> equipment, AutonomyLevel autonomy, boolean referred,
                                   ReferralKind referralKind, Gender gender, AgeBand ageBand,
                                   OccupationStatus occupation, CommuneSummary residence, String notes,
                                   String taxonomyVersion, Person person) {

    /** A named person, as the rendez-vous recorded them. */
    public record Person(String givenName, String familyName, String email, String phone) {
    }
}
