package fr.rdvnumerique.notification;

import java.time.Instant;
import java.util.Objects;

/**
 * One event of an invitation, ready for iCalendar. The mail pipeline builds it from a {@link MailRequest};
 * screens that offer "Ajouter à mon agenda" build it themselves and call {@link CalendarInvitations#build}.
 *
 * @param uid           stable for the appointment or registration, see {@link CalendarInvitations#uid(SubjectRef)}
 * @param sequence      one more for every change
 * @param url           the management page (or {@link ManagementLinkIssuer#PLACEHOLDER} in mails), may be null
 * @param attendeeEmail may be null for a download by someone who gave no address
 */
public record CalendarEntry(String uid, int sequence, CalendarMethod method, Instant start, Instant end,
                            String summary, String location, String description, String url,
                            String attendeeName, String attendeeEmail) {

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
}
