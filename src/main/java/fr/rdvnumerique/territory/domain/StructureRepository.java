package fr.rdvnumerique.territory.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;

public interface StructureRepository extends JpaRepository<Structure, Long> {

    Optional<Structure> findBySlug(String slug);

    boolean existsBySlug(String slug);

    boolean existsByIdAndActiveTrue(long id);

    boolean existsBySlugAndIdNot(String slug, long id);

    List<Structure> findByActiveTrueOrderByName();

    Slice<Structure> findAllByOrderByName(Pageable pageable);
}
