package fr.rdvnumerique.appointment.domain;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;

public interface OpeningHoursRepository extends JpaRepository<OpeningHours, Long> {

    List<OpeningHours> findByPlaceIdIn(List<Long> placeIds);

    Slice<OpeningHours> findByStructureIdOrderByAdvisorIdAscWeekdayAscStartTimeAsc(long structureId, Pageable pageable);
}
