package fr.rdvnumerique.territory;

/** A commune of a structure's service area. */
public record CommuneSummary(long id, long structureId, String name, String inseeCode, String postalCode,
                             boolean active) {

    /** Département code from the INSEE code ("54" for Meurthe-et-Moselle, "2A", "974"). */
    public String departmentCode() {
        return Departments.ofInseeCode(inseeCode);
    }
}
