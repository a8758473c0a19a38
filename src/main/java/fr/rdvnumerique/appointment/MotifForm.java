package fr.rdvnumerique.appointment;

import fr.rdvnumerique.base.taxonomy.Theme;
import java.util.Set;

/**
 * A motif as the coordinator edits it.
 *
 * @param whatToBring told in the mails, one item per line (identity papers, the device to learn on...)
 */
public record MotifForm(String label, String publicDescription, Integer durationMinutes, Integer bufferMinutes,
                        Integer minNoticeHours, Integer horizonDays, Integer cancellationCutoffHours,
                        boolean aidantsConnect, Integer position, Set<Long> placeIds, Set<Theme> themes,
                        String whatToBring) {

    /** A new motif with the usual defaults: 45 min + 15, 24 h notice, 6 weeks ahead, cancel up to 2 h before. */
    public static MotifForm blank() {
        return new MotifForm("", "", 45, 15, 24, 42, 2, false, 0, Set.of(), Set.of(), "");
    }
}
