package fr.rdvnumerique.notification;

import java.time.Instant;
import java.util.List;

/**
 * SPI: the public atelier programme of a structure, for its ICS and JSON feeds. The atelier module implements
 * it; until then the feeds are empty.
 */
public interface PublicProgrammeSource {

    /** Published sessions of the structure starting between the two instants, in time order. */
    List<ProgrammeItem> sessions(long structureId, Instant from, Instant to);
}
