package fr.rdvnumerique.appointment.domain;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AppointmentTokenRepository extends JpaRepository<AppointmentToken, Long> {

    Optional<AppointmentToken> findByTokenHash(String tokenHash);
}
