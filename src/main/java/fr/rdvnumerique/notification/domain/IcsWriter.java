package fr.rdvnumerique.notification.domain;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.validate.ValidationException;
import net.fortuna.ical4j.validate.ValidationResult;

/**
 * Writes a calendar that iCal4j has validated, then folds it by octets ({@link IcsText}): iCal4j folds by
 * characters, which lets lines with accents run past 75 octets.
 */
public final class IcsWriter {

    private static final int NO_FOLDING = 1_000_000;

    private IcsWriter() {
    }

    public static String write(Calendar calendar) {
        try {
            ValidationResult result = calendar.validate();
            if (result.hasErrors()) {
                throw new IllegalStateException("Invalid calendar: " + result);
            }
            var out = new StringWriter();
            new CalendarOutputter(false, NO_FOLDING).output(calendar, out);
            return IcsText.fold(IcsText.unfold(out.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ValidationException e) {
            throw new IllegalStateException("Invalid calendar", e);
        }
    }
}
