package fr.rdvnumerique.territory.domain;

import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;

public interface KioskDeviceRepository extends JpaRepository<KioskDevice, Long> {

    Optional<KioskDevice> findByTokenHash(String tokenHash);

    Slice<KioskDevice> findByStructureIdOrderByCreatedAtDesc(long structureId, Pageable pageable);
}
