package fr.rdvnumerique.base.security;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface StaffAccountRepository extends JpaRepository<StaffAccount, Long> {

    Optional<StaffAccount> findByEmail(String email);

    boolean existsByEmail(String email);

    @Query("select count(a) > 0 from StaffAccount a join a.roles r where a.active = true and r = fr.rdvnumerique.base.security.Role.ADMIN")
    boolean existsActiveAdmin();

    @Query("select a from StaffAccount a order by a.displayName")
    Slice<StaffAccount> findAllOrdered(Pageable pageable);

    @Query("select a from StaffAccount a where a.structureId = :structureId order by a.displayName")
    List<StaffAccount> findByStructure(Long structureId);

    @Query("select a from StaffAccount a where a.structureId = :structureId order by a.displayName")
    Slice<StaffAccount> findByStructure(Long structureId, Pageable pageable);

    @Query("""
            select new fr.rdvnumerique.base.security.StaffContact(a.id, a.email, a.displayName) from StaffAccount a
            where a.active = true and a.structureId = :structureId and a.advisorId = :advisorId order by a.id""")
    List<StaffContact> findActiveContactsOfAdvisor(long structureId, long advisorId);

    @Query("""
            select new fr.rdvnumerique.base.security.StaffContact(a.id, a.email, a.displayName) from StaffAccount a
            where a.active = true and a.structureId = :structureId and :role member of a.roles order by a.id""")
    List<StaffContact> findActiveContactsWithRole(long structureId, Role role);

    @Query("""
            select new fr.rdvnumerique.base.security.StaffContact(a.id, a.email, a.displayName) from StaffAccount a
            where a.active = true and a.id = :id""")
    Optional<StaffContact> findActiveContact(long id);

    boolean existsByAdvisorIdAndActiveTrue(long advisorId);
}
