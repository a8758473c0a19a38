package fr.rdvnumerique.appointment;

import fr.rdvnumerique.appointment.domain.Absence;
import fr.rdvnumerique.appointment.domain.AbsenceRepository;
import fr.rdvnumerique.appointment.domain.ActivityRecord;
import fr.rdvnumerique.appointment.domain.ActivityRecordRepository;
import fr.rdvnumerique.appointment.domain.Appointment;
import fr.rdvnumerique.appointment.domain.AppointmentRepository;
import fr.rdvnumerique.appointment.domain.Motif;
import fr.rdvnumerique.appointment.domain.MotifRepository;
import fr.rdvnumerique.appointment.domain.OpeningHours;
import fr.rdvnumerique.appointment.domain.OpeningHoursRepository;
import fr.rdvnumerique.appointment.domain.PlaceClosure;
import fr.rdvnumerique.appointment.domain.PlaceClosureRepository;
import fr.rdvnumerique.appointment.domain.SlotFinder;
import fr.rdvnumerique.base.demo.DemoDataContributor;
import fr.rdvnumerique.base.domain.ContactDetails;
import fr.rdvnumerique.base.domain.Origin;
import fr.rdvnumerique.base.domain.PersonName;
import fr.rdvnumerique.base.domain.Resident;
import fr.rdvnumerique.base.taxonomy.ActivityLocation;
import fr.rdvnumerique.base.taxonomy.AdministrativeTheme;
import fr.rdvnumerique.base.taxonomy.AgeBand;
import fr.rdvnumerique.base.taxonomy.AutonomyLevel;
import fr.rdvnumerique.base.taxonomy.EquipmentUsed;
import fr.rdvnumerique.base.taxonomy.Gender;
import fr.rdvnumerique.base.taxonomy.OccupationStatus;
import fr.rdvnumerique.base.taxonomy.Theme;
import fr.rdvnumerique.base.time.ParisTime;
import fr.rdvnumerique.territory.AdvisorSchedule;
import fr.rdvnumerique.territory.AdvisorSummary;
import fr.rdvnumerique.territory.PlaceSummary;
import fr.rdvnumerique.territory.StructureSummary;
import fr.rdvnumerique.territory.TerritoryDirectory;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Demo rendez-vous for the two mutualisations: motifs, opening hours of their advisors, a training day, a
 * closure, a few bookings by fictitious residents over the coming weeks, and two activity records.
 */
@Component
class AppointmentDemoData implements DemoDataContributor {

    private static final List<String> RESIDENTS = List.of("Jeanne Exemple", "Marcel Fictif", "Odette Démo",
            "Bernard Essai", "Lucienne Modèle", "Gérard Test", "Simone Imaginaire", "Roger Exemple");

    private final TerritoryDirectory directory;
    private final MotifRepository motifs;
    private final OpeningHoursRepository hours;
    private final AbsenceRepository absences;
    private final PlaceClosureRepository closures;
    private final AppointmentRepository appointments;
    private final ActivityRecordRepository records;
    private final AppointmentWrites writes;
    private final SlotFinder slots;
    private final AdvisorSchedule schedule;
    private final AppointmentDemoHistory history;
    private final Clock clock;

