package fr.rdvnumerique.atelier.domain;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface RegistrationTokenRepository extends JpaRepository<RegistrationToken, String> {

    /**
     * The registration of a link, while the link works: until its session ended more than the links' validity ago
     * ({@code endedAfter}).
     */
    @Query("""
            select t.registrationId from RegistrationToken t, Registration r, AtelierSession s
            where t.tokenHash = :hash and r.id = t.registrationId and s.id = r.sessionId and s.endsAt > :endedAfter""")
    Optional<Long> findLiveRegistrationIdByHash(@Param("hash") String hash, @Param("endedAfter") java.time.Instant endedAfter);

    @Query("select t.registrationId from RegistrationToken t where t.tokenHash = :hash")
    Optional<Long> findRegistrationIdByHash(@Param("hash") String hash);
}
