package fr.rdvnumerique.appointment.domain;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AppointmentTokenRepository extends JpaRepository<AppointmentToken, Long> {

    Optional<AppointmentToken> findByTokenHash(String tokenHash);

    /**
     * The appointment of a link, while the link works: until the appointment ended more than the links' validity
     * ago ({@code endedAfter}).
     */
    @org.springframework.data.jpa.repository.Query("""
            select t.appointmentId from AppointmentToken t, Appointment a
            where t.tokenHash = :hash and a.id = t.appointmentId and a.endAt > :endedAfter""")
    Optional<Long> findLiveAppointmentIdByHash(@org.springframework.data.repository.query.Param("hash") String hash,
                                               @org.springframework.data.repository.query.Param("endedAfter")
                                               java.time.Instant endedAfter);
}
