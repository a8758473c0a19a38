package fr.rdvnumerique.atelier;

import fr.rdvnumerique.base.taxonomy.AgeBand;
import fr.rdvnumerique.base.taxonomy.Gender;
import fr.rdvnumerique.base.taxonomy.OccupationStatus;
import java.util.EnumMap;
import java.util.Map;

/**
 * The people who came to a session without registering, counted anonymously as the national tool counts them: how
 * many, how many had been helped before, and as many as the advisor knows by gender, age band and status. A
 * breakdown may leave people out (not known); the rest is « non communiqué » in the exports.
 */
public record WalkIns(int total, int alreadyHelped, Map<Gender, Integer> byGender, Map<AgeBand, Integer> byAgeBand,
                      Map<OccupationStatus, Integer> byStatus) {

    /** The form's fields, so a refusal is said next to the count it is about. */
    public static final String TOTAL = "walk-ins-total";
    public static final String ALREADY_HELPED = "walk-ins-already-helped";
    public static final String GENDER = "walk-ins-gender";
    public static final String AGE = "walk-ins-age";
    public static final String STATUS = "walk-ins-status";

    public WalkIns {
        byGender = copy(byGender, Gender.class);
        byAgeBand = copy(byAgeBand, AgeBand.class);
        byStatus = copy(byStatus, OccupationStatus.class);
    }

    public static WalkIns none() {
        return new WalkIns(0, 0, Map.of(), Map.of(), Map.of());
    }

    public int count(Gender gender) {
        return byGender.getOrDefault(gender, 0);
    }

    public int count(AgeBand band) {
        return byAgeBand.getOrDefault(band, 0);
    }

    public int count(OccupationStatus status) {
        return byStatus.getOrDefault(status, 0);
    }

    /** People counted in the gender breakdown. */
    public int genderCounted() {
        return sum(byGender);
    }

    public int ageCounted() {
        return sum(byAgeBand);
    }

    public int statusCounted() {
        return sum(byStatus);
    }

    /** The count for « non communiqué » in a complete breakdown: the ones typed so, plus those left out. */
    public int genderNotGiven() {
        return total - genderCounted() + count(Gender.NON_COMMUNIQUE);
    }

    public int ageNotGiven() {
        return total - ageCounted() + count(AgeBand.NON_COMMUNIQUE);
    }

    public int statusNotGiven() {
        return total - statusCounted() + count(OccupationStatus.NON_COMMUNIQUE);
    }

    private static int sum(Map<?, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static <E extends Enum<E>> Map<E, Integer> copy(Map<E, Integer> counts, Class<E> type) {
        var copy = new EnumMap<E, Integer>(type);
        if (counts != null) {
            counts.forEach((key, n) -> {
                if (key != null && n != null && n != 0) {
                    copy.put(key, n);
                }
            });
        }
        return java.util.Collections.unmodifiableMap(copy);
    }
}
