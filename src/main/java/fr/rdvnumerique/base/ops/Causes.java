package fr.rdvnumerique.base.ops;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Looks through an error's cause chain (the error first): what a database driver, a mail library or an HTTP client
 * threw is usually wrapped two or three times by the time it reaches us. A chain that loops back ends the search.
 */
public final class Causes {

    private Causes() {
    }

    /** The first error of the chain that is a {@code type} and passes {@code test}. */
    public static <T extends Throwable> Optional<T> find(Throwable error, Class<T> type, Predicate<? super T> test) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = error; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (type.isInstance(cause) && test.test(type.cast(cause))) {
                return Optional.of(type.cast(cause));
            }
        }
        return Optional.empty();
    }

    /** The first error of the chain that is a {@code type}. */
    public static <T extends Throwable> Optional<T> find(Throwable error, Class<T> type) {
        return find(error, type, any -> true);
    }

    /** The deepest error of the chain: what went wrong first. */
    public static Throwable root(Throwable error) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Throwable root = error;
        for (Throwable cause = error; cause != null && seen.add(cause); cause = cause.getCause()) {
            root = cause;
        }
        return root;
    }
}
