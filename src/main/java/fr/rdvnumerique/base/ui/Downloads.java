package fr.rdvnumerique.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.util.function.Supplier;

/** Files made on demand (CSV, PDF) behind a link: built when clicked, never held in the session. */
public final class Downloads {

    private Downloads() {
    }

    public static DownloadHandler of(Supplier<byte[]> content, String fileName, String contentType) {
        return DownloadHandler.fromInputStream(event -> {
            byte[] bytes = content.get();
            return new DownloadResponse(new ByteArrayInputStream(bytes), fileName, contentType, bytes.length);
        });
    }

    /**
     * "Ajouter à mon agenda": a link to a calendar file served by a plain controller at {@code path} (e.g.
     * {@code ResidentPaths.appointmentCalendar(token)}). The router must leave it alone, and the browser saves the
     * file (the phone then offers to add it to its calendar) instead of showing it.
     */
    public static Anchor calendarLink(String path, String text) {
        var link = new Anchor(path, text);
        link.setDownload(true);
        link.setRouterIgnore(true);
        return link;
    }
}
