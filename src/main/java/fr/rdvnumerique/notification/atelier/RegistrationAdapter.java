package fr.rdvnumerique.notification.atelier;

import fr.rdvnumerique.atelier.RegistrationDetails;
import fr.rdvnumerique.atelier.RegistrationService;
import fr.rdvnumerique.atelier.RegistrationStatus;
import fr.rdvnumerique.atelier.SessionStatus;
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
 * What the outbox, the reminder job and the "Ajouter à mon agenda" download need about atelier registrations,
 * through the atelier module's public {@link RegistrationService}: a fresh private link per mail, the reminder mail
 * when it is due, and the calendar file behind a private link.
 */
@Component
public class RegistrationAdapter implements ManagementLinkIssuer, ReminderComposer {

    private final RegistrationService registrations;
    private final RegistrationMails mails;
    private final CalendarDownloads downloads;
    private final PublicUrls urls;

    RegistrationAdapter(RegistrationService registrations, RegistrationMails mails, CalendarDownloads downloads,
                        PublicUrls urls) {
        this.registrations = registrations;
        this.mails = mails;
        this.downloads = downloads;
        this.urls = urls;
    }

    @Override
    public boolean supports(String subjectType) {
        return RegistrationMails.SUBJECT_TYPE.equals(subjectType);
    }

    @Override
    public String issueToken(long registrationId) {
        return registrations.issueManagementToken(registrationId);
    }

    @Override
    public String path(String token) {
        return ResidentPaths.registration(token);
    }

    @Override
    public String presencePath(String token) {
        return ResidentPaths.registrationPresence(token);
    }

    /** Nothing to remind without a seat any more, a session moved or cancelled since, or no one to tell. */
    @Override
    public Optional<ResidentNotice> compose(long registrationId, Duration offset, Instant start) {
        RegistrationDetails r = registrations.details(registrationId);
        if (!RegistrationMails.reminders(r).wanted() || !r.start().equals(start)) {
            return Optional.empty();
        }
        return Optional.of(new ResidentNotice(RegistrationMails.contact(r), to -> mails.reminder(r, to),
                mails.reminderBrief(r)));
    }

    /** The calendar file of the registration behind a private link, while it holds a seat. */
    public Optional<byte[]> calendarFile(String token) {
        return registrations.detailsByToken(token)
                .filter(r -> r.status() == RegistrationStatus.CONFIRMED && r.sessionStatus() == SessionStatus.SCHEDULED)
                .map(r -> downloads.file(RegistrationMails.subject(r.registrationId()), r.sequence(), r.structureId(),
                        mails.event(r), urls.of(ResidentPaths.registration(token))));
    }
}
