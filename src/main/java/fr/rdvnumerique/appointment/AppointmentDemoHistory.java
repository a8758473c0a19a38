package fr.rdvnumerique.appointment;

import fr.rdvnumerique.appointment.domain.ActivityRecord;
import fr.rdvnumerique.appointment.domain.ActivityRecordRepository;
import fr.rdvnumerique.appointment.domain.Appointment;
import fr.rdvnumerique.appointment.domain.AppointmentRepository;
import fr.rdvnumerique.appointment.domain.Motif;
import fr.rdvnumerique.base.domain.CancelledBy;
import fr.rdvnumerique.base.domain.Origin;
import fr.rdvnumerique.base.taxonomy.ActivityLocation;
import fr.rdvnumerique.base.taxonomy.AdministrativeTheme;
import fr.rdvnumerique.base.taxonomy.AgeBand;
import fr.rdvnumerique.base.taxonomy.AutonomyLevel;
import fr.rdvnumerique.base.taxonomy.EquipmentUsed;
import fr.rdvnumerique.base.taxonomy.Gender;
import fr.rdvnumerique.base.taxonomy.OccupationStatus;
import fr.rdvnumerique.base.taxonomy.ReferralKind;
import fr.rdvnumerique.base.taxonomy.Theme;
import fr.rdvnumerique.base.time.ParisTime;
import fr.rdvnumerique.territory.AdvisorSchedule;
import fr.rdvnumerique.territory.CommuneSummary;
import fr.rdvnumerique.territory.PlaceSummary;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * A year of past rendez-vous and walk-in help for the demo, so that the activity report has something to say:
 * Tuesday mornings at the médiathèque, Thursday afternoons in a town hall in turn, most of them held and recorded
 * (CRA), some missed or cancelled, and walk-in help. Built through the entities, as staff would have left them.
 */
@Component
class AppointmentDemoHistory {

    private static final Theme[] THEMES = {Theme.PRENDRE_EN_MAIN_DU_MATERIEL, Theme.PRENDRE_EN_MAIN_DU_MATERIEL,
            Theme.EMAIL, Theme.AIDE_AUX_DEMARCHES_ADMINISTRATIVES, Theme.AIDE_AUX_DEMARCHES_ADMINISTRATIVES,
            Theme.SECURITE_NUMERIQUE, Theme.SANTE, Theme.BANQUE_ET_ACHATS_EN_LIGNE, Theme.NAVIGATION_SUR_INTERNET,
            Theme.GERER_SES_CONTENUS_NUMERIQUES, Theme.RESEAUX_SOCIAUX, Theme.BUREAUTIQUE, Theme.INSERTION_PROFESSIONNELLE};
    private static final AdministrativeTheme[] PROCEDURES = {AdministrativeTheme.ARGENT_IMPOTS,
            AdministrativeTheme.SOCIAL_SANTE, AdministrativeTheme.PAPIERS_ELECTIONS_CITOYENNETE,
            AdministrativeTheme.TRANSPORTS_MOBILITE, AdministrativeTheme.LOGEMENT};
    private static final AgeBand[] AGES = {AgeBand.PLUS_DE_70, AgeBand.PLUS_DE_70, AgeBand.DE_60_A_69, AgeBand.DE_60_A_69,
            AgeBand.DE_40_A_59, AgeBand.DE_25_A_39, AgeBand.DE_18_A_24, AgeBand.NON_COMMUNIQUE};
    private static final int[] DURATIONS = {30, 45, 45, 60, 60, 90};
    private static final int REGULARS = 90;

    private final AppointmentRepository appointments;
    private final ActivityRecordRepository records;
    private final AppointmentWrites writes;
    private final AdvisorSchedule schedule;
    private final Clock clock;

    AppointmentDemoHistory(AppointmentRepository appointments, ActivityRecordRepository records, AppointmentWrites writes,
                           AdvisorSchedule schedule, Clock clock) {
        this.appointments = appointments;
        this.records = records;
        this.writes = writes;
        this.schedule = schedule;
        this.clock = clock;
    }

    /** From a year ago until two weeks ago. */
    void pastYear(long structureId, long advisorId, Motif motif, PlaceSummary home, List<PlaceSummary> townHalls,
                  List<CommuneSummary> communes) {
        var random = new Random(structureId * 17 + 3);
        LocalDate today = LocalDate.now(clock.withZone(ParisTime.ZONE));
        LocalDate tuesday = today.minusWeeks(52).with(TemporalAdjusters.previousOrSame(DayOfWeek.TUESDAY));
        for (int week = 0; !tuesday.plusWeeks(week).isAfter(today.minusWeeks(2)); week++) {
            LocalDate day = tuesday.plusWeeks(week);
            if (day.getMonthValue() == 8) {
                continue;
            }
            for (int hour = 9; hour < 12; hour++) {
                if (random.nextInt(4) > 0) {
                    appointment(structureId, advisorId, motif, home, at(day, hour), communes, random);
                }
            }
            PlaceSummary townHall = townHalls.get(week % townHalls.size());
            LocalDate thursday = day.with(DayOfWeek.THURSDAY);
            for (int hour = 14; hour < 17; hour++) {
                if (random.nextInt(3) > 0) {
                    appointment(structureId, advisorId, motif, townHall, at(thursday, hour), communes, random);
                }
            }
            walkIn(structureId, advisorId, day, home, communes, random);
        }
    }

