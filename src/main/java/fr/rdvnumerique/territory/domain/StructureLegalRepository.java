package fr.rdvnumerique.territory.domain;

import org.springframework.data.jpa.repository.JpaRepository;

public interface StructureLegalRepository extends JpaRepository<StructureLegal, Long> {
}
