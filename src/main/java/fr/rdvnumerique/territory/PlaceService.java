package fr.rdvnumerique.territory;

import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.base.domain.InvalidValueException;
import fr.rdvnumerique.base.domain.Versioned;
import fr.rdvnumerique.base.security.CurrentStaff;
import fr.rdvnumerique.territory.domain.Commune;
import fr.rdvnumerique.territory.domain.CommuneRepository;
import fr.rdvnumerique.territory.domain.Place;
import fr.rdvnumerique.territory.domain.PlaceRepository;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Coordinators manage the places of their structure. */
@Service
@PreAuthorize("hasRole('COORDINATOR')")
public class PlaceService {

    private final PlaceRepository places;
    private final CommuneRepository communes;
    private final CurrentStaff staff;

    PlaceService(PlaceRepository places, CommuneRepository communes, CurrentStaff staff) {
        this.places = places;
        this.communes = communes;
        this.staff = staff;
    }

    @Transactional(readOnly = true)
    public Slice<PlaceSummary> list(Pageable pageable) {
        long structureId = staff.structureId();
        // One query for the communes of the page, not one per row.
        Map<Long, Commune> byId = communes.findByStructureIdOrderByName(structureId).stream()
                .collect(Collectors.toMap(Commune::getId, Function.identity()));
        return places.findByStructureIdOrderByName(structureId, pageable)
                .map(p -> TerritoryDirectory.summary(p, byId.get(p.getCommuneId())));
    }

    /** Active places of the structure, for choosers. */
    @Transactional(readOnly = true)
    public List<PlaceSummary> active() {
        return all().stream().filter(PlaceSummary::active).toList();
    }

    /**
     * Every place of the structure, deactivated ones included: a form shows the places a record already has
     * ("Mairie de Losne (désactivé)") rather than silently dropping them.
     */
    @Transactional(readOnly = true)
    public List<PlaceSummary> all() {
        return list(Pageable.unpaged()).getContent();
    }

    @Transactional(readOnly = true)
    public Versioned<PlaceForm> load(long id) {
        Place place = owned(id);
        var d = place.details();
        return new Versioned<>(id, place.getVersion(), new PlaceForm(d.communeId(), d.name(), d.article(), d.kind(), d.address(),
                d.stepFreeAccess(), d.transport(), d.parking(), d.publicNotes()));
    }

    @Transactional
    public long create(PlaceForm form) {
        return places.save(new Place(staff.structureId(), details(form, null))).getId();
    }

    @Transactional
    public void update(long id, long version, PlaceForm form) {
        Place place = owned(id);
        Versioned.check(version, place.getVersion());
        place.update(details(form, place.getCommuneId()));
    }

    @Transactional
    public void setActive(long id, boolean active) {
        owned(id).setActive(active);
    }

    /**
     * @param currentCommuneId the place's commune before this change: it may stay even if deactivated since (the
     *                         place keeps its address), but a place never moves into a deactivated commune
     */
    private Place.PlaceDetails details(PlaceForm form, Long currentCommuneId) {
        if (form.communeId() == null) {
            throw new InvalidValueException("territory.place.commune.required");
        }
        Commune commune = communes.findById(form.communeId())
                .orElseThrow(() -> new InvalidValueException("territory.place.commune.required"));
        staff.checkStructure(commune.getStructureId());
        if (!commune.isActive() && !commune.getId().equals(currentCommuneId)) {
            throw new InvalidValueException("territory.place.commune.inactive", commune.getName());
        }
        return new Place.PlaceDetails(commune.getId(), form.name(), form.article(), form.kind(), form.address(), form.stepFreeAccess(),
                form.transport(), form.parking(), form.publicNotes());
    }

    private Place owned(long id) {
        Place place = places.findById(id).orElseThrow(() -> new BusinessRuleException("error.not-found"));
        staff.checkStructure(place.getStructureId());
        return place;
    }
}
