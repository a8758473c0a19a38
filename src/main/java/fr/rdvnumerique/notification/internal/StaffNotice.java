package fr.rdvnumerique.notification.internal;

import java.util.List;
import java.util.Objects;

/**
 * A booking or cancellation in an advisor's agenda, told to the staff concerned.
 *
 * @param advisorId whose agenda it is
 * @param subject   what changed, e.g. {@code APPOINTMENT}/7
 * @param change    a short code of the change, e.g. {@code BOOKED}, {@code CANCELLED}
 * @param sequence  the subject's change number (with {@code change}, makes a notice told twice count once)
 * @param summary   one line, e.g. "Nouveau rendez-vous le mardi 3 décembre à 14 h 00"
 * @param details   a few more lines (motif, place); no more personal data than the agenda shows
 */
public record StaffNotice(long structureId, long advisorId, SubjectRef subject, String change, int sequence,
                          String summary, List<String> details) {

    public StaffNotice {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(summary, "summary");
        if (change == null || !change.matches("[A-Z][A-Z0-9_]{0,29}")) {
            throw new IllegalArgumentException("change: an upper-case code");
        }
        if (summary.isBlank() || summary.length() > 250 || summary.contains("\n")) {
            throw new IllegalArgumentException("summary: one line of at most 250 characters");
        }
        details = details == null ? List.of() : List.copyOf(details);
    }

    /** A summary made to fit: one line, at most 250 characters (a long atelier title is cut). */
    public static String oneLine(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= 250 ? line : line.substring(0, 249) + "…";
    }

    /** Identifies the event for a staff member: the same notice received twice is kept once. */
    public String eventKey() {
        return subject.type() + ":" + subject.id() + ":" + change + ":" + sequence;
    }
}
