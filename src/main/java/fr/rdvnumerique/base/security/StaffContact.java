package fr.rdvnumerique.base.security;

/** A staff member to tell about something, by mail. */
public record StaffContact(long accountId, String email, String displayName) {
}
