package fr.rdvnumerique.atelier;

import fr.rdvnumerique.atelier.domain.AtelierSession;
import fr.rdvnumerique.atelier.domain.Participant;
import fr.rdvnumerique.atelier.domain.Workshop;
import fr.rdvnumerique.atelier.domain.WorkshopRepository;
import fr.rdvnumerique.base.demo.DemoDataContributor;
import fr.rdvnumerique.base.domain.Channel;
import fr.rdvnumerique.base.domain.ContactDetails;
import fr.rdvnumerique.base.domain.Origin;
import fr.rdvnumerique.base.domain.PersonName;
import fr.rdvnumerique.base.domain.Resident;
import fr.rdvnumerique.base.taxonomy.AgeBand;
import fr.rdvnumerique.base.taxonomy.AtelierLevel;
import fr.rdvnumerique.base.taxonomy.Theme;
import fr.rdvnumerique.base.time.ParisTime;
import fr.rdvnumerique.base.web.SecretTokens;
import fr.rdvnumerique.territory.AdvisorSummary;
import fr.rdvnumerique.territory.PlaceSummary;
import fr.rdvnumerique.territory.StructureSummary;
import fr.rdvnumerique.territory.TerritoryDirectory;
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
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * A realistic programme for the two demo structures: a catalogue of ateliers, sessions over the coming weeks
 * (a weekly series, one-off dates in the partner communes) and registrations of fictitious residents, with a
 * full session and its waiting list. Dates follow the clock, so the demo always shows upcoming sessions; the
 * Ludres group also gets a year of past sessions ({@link AtelierDemoHistory}) for its activity report.
 */
@Component
class AtelierDemoData implements DemoDataContributor {

    private final TerritoryDirectory directory;
    private final WorkshopRepository workshops;
    private final AtelierWrites writes;
    private final AtelierProperties properties;
    private final AtelierDemoHistory history;
    private final Clock clock;

