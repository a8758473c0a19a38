package fr.rdvnumerique.notification.internal;

import java.time.Instant;
import java.util.Objects;

/**
 * One event of a calendar file, ready for iCalendar: built by the outbox from a {@link MailRequest}, or by the
 * "Ajouter à mon agenda" download.
 *
 * @param uid       stable for the appointment or registration, see {@link CalendarInvitations#uid(SubjectRef)}
 * @param sequence  one more for every change
 * @param url       the management page (or the link placeholder in stored mails), may be null
 * @param organizer the structure's service; null for the application's sender
 * @param attendee  the person (REQUEST and CANCEL only; a PUBLISH copy names nobody), may be null
 */
public record CalendarEntry(String uid, int sequence, CalendarMethod method, Instant start, Instant end,
                            String summary, String location, String description, String url, Party organizer,
                            Party attendee) {

    public CalendarEntry {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(summary, "summary");
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must be >= 0");
        }
    }

    /** Someone in the calendar: an address and, when known, a name. */
    public record Party(String name, String email) {

        public Party {
            Objects.requireNonNull(email, "email");
        }
    }
}
