package fr.rdvnumerique.reporting.domain;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ReportObjectivesRepository extends JpaRepository<ReportObjectives, Long> {

    Optional<ReportObjectives> findByStructureIdAndYear(long structureId, int year);
}