    AtelierDemoData(TerritoryDirectory directory, WorkshopRepository workshops, AtelierWrites writes,
                    AtelierProperties properties, AtelierDemoHistory history, Clock clock) {
        this.directory = directory;
        this.history = history;
        this.workshops = workshops;
        this.writes = writes;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public void load() {
        directory.structureBySlug("ludres").ifPresent(this::loadLudres);
        directory.structureBySlug("saint-usage").ifPresent(this::loadSaintUsage);
    }

    private void loadLudres(StructureSummary s) {
        Map<String, PlaceSummary> places = places(s);
        long advisor = advisor(s);
        Workshop tablette = workshop(s, "Découvrir sa tablette", """
                Allumer et éteindre la tablette, se connecter au wifi, installer une application, faire une photo.
                Pas à pas, sans jargon, en petit groupe.""", AtelierLevel.DEBUTANT, 120, 8,
                "Votre tablette chargée, si vous en avez une", "Tablettes prêtées sur place",
                Theme.PRENDRE_EN_MAIN_DU_MATERIEL);
        Workshop email = workshop(s, "Créer et utiliser son adresse e-mail", """
                Créer une adresse e-mail, lire et écrire un message, envoyer une photo en pièce jointe, trier ses
                messages.""", AtelierLevel.DEBUTANT, 90, 8, "Votre téléphone ou votre tablette",
                "Ordinateurs de la médiathèque", Theme.EMAIL);
        Workshop arnaques = workshop(s, "Repérer les arnaques sur internet", """
                Faux messages de livraison, faux conseillers bancaires, fausses promotions : apprendre à les
                reconnaître et savoir quoi faire.""", AtelierLevel.DEBUTANT, 90, 6, null, null,
                Theme.SECURITE_NUMERIQUE);
        Workshop demarches = workshop(s, "Faire ses démarches en ligne en sécurité", """
                Se connecter avec FranceConnect, remplir un formulaire en ligne, garder une copie de ses démarches.""",
                AtelierLevel.INTERMEDIAIRE, 120, 8, "Vos identifiants (impots.gouv.fr, ameli.fr) si vous les avez",
                "Ordinateurs portables", Theme.AIDE_AUX_DEMARCHES_ADMINISTRATIVES, Theme.SECURITE_NUMERIQUE);
        Workshop sante = workshop(s, "Prendre rendez-vous chez le médecin en ligne", """
                Créer son compte, chercher un médecin, prendre et annuler un rendez-vous, préparer une
                téléconsultation.""", AtelierLevel.INTERMEDIAIRE, 90, 8, "Votre carte Vitale",
                null, Theme.SANTE);
        Workshop photos = workshop(s, "Ranger et partager ses photos", """
                Trier ses photos en albums, les sauvegarder et les envoyer à ses proches.""",
                AtelierLevel.INTERMEDIAIRE, 120, 8, "Votre téléphone et son câble", null,
                Theme.GERER_SES_CONTENUS_NUMERIQUES);
        Workshop ia = workshop(s, "Découvrir l’intelligence artificielle", """
                Ce qu’est un assistant conversationnel, ce qu’il sait faire et ne pas faire, comment vérifier ses
                réponses.""", AtelierLevel.AVANCE, 120, 10, null, "Ordinateurs de la médiathèque",
                Theme.INTELLIGENCE_ARTIFICIELLE, Theme.CULTURE_NUMERIQUE);

        PlaceSummary mediatheque = places.get("Médiathèque de Ludres");
        PlaceSummary fleville = places.get("Mairie de Fléville-devant-Nancy");
        PlaceSummary houdemont = places.get("Mairie de Houdemont");
        PlaceSummary heillecourt = places.get("Mairie de Heillecourt");

        // Every Tuesday at 14:00 for six weeks at the médiathèque.
        String series = UUID.randomUUID().toString();
        var tablettes = new java.util.ArrayList<Long>();
        for (int week = 0; week < 6; week++) {
            tablettes.add(session(s, tablette, mediatheque, advisor, next(DayOfWeek.TUESDAY).plusWeeks(week), 14, 0, 8,
                    series));
        }
        long firstTablette = tablettes.get(0);
        register(firstTablette, Channel.WEB, "Jeanne", "Martin", "jeanne.martin@exemple.fr", null, AgeBand.PLUS_DE_70);
        register(firstTablette, Channel.STAFF, "Robert", "Lefèvre", null, "03 53 01 10 01", AgeBand.PLUS_DE_70);
        register(firstTablette, Channel.KIOSK, "Monique", "Girard", null, "03 53 01 10 02", AgeBand.DE_60_A_69);
        register(firstTablette, Channel.WEB, "Marie-Hélène", "N’Diaye", "mh.ndiaye@exemple.fr", null, AgeBand.DE_60_A_69,
                "Paul", "N’Diaye");
        register(tablettes.get(1), Channel.WEB, "André", "Colin", "andre.colin@exemple.fr", "03 53 01 10 03", AgeBand.PLUS_DE_70);

        // The arnaques session is full, with two people waiting.
        long arnaquesSession = session(s, arnaques, heillecourt, advisor, next(DayOfWeek.FRIDAY), 14, 30, 6, null);
        String[][] people = {{"Yvette", "Bernard"}, {"Gérard", "Petit"}, {"Suzanne", "Roux"}, {"Lucien", "Faure"},
                {"Odette", "Marchand"}, {"Henri", "Dubois"}, {"Colette", "Lambert"}, {"Marcel", "Fontaine"}};
        for (int i = 0; i < people.length; i++) {
            register(arnaquesSession, i % 3 == 0 ? Channel.STAFF : Channel.WEB, people[i][0], people[i][1],
                    ascii(people[i][0]) + "." + ascii(people[i][1]) + "@exemple.fr", null,
                    i % 2 == 0 ? AgeBand.PLUS_DE_70 : AgeBand.DE_60_A_69);
        }

        for (int week = 0; week < 4; week++) {
            session(s, email, fleville, advisor, next(DayOfWeek.THURSDAY).plusWeeks(week), 10, 0, 8, null);
        }
        session(s, demarches, mediatheque, advisor, next(DayOfWeek.WEDNESDAY).plusWeeks(1), 9, 30, 8, null);
        session(s, sante, houdemont, advisor, next(DayOfWeek.MONDAY).plusWeeks(1), 14, 0, 8, null);
        session(s, photos, mediatheque, advisor, next(DayOfWeek.SATURDAY).plusWeeks(1), 10, 0, 8, null);
        session(s, ia, mediatheque, advisor, next(DayOfWeek.WEDNESDAY).plusWeeks(3), 17, 30, 10, null);

        history.pastYear(s.id(), advisor, List.of(tablette, email, arnaques, demarches, sante, photos, ia), mediatheque,
                List.of(fleville, houdemont, heillecourt), directory.communes(s.id()));
    }

    private void loadSaintUsage(StructureSummary s) {
        Map<String, PlaceSummary> places = places(s);
        long advisor = advisor(s);
        Workshop ordinateur = workshop(s, "Premiers pas sur l’ordinateur", """
                La souris, le clavier, ouvrir un document, aller sur internet. Pour celles et ceux qui n’ont jamais
                ou presque jamais utilisé un ordinateur.""", AtelierLevel.DEBUTANT, 120, 6, null,
                "Ordinateurs portables prêtés", Theme.PRENDRE_EN_MAIN_DU_MATERIEL);
        Workshop smartphone = workshop(s, "Utiliser son smartphone au quotidien", """
                Appeler, envoyer un SMS, régler le volume et la taille du texte, installer une application utile.""",
                AtelierLevel.DEBUTANT, 90, 8, "Votre smartphone chargé", null, Theme.PRENDRE_EN_MAIN_DU_MATERIEL);
        Workshop achats = workshop(s, "Acheter et vendre en ligne sans risque", """
                Reconnaître un site sérieux, payer en sécurité, vendre un objet entre particuliers.""",
                AtelierLevel.INTERMEDIAIRE, 120, 8, null, null, Theme.BANQUE_ET_ACHATS_EN_LIGNE);
        Workshop video = workshop(s, "Garder le contact avec ses proches en vidéo", """
                Faire un appel vidéo avec ses enfants et petits-enfants, partager une photo dans un groupe.""",
                AtelierLevel.DEBUTANT, 90, 8, "Votre smartphone ou votre tablette", null, Theme.RESEAUX_SOCIAUX);

        PlaceSummary mairie = places.get("Mairie de Saint-Usage");
        PlaceSummary bibliotheque = places.get("Bibliothèque de Saint-Jean-de-Losne");
        PlaceSummary losne = places.get("Mairie de Losne");
        String series = UUID.randomUUID().toString();
        long first = 0;
        for (int week = 0; week < 4; week++) {
            long id = session(s, ordinateur, bibliotheque, advisor, next(DayOfWeek.MONDAY).plusWeeks(week), 14, 0, 6, series);
            if (week == 0) {
                first = id;
            }
        }
        register(first, Channel.WEB, "Bernadette", "Masson", "bernadette.masson@exemple.fr", null, AgeBand.PLUS_DE_70);
        register(first, Channel.STAFF, "Jean-Pierre", "Renaud", null, "03 53 01 20 01", AgeBand.DE_60_A_69);
        long smart = session(s, smartphone, mairie, advisor, next(DayOfWeek.THURSDAY), 9, 30, 8, null);
        register(smart, Channel.WEB, "Nicole", "Perrin", "nicole.perrin@exemple.fr", "03 53 01 20 02", AgeBand.PLUS_DE_70);
        session(s, achats, losne, advisor, next(DayOfWeek.WEDNESDAY).plusWeeks(1), 14, 0, 8, null);
        session(s, video, mairie, advisor, next(DayOfWeek.FRIDAY).plusWeeks(2), 10, 0, 8, null);
    }

    private Workshop workshop(StructureSummary s, String title, String description, AtelierLevel level, int minutes,
                              int capacity, String bring, String equipment, Theme... themes) {
        return workshops.save(new Workshop(s.id(), new Workshop.Details(title, description.replace("\n", " ").strip(),
                EnumSet.copyOf(List.of(themes)), level, minutes, capacity, bring, equipment)));
    }

    private long session(StructureSummary s, Workshop workshop, PlaceSummary place, long advisor, LocalDate day,
                         int hour, int minute, int capacity, String seriesKey) {
        Instant start = ZonedDateTime.of(day, LocalTime.of(hour, minute), ParisTime.ZONE).toInstant();
        Instant end = start.plus(Duration.ofMinutes(workshop.getDurationMinutes()));
        var schedule = new AtelierSession.Schedule(place.id(), advisor, start, end, null,
                start.minus(properties.registrationClosesBefore()));
        return writes.createSession(s.id(), workshop, schedule, capacity, seriesKey).getId();
    }

    private void register(long sessionId, Channel channel, String first, String last, String email, String phone,
                          AgeBand age) {
        register(sessionId, channel, first, last, email, phone, age, null, null);
    }

    private void register(long sessionId, Channel channel, String first, String last, String email, String phone,
                          AgeBand age, String companionFirst, String companionLast) {
        var person = new Participant(new Resident(PersonName.of(first), PersonName.of(last), ContactDetails.of(email, phone)),
                companionFirst == null ? null : PersonName.of(companionFirst),
                companionLast == null ? null : PersonName.of(companionLast), null, false, age,
                Set.of(Theme.PRENDRE_EN_MAIN_DU_MATERIEL), true);
        // Demo registrations go straight to the session, past the rate limit: the web's address is never kept.
        Origin origin = switch (channel) {
            case WEB -> Origin.web("127.0.0.1");
            case KIOSK -> Origin.kiosk("borne-mediatheque-ludres");
            case STAFF -> Origin.staff();
        };
        writes.register(sessionId, new AtelierWrites.Candidate(person, origin, SecretTokens.generate(), true),
                properties.maxActiveRegistrationsPerContact());
    }

    /** The first such weekday after tomorrow, so that registration is open. */
    private LocalDate next(DayOfWeek day) {
        return LocalDate.now(clock.withZone(ParisTime.ZONE)).plusDays(2).with(TemporalAdjusters.nextOrSame(day));
    }

    private Map<String, PlaceSummary> places(StructureSummary s) {
        return directory.places(s.id()).stream().collect(Collectors.toMap(PlaceSummary::name, Function.identity()));
    }

    private long advisor(StructureSummary s) {
        return directory.advisors(s.id()).stream().map(AdvisorSummary::id).findFirst().orElseThrow();
    }

    private static String ascii(String text) {
        return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]", "");
    }
}
