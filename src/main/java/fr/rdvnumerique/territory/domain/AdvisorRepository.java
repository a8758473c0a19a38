package fr.rdvnumerique.territory.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AdvisorRepository extends JpaRepository<Advisor, Long> {

    List<Advisor> findByStructureIdOrderByDisplayName(long structureId);

    Slice<Advisor> findByStructureIdOrderByDisplayName(long structureId, Pageable pageable);

    @Query("select a.structureId from Advisor a where a.id = :id")
    Optional<Long> findStructureIdById(long id);
}
