package fr.rdvnumerique.base.domain;

/**
 * A record loaded for editing, with the version it had: saving it back checks that nobody changed it in
 * between (optimistic locking), rather than silently overwriting a colleague's change.
 */
public record Versioned<T>(long id, long version, T value) {

    public static void check(long expected, long actual) {
        if (expected != actual) {
            throw new BusinessRuleException("error.concurrent-change");
        }
    }
}
