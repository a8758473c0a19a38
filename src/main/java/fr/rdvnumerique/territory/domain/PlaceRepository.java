package fr.rdvnumerique.territory.domain;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PlaceRepository extends JpaRepository<Place, Long> {

    List<Place> findByStructureIdOrderByName(long structureId);

    Slice<Place> findByStructureIdOrderByName(long structureId, Pageable pageable);
}
