package fr.rdvnumerique.notification.internal;

import fr.rdvnumerique.territory.TerritoryDirectory;
import org.springframework.stereotype.Service;

/**
 * "Ajouter à mon agenda": the calendar file of a booking, as its confirmation mail's invitation describes it (same
 * UID and SEQUENCE, so a later mail updates the same event), but with {@code METHOD:PUBLISH} and no attendee, as
 * RFC 5546 wants for a copy the person imports themselves. The private page is the link inside.
 */
@Service
public class CalendarDownloads {

    private final Outbox outbox;
    private final CalendarInvitations invitations;
    private final TerritoryDirectory territory;

    CalendarDownloads(Outbox outbox, CalendarInvitations invitations, TerritoryDirectory territory) {
        this.outbox = outbox;
        this.invitations = invitations;
        this.territory = territory;
    }

    /**
     * @param managementUrl the absolute address of the private page
     * @return the file's bytes, UTF-8 ({@link CalendarInvitations#MEDIA_TYPE})
     */
    public byte[] file(SubjectRef subject, int sequence, long structureId, MailEvent event, String managementUrl) {
        var structure = territory.structure(structureId).orElseThrow();
        var place = territory.place(event.placeId()).orElseThrow();
        return invitations.download(outbox.calendarEntry(subject, sequence, CalendarMethod.PUBLISH,
                event, structure, place, managementUrl, null));
    }
}
