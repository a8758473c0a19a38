package fr.rdvnumerique.notification.feed;

import fr.rdvnumerique.base.web.RateLimiter;
import fr.rdvnumerique.base.web.ResidentPaths;
import fr.rdvnumerique.notification.appointment.AppointmentAdapter;
import fr.rdvnumerique.notification.atelier.RegistrationAdapter;
import fr.rdvnumerique.notification.internal.NotificationSettings;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * "Ajouter à mon agenda": the calendar file behind a private link, for the confirmation screens and the private
 * pages of the atelier and appointment modules (which only link here, see {@link ResidentPaths}). Open to all
 * under {@code /public/**}; never cached (the link is a secret); a few per hour and address; 404 for an unknown
 * link or a booking that no longer holds a seat or a slot.
 */
@RestController
class CalendarFileController {

    private final RegistrationAdapter registrations;
    private final AppointmentAdapter appointments;
    private final RateLimiter limiter;
    private final int perHour;

    CalendarFileController(RegistrationAdapter registrations, AppointmentAdapter appointments, RateLimiter limiter,
                           NotificationSettings settings) {
        this.registrations = registrations;
        this.appointments = appointments;
        this.limiter = limiter;
        this.perHour = settings.feeds().downloadsPerHour();
    }

    @GetMapping("/" + ResidentPaths.REGISTRATION_CALENDAR + "{token}.ics")
    ResponseEntity<byte[]> registration(@PathVariable String token, HttpServletRequest request) {
        return file(request, "atelier.ics", () -> registrations.calendarFile(token));
    }

    @GetMapping("/" + ResidentPaths.APPOINTMENT_CALENDAR + "{token}.ics")
    ResponseEntity<byte[]> appointment(@PathVariable String token, HttpServletRequest request) {
        return file(request, "rendez-vous.ics", () -> appointments.calendarFile(token));
    }

    private ResponseEntity<byte[]> file(HttpServletRequest request, String name, Supplier<Optional<byte[]>> file) {
        if (!limiter.tryAcquire("notification.calendar-file", String.valueOf(request.getRemoteAddr()), perHour)) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).cacheControl(CacheControl.noStore()).build();
        }
        return file.get()
                .map(bytes -> ResponseEntity.ok().contentType(CalendarFeedController.CALENDAR)
                        .cacheControl(CacheControl.noStore())
                        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build()
                                .toString())
                        .body(bytes))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).cacheControl(CacheControl.noStore()).build());
    }
}
