package fr.rdvnumerique.notification.appointment;

import fr.rdvnumerique.appointment.AppointmentDetails;
import fr.rdvnumerique.appointment.AppointmentDirectory;
import fr.rdvnumerique.appointment.AppointmentStatus;
import fr.rdvnumerique.appointment.BookingService;
import fr.rdvnumerique.base.web.PublicUrls;
import fr.rdvnumerique.base.web.ResidentPaths;
import fr.rdvnumerique.notification.internal.CalendarDownloads;
import fr.rdvnumerique.notification.internal.ResidentNotice;
import fr.rdvnumerique.notification.jobs.ReminderComposer;
import fr.rdvnumerique.notification.mail.ManagementLinkIssuer;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What the outbox, the reminder job and the "Ajouter à mon agenda" download need about appointments, through the
 * appointment module's public services: a fresh private link per mail, the reminder mail when it is due, and the
 * calendar file behind a private link.
 */
@Component
public class AppointmentAdapter implements ManagementLinkIssuer, ReminderComposer {

    private final BookingService booking;
    private final AppointmentDirectory appointments;
    private final AppointmentMails mails;
    private final CalendarDownloads downloads;
    private final PublicUrls urls;

    AppointmentAdapter(BookingService booking, AppointmentDirectory appointments, AppointmentMails mails,
                       CalendarDownloads downloads, PublicUrls urls) {
        this.booking = booking;
        this.appointments = appointments;
        this.mails = mails;
        this.downloads = downloads;
        this.urls = urls;
    }

    @Override
    public boolean supports(String subjectType) {
        return AppointmentMails.SUBJECT_TYPE.equals(subjectType);
    }

    @Override
    public String issueToken(long appointmentId) {
        return booking.issueManagementToken(appointmentId);
    }

    @Override
    public String path(String token) {
        return ResidentPaths.appointment(token);
    }

    @Override
    public String presencePath(String token) {
        return ResidentPaths.appointmentPresence(token);
    }

    /** Nothing to remind when the appointment was cancelled or moved since, or the person can no longer be told. */
    @Override
    public Optional<ResidentNotice> compose(long appointmentId, Duration offset, Instant start) {
        return appointments.details(appointmentId)
                .filter(a -> AppointmentMails.reminders(a).wanted() && a.start().equals(start))
                .map(a -> new ResidentNotice(AppointmentMails.contact(a), to -> mails.reminder(a, to),
                        mails.reminderBrief(a)));
    }

    /** The calendar file of the appointment behind a private link, while it is booked. */
    public Optional<byte[]> calendarFile(String token) {
        return appointments.detailsByToken(token)
                .filter(a -> a.status() == AppointmentStatus.BOOKED)
                .map(a -> file(a, token));
    }

    private byte[] file(AppointmentDetails a, String token) {
        return downloads.file(AppointmentMails.subject(a.id()), a.sequence(), a.structureId(), mails.event(a),
                urls.of(ResidentPaths.appointment(token)));
    }
}
