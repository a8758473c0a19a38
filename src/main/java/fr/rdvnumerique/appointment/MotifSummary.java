package fr.rdvnumerique.appointment;

import fr.rdvnumerique.base.taxonomy.Theme;
import java.util.Set;

/**
 * What an appointment is for, as residents choose it and staff manage it.
 *
 * @param aidantsConnect the procedure may be done with Aidants Connect: the person is shown a checklist
 */
public record MotifSummary(long id, long structureId, String label, String publicDescription, int durationMinutes,
                           int bufferMinutes, int minNoticeHours, int horizonDays, int cancellationCutoffHours,
                           boolean aidantsConnect, int position, Set<Long> placeIds, Set<Theme> themes,
                           boolean active) {
}
