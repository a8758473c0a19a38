package fr.rdvnumerique.territory;

/** Can a wheelchair user get in without steps? */
public enum StepFreeAccess {
    YES,
    PARTIAL,
    NO,
    UNKNOWN
}
