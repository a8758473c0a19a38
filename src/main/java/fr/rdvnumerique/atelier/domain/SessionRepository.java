package fr.rdvnumerique.atelier.domain;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface SessionRepository extends JpaRepository<AtelierSession, Long>, JpaSpecificationExecutor<AtelierSession> {

    /**
     * The session, with its row locked until the transaction ends. Every change to a session's seats or
     * registrations starts with this (one row lock per transaction, so there is no lock order to get wrong),
     * and must be the transaction's first read: with {@code innodb_snapshot_isolation} a locking read of a row
     * changed after the transaction's snapshot fails, and no snapshot exists before the first plain read.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from AtelierSession s where s.id = :id")
    Optional<AtelierSession> lockById(@Param("id") long id);

    /** Scheduled sessions of a workshop not started yet, by start. */
    @Query("""
            select s from AtelierSession s
            where s.workshopId = :workshopId and s.status = fr.rdvnumerique.atelier.SessionStatus.SCHEDULED
              and s.startsAt > :now
            order by s.startsAt, s.id""")
    List<AtelierSession> findScheduledOfWorkshop(@Param("workshopId") long workshopId, @Param("now") Instant now);

    @Query("""
            select s from AtelierSession s
            where s.structureId = :structureId and s.endsAt > :now
            order by s.startsAt, s.id""")
    Slice<AtelierSession> findUpcoming(@Param("structureId") long structureId, @Param("now") Instant now,
                                       Pageable pageable);

    @Query("""
            select s from AtelierSession s
            where s.structureId = :structureId and s.endsAt <= :now
            order by s.startsAt desc, s.id desc""")
    Slice<AtelierSession> findPast(@Param("structureId") long structureId, @Param("now") Instant now,
                                   Pageable pageable);
}
