package fr.rdvnumerique.territory;

/**
 * A place where the advisor receives people, with what a resident needs to get there.
 */
public record PlaceSummary(long id, long structureId, String name, PlaceKind kind, String address, long communeId,
                           String communeName, String postalCode, String inseeCode, StepFreeAccess stepFreeAccess,
                           String transport, String parking, String publicNotes, boolean active) {

    /** "1 rue de la Paix, 54710 Ludres". */
    public String fullAddress() {
        return address + ", " + postalCode + " " + communeName;
    }

    public String departmentCode() {
        return Departments.ofInseeCode(inseeCode);
    }
}
