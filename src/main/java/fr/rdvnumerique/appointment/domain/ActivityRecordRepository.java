package fr.rdvnumerique.appointment.domain;

import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ActivityRecordRepository extends JpaRepository<ActivityRecord, Long> {

    Slice<ActivityRecord> findByStructureIdOrderByActivityDateDescIdDesc(long structureId, Pageable pageable);

    Slice<ActivityRecord> findByAdvisorIdOrderByActivityDateDescIdDesc(long advisorId, Pageable pageable);

    boolean existsByAppointmentId(long appointmentId);

    /** Which of these appointments already have their record (one query for a whole agenda). */
    @Query("select r.appointmentId from ActivityRecord r where r.appointmentId in :ids")
    List<Long> findRecordedAppointmentIds(@Param("ids") Collection<Long> appointmentIds);
}
