package fr.rdvnumerique.atelier;

import fr.rdvnumerique.atelier.domain.LateSeats;
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
 * @param lateSeatWindow                   a seat freed this close to the start is offered to the first person
 *                                         waiting, who confirms it, rather than given silently ({@code 0}: never)
 * @param offerValidity                    how long such an offer holds the seat (never past the start)
 * @param offerCheckEvery                  how often lapsed offers are passed on to the next person
 */
@ConfigurationProperties("rdv.atelier")
public record AtelierProperties(
        @DefaultValue("6") int maxActiveRegistrationsPerContact,
        @DefaultValue("2h") Duration registrationClosesBefore,
        @DefaultValue("60") int formSubmissionsPerHour,
        @DefaultValue("60") int kioskRegistrationsPerHour,
        @DefaultValue("12") int listWeeks,
        @DefaultValue("24h") Duration lateSeatWindow,
        @DefaultValue("3h") Duration offerValidity,
        @DefaultValue("1m") Duration offerCheckEvery) {

    public LateSeats lateSeats() {
        return new LateSeats(lateSeatWindow, offerValidity);
    }
}
