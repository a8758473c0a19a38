package fr.rdvnumerique.notification.internal;

import fr.rdvnumerique.notification.domain.IcsWriter;
import fr.rdvnumerique.notification.mail.ManagementLinkIssuer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * iCalendar files (RFC 5545, iTIP RFC 5546) that Thunderbird, Outlook and Google accept: a REQUEST for a new or
 * changed booking (same UID, higher SEQUENCE), a CANCEL with {@code STATUS:CANCELLED}, and a PUBLISH copy for
 * "Ajouter à mon agenda", which names no attendee. Times are in UTC, which every client shows in its own zone;
 * lines end with CRLF and are folded at 75 octets.
 */
@Component
public class CalendarInvitations {

    public static final String PRODUCT_ID = "-//RDV Numérique//Notifications 1.0//FR";
    /** The calendar alarm of an invitation. */
    public static final Duration ALARM_BEFORE = Duration.ofHours(2);
    public static final String MEDIA_TYPE = "text/calendar; charset=utf-8";

    private final MailSettings mail;
    private final String uidDomain;
    private final Clock clock;

    /**
     * @param uidDomain the right-hand part of UIDs ({@code rdv.notification.calendar-domain}); when blank, the host
     *                  of the public address, so that two installations never share a UID
     */
    public CalendarInvitations(MailSettings mail, @Value("${rdv.notification.calendar-domain:}") String uidDomain,
                               @Value("${rdv.public-url}") String publicUrl, Clock clock) {
        this.mail = mail;
        this.uidDomain = uidDomain.isBlank() ? hostOf(publicUrl, mail.domain()) : uidDomain.strip().toLowerCase(Locale.ROOT);
        this.clock = clock;
    }

    private static String hostOf(String url, String fallback) {
        try {
            String host = URI.create(url.strip()).getHost();
            return host == null || host.isBlank() ? fallback : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    /** The UID of everything sent about a subject, e.g. {@code atelier-registration-42@rdv.example.org}. */
    public String uid(SubjectRef subject) {
        return uid(subject.slug());
    }

    /** A UID for a local name that is unique in this installation, e.g. {@code atelier-session-7}. */
    public String uid(String localName) {
        return localName + "@" + uidDomain;
    }

    /** The calendar text, CRLF line ends, folded. */
    public String build(CalendarEntry entry) {
        boolean cancel = entry.method() == CalendarMethod.CANCEL;
        var event = new VEvent(entry.start(), entry.end(), entry.summary());
        event.replace(new DtStamp(clock.instant()));
        event.add(new Uid(entry.uid()));
        event.add(new Sequence(entry.sequence()));
        event.add(organizer(entry.organizer()));
        // RFC 5546: a PUBLISH names no attendee.
        if (entry.attendee() != null && entry.method() != CalendarMethod.PUBLISH) {
            var attendee = new Attendee(URI.create("mailto:" + entry.attendee().email()));
            if (entry.attendee().name() != null) {
                attendee.add(new Cn(parameterText(entry.attendee().name())));
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
        calendar.add(switch (entry.method()) {
            case REQUEST -> ImmutableMethod.REQUEST;
            case CANCEL -> ImmutableMethod.CANCEL;
            case PUBLISH -> ImmutableMethod.PUBLISH;
        });
        calendar.add(event);
        return IcsWriter.write(calendar);
    }

    /** The same, as the bytes of an "Ajouter à mon agenda" download ({@link #MEDIA_TYPE}). */
    public byte[] download(CalendarEntry entry) {
        return build(entry).getBytes(StandardCharsets.UTF_8);
    }

    /** ORGANIZER: the structure's service, or the application's sender when the structure has no address. */
    Organizer organizer(CalendarEntry.Party party) {
        var who = party != null ? party : new CalendarEntry.Party(mail.fromName(), mail.fromEmail());
        var organizer = new Organizer(URI.create("mailto:" + who.email()));
        if (who.name() != null) {
            organizer.add(new Cn(parameterText(who.name())));
        }
        return organizer;
    }

    /** Parameter values cannot hold double quotes or line breaks. */
    static String parameterText(String value) {
        return value.replace('"', '\'').replaceAll("[\\r\\n]+", " ").strip();
    }
}
