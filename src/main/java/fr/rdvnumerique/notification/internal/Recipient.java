package fr.rdvnumerique.notification.internal;

import fr.rdvnumerique.base.domain.EmailAddress;
import java.util.Objects;

/** Who receives a message: an address and the name to greet them with (may be null). */
public record Recipient(EmailAddress address, String name) {

    public Recipient {
        Objects.requireNonNull(address, "address");
        name = name == null || name.isBlank() ? null : name.strip();
    }

    public static Recipient of(String address, String name) {
        return new Recipient(EmailAddress.of(address), name);
    }
}