    AppointmentDemoData(TerritoryDirectory directory, MotifRepository motifs, OpeningHoursRepository hours,
                        AbsenceRepository absences, PlaceClosureRepository closures, AppointmentRepository appointments,
                        ActivityRecordRepository records, AppointmentWrites writes, SlotFinder slots,
                        AdvisorSchedule schedule, AppointmentDemoHistory history, Clock clock) {
        this.directory = directory;
        this.history = history;
        this.motifs = motifs;
        this.hours = hours;
        this.absences = absences;
        this.closures = closures;
        this.appointments = appointments;
        this.records = records;
        this.writes = writes;
        this.slots = slots;
        this.schedule = schedule;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public void load() {
        directory.structureBySlug("ludres").ifPresent(this::loadLudres);
        directory.structureBySlug("saint-usage").ifPresent(this::loadSaintUsage);
    }

    private void loadLudres(StructureSummary s) {
        AdvisorSummary advisor = directory.advisors(s.id()).getFirst();
        PlaceSummary mediatheque = place(s, "Médiathèque de Ludres");
        PlaceSummary fleville = place(s, "Mairie de Fléville-devant-Nancy");
        PlaceSummary houdemont = place(s, "Mairie de Houdemont");
        PlaceSummary heillecourt = place(s, "Mairie de Heillecourt");
        Set<Long> all = Set.of(mediatheque.id(), fleville.id(), houdemont.id(), heillecourt.id());

        Motif device = motifs.save(new Motif(s.id(), new Motif.Details("Apprendre à utiliser mon téléphone ou ma tablette",
                "Réglages, applications, photos, messages : on avance à votre rythme.", 45, 15, 24, 42, 2, false, 1, all,
                Set.of(Theme.PRENDRE_EN_MAIN_DU_MATERIEL),
                "Votre téléphone ou votre tablette, chargé\nVos mots de passe si vous les avez notés")));
        Motif procedure = motifs.save(new Motif(s.id(), new Motif.Details("Faire une démarche en ligne",
                "CAF, impôts, retraite, carte grise… Le conseiller vous aide à la faire.", 60, 15, 24, 42, 12, true, 2,
                Set.of(mediatheque.id(), houdemont.id()), Set.of(Theme.AIDE_AUX_DEMARCHES_ADMINISTRATIVES),
                "Votre pièce d’identité\nLes papiers de votre démarche (courrier, numéro d’allocataire…)")));
        motifs.save(new Motif(s.id(), new Motif.Details("Une question rapide (e-mail, internet)",
                "Créer une adresse e-mail, trouver un site, un mot de passe oublié.", 30, 10, 24, 42, 2, false, 3, all,
                Set.of(Theme.EMAIL, Theme.NAVIGATION_SUR_INTERNET), null)));

        open(s, advisor, mediatheque, DayOfWeek.TUESDAY, "09:00", "12:00");
        open(s, advisor, mediatheque, DayOfWeek.TUESDAY, "14:00", "17:00");
        open(s, advisor, fleville, DayOfWeek.WEDNESDAY, "09:00", "12:00");
        open(s, advisor, houdemont, DayOfWeek.THURSDAY, "14:00", "17:00");
        open(s, advisor, heillecourt, DayOfWeek.FRIDAY, "09:00", "12:00");

        LocalDate today = LocalDate.now(clock.withZone(ParisTime.ZONE));
        // A training day in three weeks, and the Fléville town hall closed on a Wednesday for an event. Monday:
        // the demo ateliers (loaded before) never fall on a Monday three weeks ahead.
        LocalDate training = today.plusWeeks(3).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        Absence absence = absences.saveAndFlush(new Absence(s.id(), advisor.id(), paris(training, 8, 0), paris(training, 18, 0),
                AbsenceKind.FORMATION, "Formation Aidants Connect"));
        schedule.claim(advisor.id(), absence.getStartAt(), absence.getEndAt(), Absence.OWNER_KIND, absence.getId(),
                "Absence – Formation");
        LocalDate closed = today.plusWeeks(2).with(TemporalAdjusters.nextOrSame(DayOfWeek.WEDNESDAY));
        closures.save(new PlaceClosure(s.id(), fleville.id(), closed, closed, "Salle du conseil prise par une cérémonie"));

        book(mediatheque, device, 0, 3);
        book(mediatheque, procedure, 3, 2);
        book(houdemont, device, 5, 2);
        pastActivity(s, advisor, mediatheque, device);
        history.pastYear(s.id(), advisor.id(), device, mediatheque, List.of(houdemont, heillecourt, fleville),
                directory.communes(s.id()));
    }

    private void loadSaintUsage(StructureSummary s) {
        AdvisorSummary advisor = directory.advisors(s.id()).getFirst();
        PlaceSummary mairie = place(s, "Mairie de Saint-Usage");
        PlaceSummary bibliotheque = place(s, "Bibliothèque de Saint-Jean-de-Losne");
        PlaceSummary losne = place(s, "Mairie de Losne");
        Set<Long> all = Set.of(mairie.id(), bibliotheque.id(), losne.id());
        Motif device = motifs.save(new Motif(s.id(), new Motif.Details("Apprendre à utiliser mon ordinateur",
                "Allumer, ranger ses fichiers, imprimer, faire une visio.", 45, 15, 24, 42, 2, false, 1, all,
                Set.of(Theme.PRENDRE_EN_MAIN_DU_MATERIEL, Theme.BUREAUTIQUE), null)));
        motifs.save(new Motif(s.id(), new Motif.Details("Faire une démarche en ligne",
                "Le conseiller vous aide à faire votre démarche.", 60, 15, 24, 42, 12, true, 2, all,
                Set.of(Theme.AIDE_AUX_DEMARCHES_ADMINISTRATIVES), "Votre pièce d’identité")));
        open(s, advisor, mairie, DayOfWeek.MONDAY, "14:00", "17:00");
        open(s, advisor, bibliotheque, DayOfWeek.WEDNESDAY, "09:00", "12:00");
        open(s, advisor, bibliotheque, DayOfWeek.SATURDAY, "09:00", "12:00");
        open(s, advisor, losne, DayOfWeek.THURSDAY, "09:00", "12:00");
        book(bibliotheque, device, 1, 2);
    }

    private PlaceSummary place(StructureSummary s, String name) {
        return directory.places(s.id()).stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    private void open(StructureSummary s, AdvisorSummary advisor, PlaceSummary place, DayOfWeek day, String from, String to) {
        hours.save(new OpeningHours(s.id(), new OpeningHours.Details(advisor.id(), place.id(), day, LocalTime.parse(from),
                LocalTime.parse(to), LocalDate.now(clock.withZone(ParisTime.ZONE)).minusMonths(6), null)));
    }

    /** Books {@code count} of the free slots, spread over the coming weeks, for fictitious residents. */
    private void book(PlaceSummary place, Motif motif, int firstResident, int count) {
        hours.flush();
        LocalDate today = LocalDate.now(clock.withZone(ParisTime.ZONE));
        List<FreeSlot> free = slots.freeSlots(place, motif.rules(), today, today.plusWeeks(4), clock.instant(), null);
        for (int i = 0; i < count && !free.isEmpty(); i++) {
            FreeSlot slot = free.get(Math.min(free.size() - 1, i * 3 + 1));
            String name = RESIDENTS.get((firstResident + i) % RESIDENTS.size());
            String email = name.toLowerCase(java.util.Locale.ROOT).replace(' ', '.')
                    .replace('é', 'e').replace('è', 'e') + "@exemple.org";
            var booking = new Appointment.Booking(resident(name, email, null), true,
                    i % 2 == 0 ? Set.of(Theme.EMAIL) : Set.of(), i % 2 == 0 ? "Envoyer des photos à ma famille" : null,
                    i % 3 == 2 ? Origin.staff() : Origin.web("127.0.0.1"), null);
            writes.book(place, motif, motif.rules(), slot.start(), booking, null);
            free = slots.freeSlots(place, motif.rules(), today, today.plusWeeks(4), clock.instant(), null);
        }
    }

    /** "Jeanne Martin": given name, then family name. */
    static Resident resident(String name, String email, String phone) {
        int space = name.indexOf(' ');
        return new Resident(PersonName.of(name.substring(0, space)), PersonName.of(name.substring(space + 1)),
                ContactDetails.of(email, phone));
    }

    /** Last week's appointment, done and recorded, and walk-in help recorded the same day. */
    private void pastActivity(StructureSummary s, AdvisorSummary advisor, PlaceSummary place, Motif motif) {
        LocalDate lastTuesday = LocalDate.now(clock.withZone(ParisTime.ZONE)).minusWeeks(1)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.TUESDAY));
        Instant start = paris(lastTuesday, 10, 0);
        var booking = new Appointment.Booking(resident("Paulette Exemple", null, "03 53 01 00 50"),
                false, Set.of(Theme.BANQUE_ET_ACHATS_EN_LIGNE), "Payer en ligne sans me faire arnaquer", Origin.staff(), null);
        Appointment past = appointments.saveAndFlush(new Appointment(s.id(), place.id(), advisor.id(), motif, start,
                booking, start.minusSeconds(7 * 24 * 3600)));
        schedule.claim(advisor.id(), past.getStartAt(), past.claimEnd(), Appointment.OWNER_KIND, past.getId(),
                writes.scheduleLabel(motif), place.id());
        past.markDone(start.plusSeconds(3600));
        records.save(new ActivityRecord(s.id(), advisor.id(), past.getId(), new ActivityRecord.Content(lastTuesday,
                45, ActivityLocation.LIEU_ACTIVITE, place.id(), null, Set.of(Theme.BANQUE_ET_ACHATS_EN_LIGNE, Theme.SECURITE_NUMERIQUE), Set.of(),
                AutonomyLevel.PARTIELLEMENT_AUTONOME, Set.of(EquipmentUsed.TELEPHONE), false, null, AgeBand.PLUS_DE_70,
                Gender.FEMININ, OccupationStatus.RETRAITE, place.communeId(), null), null, clock.instant()));
        records.save(new ActivityRecord(s.id(), advisor.id(), null, new ActivityRecord.Content(lastTuesday,
                15, ActivityLocation.LIEU_ACTIVITE, place.id(), null, Set.of(Theme.AIDE_AUX_DEMARCHES_ADMINISTRATIVES),
                Set.of(AdministrativeTheme.ARGENT_IMPOTS), AutonomyLevel.ENTIEREMENT_ACCOMPAGNE,
                Set.of(EquipmentUsed.ORDINATEUR), true, fr.rdvnumerique.base.taxonomy.ReferralKind.FRANCE_SERVICES,
                AgeBand.DE_60_A_69, Gender.MASCULIN, OccupationStatus.RETRAITE, null, null), null, clock.instant()));
    }

    private static Instant paris(LocalDate day, int hour, int minute) {
        return ZonedDateTime.of(day, LocalTime.of(hour, minute), ParisTime.ZONE).toInstant();
    }
}
