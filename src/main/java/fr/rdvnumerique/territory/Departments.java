package fr.rdvnumerique.territory;

/** French département codes, from INSEE commune codes. */
public final class Departments {

    private Departments() {
    }

    public static String ofInseeCode(String inseeCode) {
        if (inseeCode == null || inseeCode.length() < 2) {
            return "";
        }
        // Overseas départements have three-digit codes (971 Guadeloupe … 976 Mayotte).
        return inseeCode.startsWith("97") && inseeCode.length() >= 3 ? inseeCode.substring(0, 3) : inseeCode.substring(0, 2);
    }

    /** Bas-Rhin, Haut-Rhin and Moselle keep the local law: Good Friday and 26 December are public holidays. */
    public static boolean isAlsaceMoselle(String departmentCode) {
        return "57".equals(departmentCode) || "67".equals(departmentCode) || "68".equals(departmentCode);
    }
}
