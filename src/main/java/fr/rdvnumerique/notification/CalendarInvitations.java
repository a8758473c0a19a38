package fr.rdvnumerique.notification;

import fr.rdvnumerique.notification.domain.IcsWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableAction;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableTransp;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.springframework.stereotype.Component;

/**
 * iCalendar invitations (RFC 5545, iTIP RFC 5546) that Thunderbird, Outlook and Google accept: a REQUEST for
 * a new or changed booking (same UID, higher SEQUENCE), a CANCEL with {@code STATUS:CANCELLED}. Times are in
 * UTC, which every client shows in its own zone; lines end with CRLF and are folded at 75 octets.
 */
@Component
public class CalendarInvitations {

    public static final String PRODUCT_ID = "-//RDV Numérique//Notifications 1.0//FR";
    /** The calendar alarm of an invitation. */
    public static final Duration ALARM_BEFORE = Duration.ofHours(2);
    public static final String MEDIA_TYPE = "text/calendar; charset=utf-8";

    private final MailSettings mail;
    private final Clock clock;

    public CalendarInvitations(MailSettings mail, Clock clock) {
        this.mail = mail;
        this.clock = clock;
    }

    /** The UID of everything sent about a subject, e.g. {@code atelier-registration-42@rdv-numerique}. */
    public static String uid(SubjectRef subject) {
        return subject.slug() + "@rdv-numerique";
    }

    /** The calendar text with METHOD REQUEST or CANCEL, CRLF line ends, folded. */
    public String build(CalendarEntry entry) {
        boolean cancel = entry.method() == CalendarMethod.CANCEL;
        var event = new VEvent(entry.start(), entry.end(), entry.summary());
        event.replace(new DtStamp(clock.instant()));
        event.add(new Uid(entry.uid()));
        event.add(new Sequence(entry.sequence()));
        var organizer = new Organizer(URI.create("mailto:" + mail.fromEmail()));
        organizer.add(new Cn(parameterText(mail.fromName())));
        event.add(organizer);
        if (entry.attendeeEmail() != null) {
            var attendee = new Attendee(URI.create("mailto:" + entry.attendeeEmail()));
            if (entry.attendeeName() != null) {
                attendee.add(new Cn(parameterText(entry.attendeeName())));
            }
            attendee.add(Role.REQ_PARTICIPANT);
            attendee.add(PartStat.ACCEPTED);
            attendee.add(Rsvp.FALSE);
            event.add(attendee);
        }
        if (entry.location() != null) {
            event.add(new Location(entry.location()));
        }
        if (entry.description() != null) {
            event.add(new Description(entry.description()));
        }
        if (entry.url() != null) {
            event.add(new Url(URI.create(ManagementLinkIssuer.PLACEHOLDER.equals(entry.url())
                    ? ManagementLinkIssuer.URL_PLACEHOLDER : entry.url())));
        }
        event.add(cancel ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        event.add(ImmutableTransp.OPAQUE);
        if (!cancel) {
            // RFC 5546 forbids alarms in a CANCEL.
            var alarm = new VAlarm(ALARM_BEFORE.negated());
            alarm.add(ImmutableAction.DISPLAY);
            alarm.add(new Description(entry.summary()));
            event.add(alarm);
        }
        var calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT_ID));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(cancel ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST);
        calendar.add(event);
        return IcsWriter.write(calendar);
    }

    /** The same, as the bytes of an "Ajouter à mon agenda" download ({@link #MEDIA_TYPE}). */
    public byte[] download(CalendarEntry entry) {
        return build(entry).getBytes(StandardCharsets.UTF_8);
    }

    /** Parameter values cannot hold double quotes or line breaks. */
    static String parameterText(String value) {
        return value.replace('"', '\'').replaceAll("[\\r\\n]+", " ").strip();
    }
}
