package fr.rdvnumerique.appointment;

import fr.rdvnumerique.base.domain.Channel;
import fr.rdvnumerique.base.taxonomy.ActivityLocation;
import fr.rdvnumerique.base.taxonomy.AdministrativeTheme;
import fr.rdvnumerique.base.taxonomy.AgeBand;
import fr.rdvnumerique.base.taxonomy.AutonomyLevel;
import fr.rdvnumerique.base.taxonomy.DurationBand;
import fr.rdvnumerique.base.taxonomy.EquipmentUsed;
import fr.rdvnumerique.base.taxonomy.Gender;
import fr.rdvnumerique.base.taxonomy.OccupationStatus;
import fr.rdvnumerique.base.taxonomy.ReferralKind;
import fr.rdvnumerique.base.taxonomy.Theme;
import java.time.YearMonth;
import java.util.Map;

/**
 * What individual help added up to in a period, for the yearly report: the rendez-vous (booked, held, missed,
 * cancelled) and the activity records (CRA) of appointments and walk-in help.
 *
 * @param appointmentsByStatus rendez-vous whose start falls in the period, by status ({@code BOOKED} ones in the past
 *                             were never marked done or missed)
 * @param distinctPeople       different contacts among rendez-vous not cancelled; an anonymised one counts as one
 * @param records              activity records by kind ({@code RENDEZ_VOUS}, {@code PONCTUEL})
 * @param byResidenceCommune   commune of residence id → records; {@code residenceNotGiven} the records without one
 * @param minutesByPlace       place id → minutes of help recorded there, plus held rendez-vous left without a record
 * @param minutesByCommune     commune id → minutes of help away from a place (at home, remotely) in that commune
 * @param minutesElsewhere     minutes of help with neither a place nor a commune
 * @param appointmentsByMonth  month (Paris time) → rendez-vous not cancelled that started in it
 * @param peopleByFirstAutonomy  people (by their pseudonymous key) by the autonomy of their first record of the period
 * @param peopleByLatestAutonomy the same people by the autonomy of their latest record: how far they came
 */
public record IndividualFigures(Map<AppointmentStatus, Long> appointmentsByStatus, Map<Channel, Long> appointmentsByChannel,
                                Map<String, Long> appointmentsByMotif, long distinctPeople, Map<String, Long> records,
                                Map<AutonomyLevel, Long> byAutonomy, Map<Theme, Long> byTheme,
                                Map<AdministrativeTheme, Long> byAdministrativeTheme, Map<AgeBand, Long> byAgeBand,
                                Map<Gender, Long> byGender, Map<OccupationStatus, Long> byOccupation,
                                Map<Long, Long> byResidenceCommune, long residenceNotGiven,
                                Map<EquipmentUsed, Long> byEquipment, Map<DurationBand, Long> byDuration,
                                Map<ActivityLocation, Long> byLocation, long referred, Map<ReferralKind, Long> byReferral,
                                Map<Long, Long> minutesByPlace, Map<Long, Long> minutesByCommune, long minutesElsewhere,
                                Map<YearMonth, Long> appointmentsByMonth,
                                Map<AutonomyLevel, Long> peopleByFirstAutonomy,
                                Map<AutonomyLevel, Long> peopleByLatestAutonomy) {

    public long recordCount() {
        return records.values().stream().mapToLong(Long::longValue).sum();
    }

    public long appointmentCount() {
        return appointmentsByStatus.values().stream().mapToLong(Long::longValue).sum();
    }
}
