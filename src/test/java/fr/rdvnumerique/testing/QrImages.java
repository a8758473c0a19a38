package fr.rdvnumerique.testing;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;

/** Reads back the QR codes the server draws, as a phone would find their text. */
public final class QrImages {

    private QrImages() {
    }

    public static String read(String pngDataUrl) {
        if (!pngDataUrl.startsWith("data:image/png;base64,")) {
            throw new IllegalArgumentException("Not a PNG data URL: " + pngDataUrl);
        }
        return read(Base64.getDecoder().decode(pngDataUrl.substring(pngDataUrl.indexOf(',') + 1)));
    }

    /**
     * The image is the rendered code itself, not a photo of it: PURE_BARCODE reads it from its modules. ZXing's
     * finder-pattern detector, made for photos, misses about one perfectly drawn code in 250 (a CI run failed on one).
     */
    public static String read(byte[] png) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
            var bitmap = new BinaryBitmap(new HybridBinarizer(
                    new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
            return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NotFoundException | ChecksumException | FormatException e) {
            throw new AssertionError("The QR code cannot be read", e);
        }
    }
}
