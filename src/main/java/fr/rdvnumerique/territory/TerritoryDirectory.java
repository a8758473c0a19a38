package fr.rdvnumerique.territory;

import fr.rdvnumerique.territory.domain.Advisor;
import fr.rdvnumerique.territory.domain.AdvisorRepository;
import fr.rdvnumerique.territory.domain.Commune;
import fr.rdvnumerique.territory.domain.CommuneRepository;
import fr.rdvnumerique.territory.domain.Place;
import fr.rdvnumerique.territory.domain.PlaceRepository;
import fr.rdvnumerique.territory.domain.Structure;
import fr.rdvnumerique.territory.domain.StructureRepository;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only view of the territory for the public portal and the other modules. Everything here is public
 * information (names, addresses, access), so no sign-in is needed; staff changes go through the
 * {@code *Service} classes, which check roles and structures.
 */
@Service
@Transactional(readOnly = true)
public class TerritoryDirectory {

    private final StructureRepository structures;
    private final CommuneRepository communes;
    private final PlaceRepository places;
    private final AdvisorRepository advisors;

    TerritoryDirectory(StructureRepository structures, CommuneRepository communes, PlaceRepository places,
                       AdvisorRepository advisors) {
        this.structures = structures;
        this.communes = communes;
        this.places = places;
        this.advisors = advisors;
    }

    public List<StructureSummary> activeStructures() {
        return structures.findByActiveTrueOrderByName().stream().map(TerritoryDirectory::summary).toList();
    }

    public Optional<StructureSummary> structureBySlug(String slug) {
        return structures.findBySlug(slug).filter(Structure::isActive).map(TerritoryDirectory::summary);
    }

    public Optional<StructureSummary> structure(long id) {
        return structures.findById(id).map(TerritoryDirectory::summary);
    }

    /** Active communes of a structure, by name. */
    public List<CommuneSummary> communes(long structureId) {
        return communes.findByStructureIdOrderByName(structureId).stream()
                .filter(Commune::isActive).map(TerritoryDirectory::summary).toList();
    }

    /** Every commune of a structure, switched-off ones too: past activity names them (records, reports). */
    public List<CommuneSummary> allCommunes(long structureId) {
        return communes.findByStructureIdOrderByName(structureId).stream().map(TerritoryDirectory::summary).toList();
    }

    public Optional<CommuneSummary> commune(long communeId) {
        return communes.findById(communeId).map(TerritoryDirectory::summary);
    }

    /** Active places of a structure in its active communes, by name: what residents may be sent to. */
    public List<PlaceSummary> places(long structureId) {
        Map<Long, Commune> byId = communesById(structureId);
        return places.findByStructureIdOrderByName(structureId).stream()
                .filter(Place::isActive)
                .filter(p -> byId.containsKey(p.getCommuneId()) && byId.get(p.getCommuneId()).isActive())
                .map(p -> summary(p, byId.get(p.getCommuneId()))).toList();
    }

    /** Every place of a structure, deactivated ones too: past activity happened there (reports, history). */
    public List<PlaceSummary> allPlaces(long structureId) {
        Map<Long, Commune> byId = communesById(structureId);
        return places.findByStructureIdOrderByName(structureId).stream()
                .map(p -> summary(p, byId.get(p.getCommuneId()))).toList();
    }

    public Optional<PlaceSummary> place(long placeId) {
        return places.findById(placeId).map(p -> summary(p, communes.findById(p.getCommuneId()).orElseThrow()));
    }

    /** Active advisors of a structure. */
    public List<AdvisorSummary> advisors(long structureId) {
        return advisors.findByStructureIdOrderByDisplayName(structureId).stream()
                .filter(Advisor::isActive).map(TerritoryDirectory::summary).toList();
    }

    public Optional<AdvisorSummary> advisor(long advisorId) {
        return advisors.findById(advisorId).map(TerritoryDirectory::summary);
    }

    private Map<Long, Commune> communesById(long structureId) {
        return communes.findByStructureIdOrderByName(structureId).stream()
                .collect(Collectors.toMap(Commune::getId, Function.identity()));
    }

    static StructureSummary summary(Structure s) {
        return new StructureSummary(s.getId(), s.getName(), s.getArticle(), s.getSlug(), s.getKind(), s.getPhone(), s.getEmail(), s.isActive());
    }

    static CommuneSummary summary(Commune c) {
        return new CommuneSummary(c.getId(), c.getStructureId(), c.getName(), c.getInseeCode(), c.getPostalCode(), c.isActive());
    }

    static PlaceSummary summary(Place p, Commune commune) {
        var d = p.details();
        return new PlaceSummary(p.getId(), p.getStructureId(), d.name(), d.article(), d.kind(), d.address(), commune.getId(),
                commune.getName(), commune.getPostalCode(), commune.getInseeCode(), d.stepFreeAccess(), d.transport(),
                d.parking(), d.publicNotes(), p.isActive());
    }

    static AdvisorSummary summary(Advisor a) {
        return new AdvisorSummary(a.getId(), a.getStructureId(), a.getDisplayName(), a.getEmail(), a.getKind(),
                a.getPlaceIds(), a.isActive());
    }
}
