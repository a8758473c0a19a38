package fr.rdvnumerique.territory.domain;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ConventionRepository extends JpaRepository<Convention, Long> {

    List<Convention> findByStructureIdOrderByValidFromDesc(long structureId);

    Slice<Convention> findByStructureIdOrderByValidFromDesc(long structureId, Pageable pageable);
}
