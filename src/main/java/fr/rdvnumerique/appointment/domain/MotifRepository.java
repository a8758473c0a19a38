package fr.rdvnumerique.appointment.domain;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;

public interface MotifRepository extends JpaRepository<Motif, Long> {

    List<Motif> findByStructureIdOrderByPositionAscLabelAsc(long structureId);

    Slice<Motif> findByStructureIdOrderByPositionAscLabelAsc(long structureId, Pageable pageable);
}
