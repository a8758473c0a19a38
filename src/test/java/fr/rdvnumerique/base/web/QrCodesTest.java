package fr.rdvnumerique.base.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.rdvnumerique.testing.QrImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class QrCodesTest {

    @Test
    void every_private_link_reads_back_whatever_its_token() {
        for (int i = 0; i < 300; i++) {
            String link = "https://rdv.ludres.fr/inscription/" + SecretTokens.generate();
            assertThat(QrImages.read(QrCodes.png(link, 480))).isEqualTo(link);
        }
    }

    @Test
    void the_code_keeps_the_quiet_zone_of_four_modules_scanners_need_around_it() throws Exception {
        var image = ImageIO.read(new ByteArrayInputStream(QrCodes.png("https://rdv.ludres.fr/inscription/abc", 480)));
        int corner = 0;
        while (!dark(image, corner, corner)) {
            corner++;
        }
        int finderWidth = 0; // the top-left finder pattern's top edge: seven dark modules
        while (dark(image, corner + finderWidth, corner)) {
            finderWidth++;
        }
        assertThat(corner).isGreaterThanOrEqualTo(4 * finderWidth / 7);
    }

    private static boolean dark(BufferedImage image, int x, int y) {
        return (image.getRGB(x, y) & 0xFFFFFF) == 0;
    }

    @Test
    void the_data_url_is_the_png_itself() {
        String link = "https://rdv.ludres.fr/rendez-vous/xyz";
        assertThat(QrImages.read(QrCodes.pngDataUrl(link, 280))).isEqualTo(link);
    }

    @Test
    void a_text_longer_than_a_code_holds_is_refused_plainly() {
        assertThatThrownBy(() -> QrCodes.png("x".repeat(5000), 280)).isInstanceOf(IllegalArgumentException.class);
    }
}
