package fr.rdvnumerique.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import fr.rdvnumerique.base.security.SecondFactorEnrolment;

/** The pieces of the second-factor screens (« Mon compte » and the sign-in's code step), so both read the same. */
final class SecondFactorFields {

    private SecondFactorFields() {
    }

    /** A field for the 6 digits of an authenticator app; browsers and phones may fill it from a one-time code. */
    static TextField code(Component owner, String id) {
        var field = new TextField(owner.getTranslation("staff.second-factor.code"));
        field.setId(id);
        field.getElement().setAttribute("autocomplete", "one-time-code");
        field.setMaxLength(7);
        field.setWidthFull();
        field.setMaxWidth("20rem");
        field.addClassName("second-factor-code");
        return field;
    }

    /** Step 1 of setting up: the QR code (with its words for screen readers) and the key to type by hand. */
    static Div setup(Component owner, SecondFactorEnrolment offer) {
        var qr = new Image(offer.qrImage(), owner.getTranslation("staff.second-factor.qr.alt"));
        qr.setId("second-factor-qr");
        qr.addClassName("second-factor-qr");
        var secret = new Span(offer.groupedSecret());
        secret.setId("second-factor-secret");
        secret.addClassName("second-factor-secret");
        var key = new Paragraph(new Span(owner.getTranslation("staff.second-factor.secret") + " "), secret);
        var box = new Div(new Paragraph(owner.getTranslation("staff.second-factor.step1")), qr, key,
                new Paragraph(owner.getTranslation("staff.second-factor.step2")));
        box.addClassName("second-factor-setup");
        return box;
    }

    static void invalid(TextField field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }
}
