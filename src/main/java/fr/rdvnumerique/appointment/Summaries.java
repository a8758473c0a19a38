package fr.rdvnumerique.appointment;

import fr.rdvnumerique.appointment.domain.Appointment;
import fr.rdvnumerique.appointment.domain.Motif;
import fr.rdvnumerique.territory.PlaceSummary;
import fr.rdvnumerique.territory.StructureSummary;
import java.time.Instant;

/** Records for screens and other modules, from the module's entities. */
final class Summaries {

    private Summaries() {
    }

    static MotifSummary motif(Motif m) {
        var d = m.details();
        return new MotifSummary(m.getId(), m.getStructureId(), d.label(), d.publicDescription(), d.durationMinutes(),
                d.bufferMinutes(), d.minNoticeHours(), d.horizonDays(), d.cancellationCutoffHours(), d.aidantsConnect(),
                d.position(), d.placeIds(), d.themes(), m.isActive());
    }

    static AppointmentCard card(Appointment a, Motif motif, PlaceSummary place, StructureSummary structure, Instant now) {
        return new AppointmentCard(a.getId(), a.getStatus(), a.getPersonName(), motif.getId(), motif.getLabel(),
                motif.isAidantsConnect(), a.getStartAt(), a.getEndAt(), place, structure.name(),
                structure.phone() == null ? null : structure.phone().display(),
                a.personMayChange(now, motif.getCancellationCutoffHours()), motif.getCancellationCutoffHours(),
                a.getEmail() != null, a.getPhone() != null, a.getPresenceConfirmedAt(), a.getEmail(),
                a.getPhone() == null ? null : new fr.rdvnumerique.base.domain.PhoneNumber(a.getPhone()).display());
    }
}
