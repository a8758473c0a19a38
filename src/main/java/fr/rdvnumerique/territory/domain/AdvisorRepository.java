package fr.rdvnumerique.territory.domain;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AdvisorRepository extends JpaRepository<Advisor, Long> {

    List<Advisor> findByStructureIdOrderByDisplayName(long structureId);

    Slice<Advisor> findByStructureIdOrderByDisplayName(long structureId, Pageable pageable);
}
