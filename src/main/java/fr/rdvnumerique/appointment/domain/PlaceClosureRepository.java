package fr.rdvnumerique.appointment.domain;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PlaceClosureRepository extends JpaRepository<PlaceClosure, Long> {

    List<PlaceClosure> findByPlaceIdInAndLastDayGreaterThanEqualAndFirstDayLessThanEqual(java.util.Collection<Long> placeIds,
                                                                                      LocalDate from, LocalDate to);

    Slice<PlaceClosure> findByStructureIdAndLastDayGreaterThanEqualOrderByFirstDay(long structureId, LocalDate after, Pageable pageable);
}
