package fr.rdvnumerique.base.security;

import java.time.Duration;

/** Why a one-time link to choose a password is sent, and how long it works once it has left. */
public enum AccountLinkPurpose {

    /** A new account: the person chooses their first password. A few days, since the mail may wait for a weekend. */
    INVITATION(Duration.ofHours(72)),
    /** « Mot de passe oublié », or a link an administrator sends instead of typing a password: short-lived. */
    PASSWORD_RESET(Duration.ofMinutes(30));

    private final Duration validity;

    AccountLinkPurpose(Duration validity) {
        this.validity = validity;
    }

    public Duration validity() {
        return validity;
    }
}
