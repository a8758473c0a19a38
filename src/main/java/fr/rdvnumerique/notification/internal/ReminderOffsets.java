package fr.rdvnumerique.notification.internal;

import fr.rdvnumerique.base.domain.InvalidValueException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Reminder offsets as staff type them: hours before the start, e.g. "48, 24" (empty: no reminder). */
public final class ReminderOffsets {

    public static final int MAX_OFFSETS = 4;
    public static final int MAX_HOURS = 24 * 30;

    private ReminderOffsets() {
    }

    public static List<Duration> parseHours(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        var hours = new TreeSet<Long>();
        for (String part : text.split("[,;\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            long value;
            try {
                value = Long.parseLong(part.strip());
            } catch (NumberFormatException e) {
                throw new InvalidValueException("notification.reminders.offsets.invalid");
            }
            if (value < 1 || value > MAX_HOURS) {
                throw new InvalidValueException("notification.reminders.offsets.invalid");
            }
            hours.add(value);
        }
        if (hours.size() > MAX_OFFSETS) {
            throw new InvalidValueException("notification.reminders.offsets.too-many", MAX_OFFSETS);
        }
        var offsets = new ArrayList<Duration>();
        hours.descendingSet().forEach(h -> offsets.add(Duration.ofHours(h)));
        return offsets;
    }

    /** "48, 24" (whole hours; minutes are not offered on screens). */
    public static String formatHours(List<Duration> offsets) {
        return offsets.stream().map(d -> Long.toString(d.toHours())).collect(Collectors.joining(", "));
    }
}
