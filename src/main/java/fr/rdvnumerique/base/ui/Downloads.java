package fr.rdvnumerique.base.ui;

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
}
