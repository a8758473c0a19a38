package fr.rdvnumerique.base.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The short before/after of an audited action's key fields: capacities, statuses, dates, ids, counts. Never a
 * resident's name, e-mail, phone or free text they typed (the entry outlives their anonymisation).
 * Immutable: {@code AuditChanges.of("capacity", 12, 14).and("status", "OPEN", "CANCELLED")}.
 */
public final class AuditChanges {

    /** Each value is cut to this many characters, the whole text to {@link #MAX_TEXT}. */
    static final int MAX_VALUE = 80;
    static final int MAX_TEXT = 2000;

    private static final AuditChanges NONE = new AuditChanges(List.of());

    private final List<Change> changes;

    private AuditChanges(List<Change> changes) {
        this.changes = List.copyOf(changes);
    }

    public static AuditChanges none() {
        return NONE;
    }

    /** One field went from {@code before} to {@code after} (null: had no value, or has none now). */
    public static AuditChanges of(String field, Object before, Object after) {
        return NONE.and(field, before, after);
    }

    /** A field's value when the record was created, exported or removed (no before). */
    public static AuditChanges value(String field, Object value) {
        return NONE.and(field, null, value);
    }

    /** The fields whose values differ between two maps of key fields (same keys for the same fields). */
    public static AuditChanges between(Map<String, ?> before, Map<String, ?> after) {
        var fields = new TreeSet<String>();
        fields.addAll(before.keySet());
        fields.addAll(after.keySet());
        var result = NONE;
        for (String field : fields) {
            Object was = before.get(field);
            Object is = after.get(field);
            if (!Objects.equals(text(was), text(is))) {
                result = result.and(field, was, is);
            }
        }
        return result;
    }

    public AuditChanges and(String field, Object before, Object after) {
        var list = new ArrayList<>(changes);
        list.add(new Change(field, text(before), text(after)));
        return new AuditChanges(list);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** "capacity: 12 → 14; status: OPEN → CANCELLED", as stored and shown. */
    public String text() {
        var text = new StringBuilder();
        for (Change change : changes) {
            if (!text.isEmpty()) {
                text.append("; ");
            }
            text.append(change.field()).append(": ");
            if (change.before() != null) {
                text.append(change.before()).append(" → ");
            }
            text.append(change.after() == null ? "∅" : change.after());
        }
        return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT - 1) + "…" : text.toString();
    }

    @Override
    public String toString() {
        return text();
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString().replaceAll("\\p{Cntrl}", " ");
        return text.length() > MAX_VALUE ? text.substring(0, MAX_VALUE - 1) + "…" : text;
    }

    private record Change(String field, String before, String after) {
    }
}
