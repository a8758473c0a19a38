package fr.rdvnumerique.base.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Links in mails and feeds follow the public address, its scheme included. */
class PublicUrlsTest {

    @Test
    void links_keep_the_scheme_and_host_of_the_public_address() {
        var urls = new PublicUrls("https://rdv.ludres.fr/");
        assertThat(urls.of("public/feeds/conseiller/abc.ics")).isEqualTo("https://rdv.ludres.fr/public/feeds/conseiller/abc.ics");
        assertThat(urls.of("/" + ResidentPaths.registration("abc"))).isEqualTo("https://rdv.ludres.fr/inscription/abc");
        assertThat(new PublicUrls("http://localhost:8080").of(ResidentPaths.appointmentCalendar("abc")))
                .isEqualTo("http://localhost:8080/public/agenda/rendez-vous/abc.ics");
    }
}
