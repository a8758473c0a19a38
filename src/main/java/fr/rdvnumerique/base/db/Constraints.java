package fr.rdvnumerique.base.db;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which database constraint an error broke. Services check their rules before writing, but two people saving at
 * once still meet the constraint itself; its name then picks the sentence to show ({@code constraint.<name>} in the
 * bundles, see {@code UiMessages}).
 */
public final class Constraints {

    /** MariaDB: 1062 duplicate key, 1451/1452 foreign key, 4025 check. */
    private static final Pattern DUPLICATE_KEY = Pattern.compile("for key '([^']+)'");
    private static final Pattern NAMED_CONSTRAINT = Pattern.compile("CONSTRAINT `([^`]+)`");

    private Constraints() {
    }

    /** The broken constraint's name, in lower case and without a table prefix ("uk_commune_insee"). */
    public static Optional<String> violated(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.hibernate.exception.ConstraintViolationException violation
                    && violation.getConstraintName() != null && !violation.getConstraintName().isBlank()) {
                return Optional.of(normalise(violation.getConstraintName()));
            }
            if (cause instanceof SQLException sql && sql.getMessage() != null) {
                Optional<String> name = fromMessage(sql.getErrorCode(), sql.getMessage());
                if (name.isPresent()) {
                    return name;
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return Optional.empty();
    }

    static Optional<String> fromMessage(int errorCode, String message) {
        Matcher matcher = switch (errorCode) {
            case 1062 -> DUPLICATE_KEY.matcher(message);
            case 1451, 1452, 4025 -> NAMED_CONSTRAINT.matcher(message);
            default -> null;
        };
        return matcher != null && matcher.find() ? Optional.of(normalise(matcher.group(1))) : Optional.empty();
    }

    /** MySQL-style messages name the key "table.key"; Hibernate may keep quotes. */
    static String normalise(String name) {
        String plain = name.replace("`", "").replace("\"", "").strip();
        int dot = plain.lastIndexOf('.');
        return (dot < 0 ? plain : plain.substring(dot + 1)).toLowerCase(Locale.ROOT);
    }
}
