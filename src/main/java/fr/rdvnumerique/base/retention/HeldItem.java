package fr.rdvnumerique.base.retention;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One record a module holds about a person, for an access request: what it is ({@code kind}, an i18n key such as
 * {@code rgpd.kind.appointment}), its id, when it happened, and its fields (i18n keys of the labels → values as
 * stored; null values are left out).
 */
public record HeldItem(String kind, long id, Instant when, Map<String, String> fields) {

    public HeldItem {
        var kept = new LinkedHashMap<String, String>();
        fields.forEach((key, value) -> {
            if (value != null && !value.isBlank()) {
                kept.put(key, value);
            }
        });
        fields = java.util.Collections.unmodifiableMap(kept);
    }
}
