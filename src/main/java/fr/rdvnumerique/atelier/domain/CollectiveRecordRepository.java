package fr.rdvnumerique.atelier.domain;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CollectiveRecordRepository extends JpaRepository<CollectiveRecord, Long> {

    Optional<CollectiveRecord> findBySessionId(long sessionId);
}
