package fr.rdvnumerique.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.Locale;
import fr.rdvnumerique.base.ops.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Page-wide settings: the document says it is French (screen readers pronounce it right), every UI starts in
 * French, and an unexpected error becomes a short French message instead of a stack trace.
 */
@Component
class UiSetup implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(UiSetup.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(response -> response.getDocument().getElementsByTag("html").attr("lang", "fr"));
        event.getSource().addSessionInitListener(init -> {
            init.getSession().setLocale(Locale.FRENCH);
            init.getSession().setErrorHandler(UiSetup::handle);
        });
        event.getSource().addUIInitListener(init -> init.getUI().setLocale(init.getUI().getSession().getLocale()));
    }

    private static void handle(ErrorEvent event) {
        Throwable error = event.getThrowable();
        UI ui = UI.getCurrent();
        if (ui == null) {
            log.error("Error outside of a UI", LogSafe.redact(error));
            return;
        }
        String text = UiMessages.describe(ui, error);
        if (text.equals(ui.getTranslation("error.unexpected"))) {
            // Neither the HTTP session id (it would let whoever reads the logs take the session over) nor the
            // exception's message (it may quote what a resident typed).
            log.error("Unexpected error in UI {}", ui.getUIId(), LogSafe.redact(error));
        }
        ui.access(() -> UiMessages.error(ui, error));
    }
}
