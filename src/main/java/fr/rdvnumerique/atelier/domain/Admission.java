package fr.rdvnumerique.atelier.domain;

import fr.rdvnumerique.atelier.Seats;
import java.util.List;

/** What a session answers to someone asking for seats. */
public sealed interface Admission {

    /** Seats were free and nobody was waiting: the seats are taken. */
    record Confirmed() implements Admission {
    }

    /** Full (or people already waiting): in line at {@code position}, ordered by {@code queueRank}. */
    record Waitlisted(int position, long queueRank) implements Admission {
    }

    /** No seat free for someone who asked for a confirmed seat only: nobody is put on a list they did not ask for. */
    record SeatGone() implements Admission {
    }

    /** No registration possible; the key says why in the person's words. */
    record Refused(String reasonKey, List<Object> arguments) implements Admission {

        public Refused(String reasonKey, Object... arguments) {
            this(reasonKey, List.of(arguments));
        }
    }
}
