package fr.rdvnumerique.appointment.domain;

import fr.rdvnumerique.appointment.AppointmentStatus;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface AppointmentRepository extends JpaRepository<Appointment, Long> {

    /** Loads the appointment and locks its row until the end of the transaction (changes are serialised). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from Appointment a where a.id = :id")
    Optional<Appointment> findForUpdate(@Param("id") long id);

    /** The appointments of several advisors (a team's agenda), by start. */
    @Query("""
            select a from Appointment a where a.advisorId in :advisorIds and a.startAt < :to and a.endAt > :from
            order by a.startAt, a.advisorId""")
    List<Appointment> findByAdvisorsBetween(@Param("advisorIds") java.util.Collection<Long> advisorIds,
                                            @Param("from") Instant from, @Param("to") Instant to);

    /**
     * Appointments still booked at a place on the days of a closure (Paris days as instants), locked until the end
     * of the transaction: the closure cancels them, and a plain read followed by a lock would keep the state read
     * first.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("""
            select a from Appointment a where a.placeId = :placeId and a.status = :status and a.startAt >= :from
            and a.startAt < :to order by a.startAt""")
    List<Appointment> findAtPlaceBetweenForUpdate(@Param("placeId") long placeId, @Param("from") Instant from,
                                                  @Param("to") Instant to, @Param("status") AppointmentStatus status);

    @Query("""
            select count(a) from Appointment a where a.placeId = :placeId and a.status = :status and a.startAt >= :from
            and a.startAt < :to""")
    int countAtPlaceBetween(@Param("placeId") long placeId, @Param("from") Instant from, @Param("to") Instant to,
                            @Param("status") AppointmentStatus status);

    /** Future appointments still to come for an e-mail or a phone (either may be null). */
    @Query("""
            select count(a) from Appointment a where a.status = :status and a.startAt > :now
            and ((:email is not null and a.emailCanonical = :email) or (:phone is not null and a.phone = :phone))""")
    long countActiveForContact(@Param("email") String emailCanonical, @Param("phone") String phone,
                               @Param("now") Instant now, @Param("status") AppointmentStatus status);
}
