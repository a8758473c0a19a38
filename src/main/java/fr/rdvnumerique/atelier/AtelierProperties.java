package fr.rdvnumerique.atelier;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the ateliers ({@code rdv.atelier.*}).
 *
 * @param maxActiveRegistrationsPerContact how many upcoming registrations one email or phone may hold at once, so
 *                                         nobody hoards seats (staff registering on someone's behalf are not capped)
 * @param registrationClosesBefore         default end of online registration before a session starts
 * @param formSubmissionsPerHour           registration forms one address may send per hour (60: public computers
 *                                         share one address; the caps per contact hold abuse)
 * @param kioskRegistrationsPerHour        registrations one kiosk may send per hour (a person takes more than a
 *                                         minute at the screen)
 * @param listWeeks                        how far ahead the public list shows sessions
 */
@ConfigurationProperties("rdv.atelier")
public record AtelierProperties(
        @DefaultValue("6") int maxActiveRegistrationsPerContact,
        @DefaultValue("2h") Duration registrationClosesBefore,
        @DefaultValue("60") int formSubmissionsPerHour,
        @DefaultValue("60") int kioskRegistrationsPerHour,
        @DefaultValue("12") int listWeeks) {
}
