package fr.rdvnumerique.appointment;

import fr.rdvnumerique.appointment.domain.Appointment;
import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.base.security.CurrentStaff;
import fr.rdvnumerique.base.security.Role;
import fr.rdvnumerique.territory.AdvisorSummary;
import fr.rdvnumerique.territory.PlaceSummary;
import fr.rdvnumerique.territory.TerritoryDirectory;
import java.util.List;
import java.util.Objects;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * What the signed-in staff member may touch: a coordinator, every advisor and place of their structure; an
 * advisor, their own agenda only (and the places of their structure).
 */
@Component
class StaffScope {

    private final CurrentStaff staff;
    private final TerritoryDirectory directory;

    StaffScope(CurrentStaff staff, TerritoryDirectory directory) {
        this.staff = staff;
        this.directory = directory;
    }

    long structureId() {
        return staff.structureId();
    }

    long accountId() {
        return staff.require().accountId();
    }

    boolean coordinator() {
        return staff.require().has(Role.COORDINATOR);
    }

    /** The advisors whose agenda the person may open. */
    List<AdvisorSummary> advisors() {
        List<AdvisorSummary> all = directory.advisors(structureId());
        if (coordinator()) {
            return all;
        }
        Long own = staff.require().advisorId();
        return all.stream().filter(a -> Objects.equals(a.id(), own)).toList();
    }

    AdvisorSummary advisor(long advisorId) {
        AdvisorSummary advisor = directory.advisor(advisorId).orElseThrow(() -> new BusinessRuleException("error.not-found"));
        staff.checkStructure(advisor.structureId());
        if (!coordinator() && !Objects.equals(staff.require().advisorId(), advisorId)) {
            throw new AccessDeniedException("Another advisor's agenda");
        }
        return advisor;
    }

    PlaceSummary place(long placeId) {
        PlaceSummary place = directory.place(placeId).orElseThrow(() -> new BusinessRuleException("error.not-found"));
        staff.checkStructure(place.structureId());
        return place;
    }

    void check(Appointment appointment) {
        staff.checkStructure(appointment.getStructureId());
        if (!coordinator() && !Objects.equals(staff.require().advisorId(), appointment.getAdvisorId())) {
            throw new AccessDeniedException("Another advisor's appointment");
        }
    }

    /** The advisor an advisor account stands for (for "my agenda"), or null for a coordinator without one. */
    Long ownAdvisorId() {
        return staff.require().advisorId();
    }
}
