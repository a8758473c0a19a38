package fr.rdvnumerique.base.taxonomy;

import fr.rdvnumerique.base.i18n.Labelled;

/** Report bands of activity durations. */
public enum DurationBand implements Labelled {
    MOINS_DE_30_MIN,
    DE_30_MIN_A_1_H,
    DE_1_H_A_2_H,
    PLUS_DE_2_H;

    public static DurationBand of(int minutes) {
        if (minutes < 30) {
            return MOINS_DE_30_MIN;
        }
        if (minutes <= 60) {
            return DE_30_MIN_A_1_H;
        }
        return minutes <= 120 ? DE_1_H_A_2_H : PLUS_DE_2_H;
    }

    @Override
    public String labelKey() {
        return Taxonomy.labelKey(this);
    }
}
