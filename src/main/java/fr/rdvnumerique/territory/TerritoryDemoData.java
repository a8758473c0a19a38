package fr.rdvnumerique.territory;

import fr.rdvnumerique.base.demo.DemoDataContributor;
import fr.rdvnumerique.base.domain.EmailAddress;
import fr.rdvnumerique.base.domain.PhoneNumber;
import fr.rdvnumerique.base.i18n.Article;
import fr.rdvnumerique.base.security.Role;
import fr.rdvnumerique.base.security.StaffAccountProvisioning;
import fr.rdvnumerique.territory.domain.Advisor;
import fr.rdvnumerique.territory.domain.AdvisorRepository;
import fr.rdvnumerique.territory.domain.Commune;
import fr.rdvnumerique.territory.domain.CommuneRepository;
import fr.rdvnumerique.territory.domain.CommuneShare;
import fr.rdvnumerique.territory.domain.Convention;
import fr.rdvnumerique.territory.domain.ConventionRepository;
import fr.rdvnumerique.territory.domain.Place;
import fr.rdvnumerique.territory.domain.Place.PlaceDetails;
import fr.rdvnumerique.territory.domain.PlaceRepository;
import fr.rdvnumerique.territory.domain.Structure;
import fr.rdvnumerique.territory.domain.StructureRepository;
import fr.rdvnumerique.territory.domain.SubsidyInstalment;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The two mutualisations the seeds describe: Ludres with Fléville-devant-Nancy, Houdemont and Heillecourt;
 * Saint-Usage with Losne and Saint-Jean-de-Losne. Communes, subsidy terms and dates come from the
 * deliberations; people, addresses, phone numbers (ARCEP's range for fiction) and hours are invented.
 */
@Component
class TerritoryDemoData implements DemoDataContributor {

    /** Documented in the README; only ever set by the demo data. */
    static final String DEMO_PASSWORD = "demo-rdv-numerique";

    private final StructureRepository structures;
    private final CommuneRepository communes;
    private final PlaceRepository places;
    private final AdvisorRepository advisors;
    private final ConventionRepository conventions;
    private final StaffAccountProvisioning accounts;

    TerritoryDemoData(StructureRepository structures, CommuneRepository communes, PlaceRepository places,
                      AdvisorRepository advisors, ConventionRepository conventions, StaffAccountProvisioning accounts) {
        this.structures = structures;
        this.communes = communes;
        this.places = places;
        this.advisors = advisors;
        this.conventions = conventions;
        this.accounts = accounts;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public void load() {
        loadLudres();
        loadSaintUsage();
        accounts.provision("admin@rdv-numerique.example.org", "Administration", DEMO_PASSWORD, EnumSet.of(Role.ADMIN), null, null);
    }

    private void loadLudres() {
        long s = structures.save(new Structure("Conseiller numérique de Ludres, Fléville, Houdemont et Heillecourt", "ludres",
                StructureKind.MUTUALISATION, PhoneNumber.parse("03 53 01 00 01"),
                EmailAddress.of("conseiller-numerique@ludres.example.org"))).getId();
        long ludres = commune(s, "Ludres", "54328", "54710");
        long fleville = commune(s, "Fléville-devant-Nancy", "54197", "54710");
        long houdemont = commune(s, "Houdemont", "54265", "54180");
        long heillecourt = commune(s, "Heillecourt", "54257", "54180");

        long mediatheque = place(s, new PlaceDetails(ludres, "Médiathèque de Ludres", Article.LA, PlaceKind.MEDIATHEQUE,
                "12 rue de la Médiathèque", StepFreeAccess.YES, "Bus ligne 21, arrêt « Ludres Centre »",
                "Parking gratuit devant la médiathèque", "Salle numérique au rez-de-chaussée, à gauche de l’accueil."));
        long mairieFleville = place(s, new PlaceDetails(fleville, "Mairie de Fléville-devant-Nancy", Article.LA, PlaceKind.MAIRIE,
                "1 place de la Mairie", StepFreeAccess.YES, "Bus ligne 21, arrêt « Fléville Mairie »",
                "Quelques places devant la mairie", "Salle du conseil, 1er étage (ascenseur)."));
        long mairieHoudemont = place(s, new PlaceDetails(houdemont, "Mairie de Houdemont", Article.LA, PlaceKind.MAIRIE,
                "2 rue de la République", StepFreeAccess.PARTIAL, "Bus ligne 5, arrêt « Houdemont »",
                "Parking de la salle des fêtes", "Deux marches à l’entrée ; sonnez, on vous ouvre par la rampe."));
        long mairieHeillecourt = place(s, new PlaceDetails(heillecourt, "Mairie de Heillecourt", Article.LA, PlaceKind.MAIRIE,
                "3 avenue de la Libération", StepFreeAccess.YES, "Tram ligne 1, arrêt « Heillecourt »",
                "Parking de la mairie", null));

        long advisor = advisors.save(new Advisor(s, "Camille Rivière", EmailAddress.of("camille.riviere@ludres.example.org"),
                AdvisorKind.CONSEILLER_NUMERIQUE, Set.of(mediatheque, mairieFleville, mairieHoudemont, mairieHeillecourt))).getId();

        // Recruitment on 11 May 2021, convention signed 8 July 2021, renewed in 2023 (deliberations of Ludres).
        List<SubsidyInstalment> instalments = List.of(new SubsidyInstalment(20, 0), new SubsidyInstalment(30, 6),
                new SubsidyInstalment(50, 12));
        conventions.save(new Convention(s, new Convention.Terms("Convention de mutualisation 2021", ludres,
                LocalDate.of(2021, 7, 8), LocalDate.of(2021, 5, 11), LocalDate.of(2023, 5, 10), 1,
                new BigDecimal("50000"), new BigDecimal("9000"), shares(ludres, fleville, houdemont, heillecourt), instalments)));
        conventions.save(new Convention(s, new Convention.Terms("Convention de mutualisation – renouvellement 2023", ludres,
                LocalDate.of(2023, 3, 6), LocalDate.of(2023, 5, 11), LocalDate.of(2027, 5, 10), 1,
                new BigDecimal("50000"), new BigDecimal("12000"), shares(ludres, fleville, houdemont, heillecourt), instalments)));

        accounts.provision("coordination@ludres.example.org", "Dominique Coordination (Ludres)", DEMO_PASSWORD,
                EnumSet.of(Role.COORDINATOR), s, null);
        accounts.provision("camille.riviere@ludres.example.org", "Camille Rivière", DEMO_PASSWORD,
                EnumSet.of(Role.ADVISOR), s, advisor);
    }

    private static List<CommuneShare> shares(long ludres, long fleville, long houdemont, long heillecourt) {
        return List.of(new CommuneShare(ludres, new BigDecimal("14")), new CommuneShare(fleville, new BigDecimal("8")),
                new CommuneShare(houdemont, new BigDecimal("6")), new CommuneShare(heillecourt, new BigDecimal("7")));
    }

    private void loadSaintUsage() {
        long s = structures.save(new Structure("Conseiller numérique de Saint-Usage, Losne et Saint-Jean-de-Losne",
                "saint-usage", StructureKind.MUTUALISATION, PhoneNumber.parse("03 53 01 00 02"), null)).getId();
        long saintUsage = commune(s, "Saint-Usage", "21577", "21170");
        long losne = commune(s, "Losne", "21356", "21170");
        long saintJean = commune(s, "Saint-Jean-de-Losne", "21554", "21170");
        long mairie = place(s, new PlaceDetails(saintUsage, "Mairie de Saint-Usage", Article.LA, PlaceKind.MAIRIE,
                "5 rue de la Mairie", StepFreeAccess.YES, null, "Parking de la mairie", null));
        long bibliotheque = place(s, new PlaceDetails(saintJean, "Bibliothèque de Saint-Jean-de-Losne", Article.LA, PlaceKind.MEDIATHEQUE,
                "8 quai National", StepFreeAccess.PARTIAL, null, "Parking du port", "Entrée par la cour."));
        long mairieLosne = place(s, new PlaceDetails(losne, "Mairie de Losne", Article.LA, PlaceKind.MAIRIE,
                "4 place de l’Église", StepFreeAccess.UNKNOWN, null, null, null));
        long advisor = advisors.save(new Advisor(s, "Sacha Moreau", EmailAddress.of("sacha.moreau@saint-usage.example.org"),
                AdvisorKind.CONSEILLER_NUMERIQUE, Set.of(mairie, bibliotheque, mairieLosne))).getId();
        // Deliberation of Saint-Usage, 20 May 2021: 50,000 € over 24 months.
        conventions.save(new Convention(s, new Convention.Terms("Mutualisation d’un conseiller numérique", saintUsage,
                LocalDate.of(2021, 5, 20), LocalDate.of(2021, 9, 1), LocalDate.of(2027, 8, 31), 1,
                new BigDecimal("50000"), new BigDecimal("8000"),
                List.of(new CommuneShare(saintUsage, new BigDecimal("15")), new CommuneShare(losne, new BigDecimal("10")),
                        new CommuneShare(saintJean, new BigDecimal("10"))),
                List.of(new SubsidyInstalment(20, 0), new SubsidyInstalment(30, 6), new SubsidyInstalment(50, 12)))));
        accounts.provision("coordination@saint-usage.example.org", "Alix Coordination (Saint-Usage)", DEMO_PASSWORD,
                EnumSet.of(Role.COORDINATOR), s, null);
        accounts.provision("sacha.moreau@saint-usage.example.org", "Sacha Moreau", DEMO_PASSWORD,
                EnumSet.of(Role.ADVISOR), s, advisor);
    }

    private long commune(long structureId, String name, String insee, String postal) {
        return communes.save(new Commune(structureId, name, insee, postal)).getId();
    }

    private long place(long structureId, PlaceDetails details) {
        return places.save(new Place(structureId, details)).getId();
    }
}
