package fr.rdvnumerique.territory.domain;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CommuneRepository extends JpaRepository<Commune, Long> {

    List<Commune> findByStructureIdOrderByName(long structureId);

    Slice<Commune> findByStructureIdOrderByName(long structureId, Pageable pageable);

    boolean existsByStructureIdAndInseeCode(long structureId, String inseeCode);

    boolean existsByStructureIdAndInseeCodeAndIdNot(long structureId, String inseeCode, long id);
}
