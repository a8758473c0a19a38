package fr.rdvnumerique.appointment.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;

public interface MotifRepository extends JpaRepository<Motif, Long> {

    List<Motif> findByStructureIdOrderByPositionAscLabelAsc(long structureId);

    /** The motif with its places and themes in one query (slot searches read it on every call). */
    @EntityGraph(attributePaths = {"placeIds", "themes"})
    Optional<Motif> findWithDetailsById(long id);

    Slice<Motif> findByStructureIdOrderByPositionAscLabelAsc(long structureId, Pageable pageable);
}
