package fr.rdvnumerique.territory.domain;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface KioskDeviceRepository extends JpaRepository<KioskDevice, Long> {

    Optional<KioskDevice> findByTokenHash(String tokenHash);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select d from KioskDevice d where d.tokenHash = :tokenHash")
    Optional<KioskDevice> findByTokenHashForUpdate(String tokenHash);

    Optional<KioskDevice> findBySecretHash(String secretHash);

    /** The place, its commune and its structure are all switched on: a kiosk there may take registrations. */
    @Query("""
            select count(p) > 0 from Place p, Commune c, Structure s
            where p.id = :placeId and c.id = p.communeId and s.id = p.structureId
              and p.active = true and c.active = true and s.active = true""")
    boolean placeInService(long placeId);

    Slice<KioskDevice> findByStructureIdOrderByCreatedAtDesc(long structureId, Pageable pageable);

    /**
     * Notes that the screen was used, at most once per {@code notBefore} window. A bulk update: it does not
     * touch the version, so it never fails against (or undoes) a revocation made at the same moment.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update KioskDevice d set d.lastSeenAt = :now
            where d.id = :id and d.revokedAt is null and (d.lastSeenAt is null or d.lastSeenAt < :notBefore)""")
    int markSeen(long id, Instant now, Instant notBefore);
}
