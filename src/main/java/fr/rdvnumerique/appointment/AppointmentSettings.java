package fr.rdvnumerique.appointment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on public booking ({@code rdv.appointment.*}).
 *
 * @param maxActivePerContact     future appointments one e-mail or phone may hold at once
 * @param bookingsPerHourPerAddress bookings one web address may make per hour (60: a médiathèque's public
 *                                  computers share one address; abuse is held by the caps per contact)
 * @param bookingsPerHourPerKiosk   bookings one kiosk may make per hour (a person takes more than a minute there)
 * @param lookupsPerHourPerAddress  private-link pages one address may open per hour
 */
@ConfigurationProperties("rdv.appointment")
public record AppointmentSettings(@DefaultValue("2") int maxActivePerContact,
                                  @DefaultValue("60") int bookingsPerHourPerAddress,
                                  @DefaultValue("60") int bookingsPerHourPerKiosk,
                                  @DefaultValue("120") int lookupsPerHourPerAddress) {
}
