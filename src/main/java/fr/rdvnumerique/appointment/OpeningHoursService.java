package fr.rdvnumerique.appointment;

import fr.rdvnumerique.appointment.domain.OpeningHours;
import fr.rdvnumerique.appointment.domain.OpeningHoursRepository;
import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.base.domain.InvalidValueException;
import fr.rdvnumerique.base.domain.Versioned;
import fr.rdvnumerique.base.security.CurrentStaff;
import fr.rdvnumerique.territory.AdvisorSummary;
import fr.rdvnumerique.territory.PlaceSummary;
import fr.rdvnumerique.territory.TerritoryDirectory;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Coordinators set when each advisor receives at each place. Changing hours never touches appointments
 * already booked: the agenda keeps them, and staff move them if needed.
 */
@Service
@PreAuthorize("hasRole('COORDINATOR')")
public class OpeningHoursService {

    private final OpeningHoursRepository hours;
    private final TerritoryDirectory directory;
    private final CurrentStaff staff;

    OpeningHoursService(OpeningHoursRepository hours, TerritoryDirectory directory, CurrentStaff staff) {
        this.hours = hours;
        this.directory = directory;
        this.staff = staff;
    }

    @Transactional(readOnly = true)
    public Slice<OpeningHoursSummary> list(Pageable pageable) {
        long structureId = staff.structureId();
        Map<Long, AdvisorSummary> advisors = directory.advisors(structureId).stream()
                .collect(Collectors.toMap(AdvisorSummary::id, Function.identity()));
        Map<Long, PlaceSummary> places = directory.places(structureId).stream()
                .collect(Collectors.toMap(PlaceSummary::id, Function.identity()));
        return hours.findByStructureIdOrderByAdvisorIdAscWeekdayAscStartTimeAsc(structureId, pageable).map(h -> {
            var d = h.details();
            var advisor = advisors.get(d.advisorId());
            var place = places.get(d.placeId());
            return new OpeningHoursSummary(h.getId(), d.advisorId(), advisor == null ? "?" : advisor.displayName(),
                    d.placeId(), place == null ? "?" : place.name(), d.weekday(), d.start(), d.end(), d.validFrom(),
                    d.validUntil());
        });
    }

    @Transactional(readOnly = true)
    public Versioned<OpeningHoursForm> load(long id) {
        OpeningHours h = owned(id);
        var d = h.details();
        return new Versioned<>(id, h.getVersion(), new OpeningHoursForm(d.advisorId(), d.placeId(), d.weekday(),
                d.start(), d.end(), d.validFrom(), d.validUntil()));
    }

    @Transactional
    public long create(OpeningHoursForm form) {
        return hours.save(new OpeningHours(staff.structureId(), details(form))).getId();
    }

    @Transactional
    public void update(long id, long version, OpeningHoursForm form) {
        OpeningHours h = owned(id);
        Versioned.check(version, h.getVersion());
        h.update(details(form));
    }

    @Transactional
    public void delete(long id) {
        hours.delete(owned(id));
    }

    private OpeningHours.Details details(OpeningHoursForm form) {
        if (form.advisorId() == null) {
            throw new InvalidValueException("appointment.hours.advisor.required");
        }
        if (form.placeId() == null) {
            throw new InvalidValueException("appointment.hours.place.required");
        }
        AdvisorSummary advisor = directory.advisor(form.advisorId()).orElseThrow(() -> new BusinessRuleException("error.not-found"));
        staff.checkStructure(advisor.structureId());
        PlaceSummary place = directory.place(form.placeId()).orElseThrow(() -> new BusinessRuleException("error.not-found"));
        staff.checkStructure(place.structureId());
        if (!advisor.placeIds().contains(place.id())) {
            throw new InvalidValueException("appointment.hours.place.not-worked", advisor.displayName(), place.name(),
                    place.named().after("à"));
        }
        return new OpeningHours.Details(form.advisorId(), form.placeId(), form.weekday(), form.start(), form.end(),
                form.validFrom(), form.validUntil());
    }

    private OpeningHours owned(long id) {
        OpeningHours h = hours.findById(id).orElseThrow(() -> new BusinessRuleException("error.not-found"));
        staff.checkStructure(h.getStructureId());
        return h;
    }
}
