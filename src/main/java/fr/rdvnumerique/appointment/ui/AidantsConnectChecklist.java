package fr.rdvnumerique.appointment.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;

/** What to bring for a procedure done with Aidants Connect. */
class AidantsConnectChecklist extends Div {

    AidantsConnectChecklist() {
        addClassName("aidants-connect");
        add(new H3(getTranslation("appointment.aidants-connect.title")),
                new Paragraph(getTranslation("appointment.aidants-connect.intro")),
                new UnorderedList(new ListItem(getTranslation("appointment.aidants-connect.id")),
                        new ListItem(getTranslation("appointment.aidants-connect.phone")),
                        new ListItem(getTranslation("appointment.aidants-connect.franceconnect"))));
    }
}
