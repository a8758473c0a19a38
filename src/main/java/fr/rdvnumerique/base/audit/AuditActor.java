package fr.rdvnumerique.base.audit;

/**
 * Who acted: a staff account (its id, and its name as it was then, so the journal reads well after the account
 * changed), or the application itself (jobs, a resident's own action that a staff rule set off).
 */
public record AuditActor(Long accountId, String name) {

    public static AuditActor system() {
        return new AuditActor(null, null);
    }

    public static AuditActor staff(long accountId, String name) {
        return new AuditActor(accountId, name);
    }

    public boolean isSystem() {
        return accountId == null;
    }
}
