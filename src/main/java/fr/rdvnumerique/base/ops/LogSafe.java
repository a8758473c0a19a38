package fr.rdvnumerique.base.ops;

/**
 * Exceptions as logs may carry them: the classes and stack frames of the whole chain, without the messages. A
 * message may quote what a resident typed (a refused duplicate names the e-mail address, a parser the phone
 * number), and logs name nobody. Log {@code LogSafe.redact(e)} instead of {@code e} wherever the exception may come
 * from a resident's data.
 */
public final class LogSafe {

    private static final int MAX_DEPTH = 16;

    private LogSafe() {
    }

    /** A copy of the chain: each link says only its original class, with its original stack trace. */
    public static Throwable redact(Throwable error) {
        return redact(error, 0);
    }

    private static Throwable redact(Throwable error, int depth) {
        if (error == null) {
            return null;
        }
        Throwable cause = depth < MAX_DEPTH && error.getCause() != error ? redact(error.getCause(), depth + 1) : null;
        var copy = new Redacted(error.getClass().getName(), cause);
        copy.setStackTrace(error.getStackTrace());
        for (Throwable suppressed : error.getSuppressed()) {
            if (depth < MAX_DEPTH) {
                copy.addSuppressed(redact(suppressed, depth + 1));
            }
        }
        return copy;
    }

    /** Stands for an exception whose message was left out. */
    static final class Redacted extends RuntimeException {

        Redacted(String originalClass, Throwable cause) {
            super(originalClass + " (message left out of the log)", cause);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }
}
