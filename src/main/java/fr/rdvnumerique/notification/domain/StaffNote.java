package fr.rdvnumerique.notification.domain;

import fr.rdvnumerique.base.i18n.Labelled;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Why a message did not leave or what became of a reminder, for staff: a code and its technical details (a server's
 * answer, a class name), stored as such ({@link #stored(int)}) and put into words by the screen that shows it, in
 * the reader's language. Rows written before codes hold a French sentence: {@link #parse} gives it back as
 * {@link Code#TEXT}, shown as it is.
 *
 * @param arguments the details the sentence quotes, in the order of its placeholders; never translated
 */
public record StaffNote(Code code, List<String> arguments) {

    /** Between the code and each argument in the column: a character no sentence, address or answer holds. */
    static final char SEPARATOR = '\u001F';
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\s]+");

    public enum Code implements Labelled {
        /** Text stored before codes existed, shown as it is. */
        TEXT,
        MAIL_INVALID,
        MAIL_SERVER_UNREACHABLE,
        MAIL_ADDRESS_REFUSED,
        MAIL_REFUSED,
        CHANNEL_UNKNOWN,
        SENDING_INTERRUPTED,
        LINK_NO_ISSUER,
        LINK_UNAVAILABLE,
        LINK_INVALID,
        SMS_NOT_CONFIGURED,
        SMS_INVALID_NUMBER,
        SMS_REFUSED,
        SMS_KEY_REFUSED,
        SMS_NO_CREDIT,
        SMS_PROVIDER_BUSY,
        SMS_PROVIDER_DOWN,
        SMS_PROVIDER_UNREACHABLE,
        SMS_PROVIDER_TIMEOUT,
        SMS_EXCHANGE_INTERRUPTED,
        SMS_FAILED,
        REMINDER_SUBJECT_CANCELLED,
        REMINDER_NOT_WANTED,
        REMINDER_TOO_LATE,
        REMINDER_WITHDRAWN,
        REMINDER_ACTIVITY_STARTED,
        REMINDER_NIGHT_TOO_LATE,
        REMINDER_NIGHT_WAITS,
        REMINDER_NO_COMPOSER,
        REMINDER_NOTHING_LEFT,
        REMINDER_ERROR;

        @Override
        public String labelKey() {
            return "notification.note." + name();
        }
    }

    public StaffNote {
        if (code == null) {
            throw new IllegalArgumentException("A staff note has a code");
        }
        arguments = arguments.stream().map(a -> a == null ? "" : CONTROL.matcher(a).replaceAll(" ").strip()).toList();
    }

    public static StaffNote of(Code code, String... arguments) {
        return new StaffNote(code, List.of(arguments));
    }

    /**
     * The column's value back as a note: a code and its arguments, or the text of a row written before codes (or of
     * a code this version does not know) as {@link Code#TEXT}. Null stays null.
     */
    public static StaffNote parse(String stored) {
        if (stored == null) {
            return null;
        }
        String[] parts = stored.split(String.valueOf(SEPARATOR), -1);
        if (CODE.matcher(parts[0]).matches()) {
            try {
                Code code = Code.valueOf(parts[0]);
                if (code != Code.TEXT) {
                    return new StaffNote(code, Arrays.asList(parts).subList(1, parts.length));
                }
            } catch (IllegalArgumentException unknown) {
                // A code of a later version: its name is still better than nothing.
            }
        }
        return of(Code.TEXT, stored);
    }

    /** The value for a column of {@code maxLength} characters: the code whole, the last argument cut if need be. */
    public String stored(int maxLength) {
        if (code == Code.TEXT) {
            return cut(arguments.isEmpty() ? "" : arguments.getFirst(), maxLength);
        }
        var text = new StringBuilder(code.name());
        arguments.forEach(argument -> text.append(SEPARATOR).append(argument));
        return cut(text.toString(), maxLength);
    }

    /** The arguments as MessageFormat takes them. */
    public Object[] parameters() {
        return arguments.toArray();
    }

    private static String cut(String text, int maxLength) {
        if (text.length() <= maxLength) {
            return text;
        }
        int end = maxLength - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }
}
