package fr.rdvnumerique.territory.ui;

import com.vaadin.flow.component.Component;
import fr.rdvnumerique.territory.CommuneSummary;
import fr.rdvnumerique.territory.PlaceSummary;

/**
 * Names in choosers. A deactivated commune or place is offered only when the record already has it, and says so:
 * the form keeps showing the current value instead of silently dropping it on save.
 */
final class Labels {

    private Labels() {
    }

    static String commune(Component context, CommuneSummary commune) {
        return commune.active() ? commune.name() : context.getTranslation("territory.commune.inactive-label", commune.name());
    }

    static String place(Component context, PlaceSummary place) {
        return place.active() ? place.name() : context.getTranslation("territory.place.inactive-label", place.name());
    }
}
