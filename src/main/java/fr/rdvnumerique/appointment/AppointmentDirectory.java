package fr.rdvnumerique.appointment;

import fr.rdvnumerique.appointment.domain.Appointment;
import fr.rdvnumerique.appointment.domain.AppointmentRepository;
import fr.rdvnumerique.appointment.domain.MotifRepository;
import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.territory.AdvisorSummary;
import fr.rdvnumerique.territory.TerritoryDirectory;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads for other modules that react to the appointment events (notifications, reporting). They run without a
 * signed-in user, from event listeners, and never change anything here. This module never calls those modules.
 */
@Service
@Transactional(readOnly = true)
public class AppointmentDirectory {

    private final AppointmentRepository appointments;
    private final MotifRepository motifs;
    private final TerritoryDirectory directory;

    AppointmentDirectory(AppointmentRepository appointments, MotifRepository motifs, TerritoryDirectory directory) {
        this.appointments = appointments;
        this.motifs = motifs;
        this.directory = directory;
    }

    /** Everything a mail, a reminder or a calendar entry needs about an appointment. */
    public Optional<AppointmentDetails> details(long appointmentId) {
        return appointments.findById(appointmentId).map(this::details);
    }

    /** Like {@link #details(long)}, for an id taken from an event: the appointment exists. */
    public AppointmentDetails require(long appointmentId) {
        return details(appointmentId).orElseThrow(() -> new BusinessRuleException("error.not-found"));
    }

    private AppointmentDetails details(Appointment a) {
        var motif = motifs.findById(a.getMotifId()).orElseThrow();
        String advisorName = directory.advisor(a.getAdvisorId()).map(AdvisorSummary::displayName).orElse("");
        return new AppointmentDetails(a.getId(), a.getStructureId(), a.getPlaceId(), a.getAdvisorId(), advisorName,
                a.getPersonName(), a.getEmail(), a.getPhone(), a.isWantsReminders(), a.getStatus(), motif.getId(),
                motif.getLabel(), motif.isAidantsConnect(), motif.getWhatToBring(), a.getStartAt(), a.getEndAt(),
                a.getSequence(), a.getChannel(), a.getNoticeBy());
    }
}
