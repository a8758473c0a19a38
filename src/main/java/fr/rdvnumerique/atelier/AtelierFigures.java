package fr.rdvnumerique.atelier;

import fr.rdvnumerique.base.domain.Channel;
import fr.rdvnumerique.base.taxonomy.AgeBand;
import fr.rdvnumerique.base.taxonomy.AtelierLevel;
import fr.rdvnumerique.base.taxonomy.Theme;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * What the ateliers of a period add up to, for the yearly report. Held sessions are those that were not cancelled
 * and have started by the end of the period (or by now, whichever comes first).
 *
 * @param participants          seats of confirmed registrations in held sessions (a companion takes a seat)
 * @param waitingAtStart        people still on a waiting list when their session was held: demand not met
 * @param distinctPeople        different contacts among participants; an anonymised registration counts as one person
 * @param participantsByCommune commune of residence id → seats; {@code residentsElsewhere} and
 *                              {@code residenceNotGiven} hold the rest
 * @param sessionsByTheme       held sessions per theme of their workshop (a workshop may have several themes)
 * @param minutesByPlace        place id → minutes of held sessions, the advisor's time at that place
 * @param sessionsRecorded      held sessions whose collective record was written
 * @param walkIns               people who came to held sessions without registering (collective records)
 * @param walkInsAlreadyHelped  of them, people the service had helped before
 * @param walkInsByAgeBand      of them, by age band (those whose age was not given under « non communiqué »)
 * @param byMonth               month of the sessions (Paris time) → what they added up to
 */
public record AtelierFigures(long sessionsHeld, long sessionsCancelled, long seatsOffered, long participants,
                             long present, long absent, long excused, long attendanceNotMarked, long waitingAtStart,
                             long distinctPeople, Map<Channel, Long> registrationsByChannel,
                             Map<AgeBand, Long> participantsByAgeBand, Map<Long, Long> participantsByCommune,
                             long residentsElsewhere, long residenceNotGiven, Map<Theme, Long> sessionsByTheme,
                             Map<AtelierLevel, Long> sessionsByLevel, List<WorkshopLine> workshops,
                             Map<Long, Long> minutesByPlace, long sessionsRecorded, long walkIns,
                             long walkInsAlreadyHelped, Map<AgeBand, Long> walkInsByAgeBand,
                             Map<YearMonth, Month> byMonth) {

    /**
     * One month's held sessions: seats offered, seats taken, people left waiting, and those who came (registered
     * people marked present and people who came without registering).
     */
    public record Month(long seats, long participants, long waiting, long attendees) {

        public Month plus(Month other) {
            return new Month(seats + other.seats, participants + other.participants, waiting + other.waiting,
                    attendees + other.attendees);
        }

        public int fillRatePercent() {
            return seats == 0 ? 0 : (int) Math.round(100.0 * participants / seats);
        }
    }

    /** One workshop's sessions in the period. */
    public record WorkshopLine(long workshopId, String title, AtelierLevel level, long sessions, long participants,
                               long present) {
    }

    /** Everyone who took part: registered people present and people who came without registering. */
    public long attendees() {
        return present + walkIns;
    }

    /** Share of seats taken in held sessions, 0 to 100. */
    public int fillRatePercent() {
        return seatsOffered == 0 ? 0 : (int) Math.round(100.0 * participants / seatsOffered);
    }
}
