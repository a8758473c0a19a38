package fr.rdvnumerique.territory;

import fr.rdvnumerique.base.i18n.Labelled;

/**
 * The compliance state of an accessibility declaration (RGAA): « non conforme » without an audit or below half of
 * the criteria met, « partiellement conforme » from half, « totalement conforme » when every criterion is met.
 */
public enum AccessibilityState implements Labelled {
    NON_COMPLIANT,
    PARTIALLY_COMPLIANT,
    FULLY_COMPLIANT;

    @Override
    public String labelKey() {
        return "territory.legal.state." + name();
    }
}
