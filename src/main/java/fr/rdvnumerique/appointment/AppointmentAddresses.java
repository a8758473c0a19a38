package fr.rdvnumerique.appointment;

import fr.rdvnumerique.base.web.PublicAddresses;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** An appointment's private link (and its presence page) names nothing when unknown or expired (ADR 014). */
@Component
class AppointmentAddresses implements PublicAddresses {

    private static final Pattern APPOINTMENT = Pattern.compile("^/rendez-vous/([^/]+)(/presence)?/?$");

    private final BookingService booking;

    AppointmentAddresses(BookingService booking) {
        this.booking = booking;
    }

    @Override
    public boolean namesNothing(String path) {
        var matcher = APPOINTMENT.matcher(path);
        return matcher.matches() && !booking.linkWorks(matcher.group(1));
    }
}
