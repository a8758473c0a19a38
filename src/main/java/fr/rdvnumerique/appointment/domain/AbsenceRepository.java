package fr.rdvnumerique.appointment.domain;

import java.time.Instant;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AbsenceRepository extends JpaRepository<Absence, Long> {

    Slice<Absence> findByStructureIdAndEndAtGreaterThanOrderByStartAt(long structureId, Instant after, Pageable pageable);

    Slice<Absence> findByAdvisorIdAndEndAtGreaterThanOrderByStartAt(long advisorId, Instant after, Pageable pageable);
}
