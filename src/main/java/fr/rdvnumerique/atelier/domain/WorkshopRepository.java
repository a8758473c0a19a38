package fr.rdvnumerique.atelier.domain;

import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface WorkshopRepository extends JpaRepository<Workshop, Long> {

    Slice<Workshop> findByStructureIdOrderByTitle(long structureId, Pageable pageable);

    List<Workshop> findByStructureIdAndActiveTrueOrderByTitle(long structureId);

    /** Workshops with their themes in one query. */
    @Query("select distinct w from Workshop w left join fetch w.themes where w.id in :ids")
    List<Workshop> findWithThemesByIdIn(@Param("ids") Collection<Long> ids);
}
