package fr.rdvnumerique.atelier.domain;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface RegistrationTokenRepository extends JpaRepository<RegistrationToken, String> {

    @Query("select t.registrationId from RegistrationToken t where t.tokenHash = :hash")
    Optional<Long> findRegistrationIdByHash(@Param("hash") String hash);
}
