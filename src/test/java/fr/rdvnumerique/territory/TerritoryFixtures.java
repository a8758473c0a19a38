package fr.rdvnumerique.territory;

import fr.rdvnumerique.base.domain.EmailAddress;
import fr.rdvnumerique.base.domain.PhoneNumber;
import fr.rdvnumerique.territory.domain.Advisor;
import fr.rdvnumerique.territory.domain.AdvisorRepository;
import fr.rdvnumerique.territory.domain.Commune;
import fr.rdvnumerique.territory.domain.CommuneRepository;
import fr.rdvnumerique.territory.domain.Place;
import fr.rdvnumerique.territory.domain.PlaceRepository;
import fr.rdvnumerique.territory.domain.Structure;
import fr.rdvnumerique.territory.domain.StructureRepository;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates a small territory of its own for a test: a structure with a unique slug, one commune (in
 * Meurthe-et-Moselle), two places and one advisor working at both. Tests of every module use it, since
 * integration tests share one database.
 */
@Component
public class TerritoryFixtures {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final StructureRepository structures;
    private final CommuneRepository communes;
    private final PlaceRepository places;
    private final AdvisorRepository advisors;
    private final TransactionTemplate transactions;

    TerritoryFixtures(StructureRepository structures, CommuneRepository communes, PlaceRepository places,
                      AdvisorRepository advisors, TransactionTemplate transactions) {
        this.structures = structures;
        this.communes = communes;
        this.places = places;
        this.advisors = advisors;
        this.transactions = transactions;
    }

    /** A territory created for one test. */
    public record TestTerritory(long structureId, String slug, long communeId, long placeId, long secondPlaceId,
                                long advisorId) {
    }

    public TestTerritory create(String label) {
        return create(label, "54328");
    }

    /** With the commune's INSEE code chosen, e.g. "57463" (Metz) for Alsace-Moselle holidays. */
    public TestTerritory create(String label, String inseeCode) {
        int n = COUNTER.incrementAndGet();
        String slug = (label.toLowerCase().replaceAll("[^a-z0-9]+", "-") + "-" + n + "-" + System.nanoTime() % 100000)
                .replaceAll("^-|-$", "");
        return transactions.execute(status -> {
            long s = structures.save(new Structure("Structure " + label + " " + n, slug, StructureKind.MUTUALISATION,
                    PhoneNumber.parse("03 53 01 00 09"), EmailAddress.of("contact@" + slug + ".example.org"))).getId();
            long commune = communes.save(new Commune(s, "Commune " + label, inseeCode, inseeCode.startsWith("2") ? "20000" : inseeCode.substring(0, 2) + "000")).getId();
            long place = places.save(new Place(s, new Place.PlaceDetails(commune, "Médiathèque " + label, null, PlaceKind.MEDIATHEQUE,
                    "1 rue de la Paix", StepFreeAccess.YES, "Bus 1", "Parking", null))).getId();
            long second = places.save(new Place(s, new Place.PlaceDetails(commune, "Mairie " + label, null, PlaceKind.MAIRIE,
                    "2 place de la Mairie", StepFreeAccess.PARTIAL, null, null, null))).getId();
            long advisor = advisors.save(new Advisor(s, "Conseiller " + label, EmailAddress.of("conseiller@" + slug + ".example.org"),
                    AdvisorKind.CONSEILLER_NUMERIQUE, Set.of(place, second))).getId();
            return new TestTerritory(s, slug, commune, place, second, advisor);
        });
    }

    /** A second advisor in the same structure. */
    public long addAdvisor(TestTerritory territory, String name) {
        return transactions.execute(status -> advisors.save(new Advisor(territory.structureId(), name,
                EmailAddress.of("a" + System.nanoTime() + "@" + territory.slug() + ".example.org"),
                AdvisorKind.CONSEILLER_NUMERIQUE, Set.of(territory.placeId(), territory.secondPlaceId()))).getId());
    }

    /** A further advisor of the structure who works at the given places. */
    public long addAdvisor(TestTerritory territory, String name, Set<Long> placeIds) {
        return transactions.execute(status -> advisors.save(new Advisor(territory.structureId(), name,
                EmailAddress.of("a" + System.nanoTime() + "@" + territory.slug() + ".example.org"),
                AdvisorKind.CONSEILLER_NUMERIQUE, placeIds)).getId());
    }

    /** Another place in one of the structure's communes. */
    public long addPlace(TestTerritory territory, long communeId, String placeName) {
        return transactions.execute(status -> places.save(new Place(territory.structureId(), new Place.PlaceDetails(
                communeId, placeName, null, PlaceKind.MAIRIE, "4 place de l'Église", StepFreeAccess.YES, null, null,
                null))).getId());
    }

    /** Another commune of the structure with one place in it (no step-free access): {communeId, placeId}. */
    public long[] addCommuneWithPlace(TestTerritory territory, String communeName, String placeName) {
        return addCommuneWithPlace(territory, communeName, placeName, "54339");
    }

    /** The same with the commune's INSEE code, unique within a structure. */
    public long[] addCommuneWithPlace(TestTerritory territory, String communeName, String placeName, String inseeCode) {
        return transactions.execute(status -> {
            long commune = communes.save(new Commune(territory.structureId(), communeName, inseeCode, "54000")).getId();
            long place = places.save(new Place(territory.structureId(), new Place.PlaceDetails(commune, placeName, null,
                    PlaceKind.TIERS_LIEU, "3 rue du Moulin", StepFreeAccess.NO, null, null, null))).getId();
            return new long[] {commune, place};
        });
    }
}