    private void appointment(long structureId, long advisorId, Motif motif, PlaceSummary place, Instant start,
                             List<CommuneSummary> communes, Random random) {
        int person = random.nextInt(REGULARS);
        Set<Theme> themes = EnumSet.of(THEMES[random.nextInt(THEMES.length)]);
        var booking = new Appointment.Booking(AppointmentDemoData.resident("Personne Habituée " + (person + 1),
                "rdv.habitue." + (person + 1) + "@exemple.fr", null), true, themes, null,
                person % 4 == 0 ? Origin.staff() : person % 7 == 0 ? Origin.kiosk("borne-mediatheque") : Origin.web("127.0.0.1"),
                null);
        Appointment appointment = appointments.save(new Appointment(structureId, place.id(), advisorId, motif, start,
                booking, start.minus(Duration.ofDays(5 + random.nextInt(20)))));
        int roll = random.nextInt(20);
        if (roll == 0) {
            appointment.cancel(CancelledBy.PERSON, null, start.minus(Duration.ofDays(1)));
            return;
        }
        schedule.claim(advisorId, appointment.getStartAt(), appointment.claimEnd(), Appointment.OWNER_KIND,
                appointment.getId(), writes.scheduleLabel(motif), place.id());
        if (roll < 3) {
            appointment.markNoShow(start.plus(Duration.ofMinutes(15)));
            return;
        }
        appointment.markDone(start.plus(Duration.ofMinutes(motif.getDurationMinutes())));
        records.save(new ActivityRecord(structureId, advisorId, appointment.getId(),
                content(start, DURATIONS[random.nextInt(DURATIONS.length)], place, themes, person, communes, random),
                null, start.plus(Duration.ofHours(2))));
    }

    private void walkIn(long structureId, long advisorId, LocalDate day, PlaceSummary home, List<CommuneSummary> communes,
                        Random random) {
        int person = random.nextInt(REGULARS);
        Set<Theme> themes = EnumSet.of(THEMES[random.nextInt(THEMES.length)]);
        Instant at = at(day, 12);
        boolean atHome = random.nextInt(6) == 0;
        var content = atHome
                ? new ActivityRecord.Content(day, 60, ActivityLocation.A_DOMICILE, null,
                        communes.get(person % communes.size()).id(), themes, Set.of(), autonomy(random),
                        Set.of(EquipmentUsed.TABLETTE), false, null, AgeBand.PLUS_DE_70, gender(person), OccupationStatus.RETRAITE,
                        communes.get(person % communes.size()).id(), null)
                : content(at, 15, home, themes, person, communes, random);
        records.save(new ActivityRecord(structureId, advisorId, null, content, null, at));
    }

    private static ActivityRecord.Content content(Instant start, int minutes, PlaceSummary place, Set<Theme> themes,
                                                  int person, List<CommuneSummary> communes, Random random) {
        boolean procedure = themes.contains(Theme.AIDE_AUX_DEMARCHES_ADMINISTRATIVES);
        boolean referred = procedure && random.nextInt(4) == 0;
        AgeBand age = AGES[person % AGES.length];
        return new ActivityRecord.Content(start.atZone(ParisTime.ZONE).toLocalDate(), minutes, ActivityLocation.LIEU_ACTIVITE,
                place.id(), null, themes, procedure ? Set.of(PROCEDURES[person % PROCEDURES.length]) : Set.of(),
                autonomy(random), Set.of(person % 3 == 0 ? EquipmentUsed.ORDINATEUR : EquipmentUsed.TELEPHONE), referred,
                referred ? ReferralKind.FRANCE_SERVICES : null, age, gender(person),
                age == AgeBand.PLUS_DE_70 || age == AgeBand.DE_60_A_69 ? OccupationStatus.RETRAITE
                        : person % 2 == 0 ? OccupationStatus.EN_EMPLOI : OccupationStatus.SANS_EMPLOI,
                person % 10 == 0 ? null : communes.get(person % communes.size()).id(), null);
    }

    private static AutonomyLevel autonomy(Random random) {
        int roll = random.nextInt(10);
        return roll < 4 ? AutonomyLevel.ENTIEREMENT_ACCOMPAGNE : roll < 8 ? AutonomyLevel.PARTIELLEMENT_AUTONOME
                : AutonomyLevel.AUTONOME;
    }

    private static Gender gender(int person) {
        return person % 5 == 4 ? Gender.NON_COMMUNIQUE : person % 2 == 0 ? Gender.FEMININ : Gender.MASCULIN;
    }

    private static Instant at(LocalDate day, int hour) {
        return ZonedDateTime.of(day, LocalTime.of(hour, 0), ParisTime.ZONE).toInstant();
    }
}
