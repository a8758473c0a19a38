package fr.rdvnumerique.appointment.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import fr.rdvnumerique.territory.PlaceSummary;
import fr.rdvnumerique.territory.StepFreeAccess;

/** Where the appointment takes place and how to get there, in plain words. */
class PlaceBlock extends Div {

    PlaceBlock(PlaceSummary place) {
        addClassName("place-block");
        var name = new Paragraph(place.name());
        name.addClassName("place-name");
        add(name, new Paragraph(place.fullAddress()));
        var access = new Paragraph(getTranslation("territory.portal.access." + place.stepFreeAccess()));
        access.addClassName(place.stepFreeAccess() == StepFreeAccess.YES ? "access-yes" : "access-other");
        add(access);
        if (place.transport() != null) {
            add(new Paragraph(getTranslation("territory.portal.transport", place.transport())));
        }
        if (place.parking() != null) {
            add(new Paragraph(getTranslation("territory.portal.parking", place.parking())));
        }
        if (place.publicNotes() != null) {
            add(new Paragraph(new Span(place.publicNotes())));
        }
    }
}
