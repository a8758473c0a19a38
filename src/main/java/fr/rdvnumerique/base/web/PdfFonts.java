package fr.rdvnumerique.base.web;

import com.lowagie.text.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.librepdf.openpdf.fonts.Liberation;

/**
 * The fonts of the PDF documents (sign-in sheets, activity reports): a Unicode font embedded in the file (subset,
 * Identity-H). The standard Helvetica knows only Latin-1, so "Łukasz", "Nguyễn" or a narrow no-break space would
 * print with holes. Liberation Sans ships in a jar: nothing is read at run time from the machine or the network.
 */
public final class PdfFonts {

    private PdfFonts() {
    }

    public static Font regular(int size) {
        return create(Liberation.SANS, size);
    }

    public static Font bold(int size) {
        return create(Liberation.SANS_BOLD, size);
    }

    public static Font italic(int size) {
        return create(Liberation.SANS_ITALIC, size);
    }

    private static Font create(Liberation face, int size) {
        try {
            return face.create(size);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
