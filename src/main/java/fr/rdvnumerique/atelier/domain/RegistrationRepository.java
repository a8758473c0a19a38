package fr.rdvnumerique.atelier.domain;

import fr.rdvnumerique.atelier.RegistrationStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface RegistrationRepository extends JpaRepository<Registration, Long> {

    @Query("select r from Registration r where r.sessionId = :sessionId and r.status = :status order by r.queueRank, r.confirmedAt, r.id")
    List<Registration> findBySessionAndStatus(@Param("sessionId") long sessionId,
                                              @Param("status") RegistrationStatus status);

    @Query("select r from Registration r where r.sessionId = :sessionId and r.status <> fr.rdvnumerique.atelier.RegistrationStatus.CANCELLED order by r.id")
    List<Registration> findActiveBySession(@Param("sessionId") long sessionId);

    @Query("select r from Registration r where r.sessionId = :sessionId order by r.createdAt, r.id")
    List<Registration> findAllBySession(@Param("sessionId") long sessionId);

    /** The active registration of this email or phone for the session, if any. */
    @Query("""
            select r from Registration r
            where r.sessionId = :sessionId and r.status <> fr.rdvnumerique.atelier.RegistrationStatus.CANCELLED
              and (r.emailKey = :emailKey or r.phone = :phone)
            order by r.id""")
    List<Registration> findActiveByContact(@Param("sessionId") long sessionId, @Param("emailKey") String emailKey,
                                           @Param("phone") String phone);

    /** Active registrations of the session with one of these emails or phones. */
    @Query("""
            select r from Registration r
            where r.sessionId = :sessionId and r.status <> fr.rdvnumerique.atelier.RegistrationStatus.CANCELLED
              and (r.emailKey in :emailKeys or r.phone in :phones)""")
    List<Registration> findActiveByContacts(@Param("sessionId") long sessionId,
                                            @Param("emailKeys") Collection<String> emailKeys,
                                            @Param("phones") Collection<String> phones);

    /** Active registrations of sessions not ended, with one of these emails or phones (the anti-hoarding cap). */
    @Query("""
            select r.id, r.emailKey, r.phone
            from Registration r, AtelierSession s
            where s.id = r.sessionId and s.endsAt > :now
              and r.status <> fr.rdvnumerique.atelier.RegistrationStatus.CANCELLED
              and (r.emailKey in :emailKeys or r.phone in :phones)""")
    List<Object[]> findUpcomingHoldingRows(@Param("emailKeys") Collection<String> emailKeys,
                                           @Param("phones") Collection<String> phones,
                                           @Param("now") Instant now);

    default List<ContactRules.Holding> findUpcomingHoldings(Collection<String> emailKeys, Collection<String> phones,
                                                            Instant now) {
        return findUpcomingHoldingRows(emailKeys, phones, now).stream()
                .map(row -> new ContactRules.Holding((Long) row[0], (String) row[1], (String) row[2])).toList();
    }


    /** 1 for the first person waiting, and so on: the order of the ranks, so positions never have gaps. */
    @Query("""
            select count(r) from Registration r where r.sessionId = :sessionId
              and r.status = fr.rdvnumerique.atelier.RegistrationStatus.WAITING and r.queueRank <= :rank""")
    int positionOf(@Param("sessionId") long sessionId, @Param("rank") long rank);

    /** (session id, registration id) of offers whose time is up, oldest first. */
    @Query("""
            select r.sessionId, r.id from Registration r
            where r.offerExpiresAt <= :now and r.status = fr.rdvnumerique.atelier.RegistrationStatus.WAITING
            order by r.offerExpiresAt, r.id""")
    List<Object[]> findLapsedOffers(@Param("now") Instant now, org.springframework.data.domain.Pageable page);
}
