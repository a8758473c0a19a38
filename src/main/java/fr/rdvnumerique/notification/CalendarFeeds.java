package fr.rdvnumerique.notification;

import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.base.security.CurrentStaff;
import fr.rdvnumerique.base.web.SecretTokens;
import fr.rdvnumerique.notification.domain.FeedRepository;
import fr.rdvnumerique.notification.domain.IcsWriter;
import fr.rdvnumerique.notification.domain.ParisTimeZone;
import fr.rdvnumerique.territory.AdvisorSchedule;
import fr.rdvnumerique.territory.AdvisorSummary;
import fr.rdvnumerique.territory.BusyPeriod;
import fr.rdvnumerique.territory.StructureSummary;
import fr.rdvnumerique.territory.TerritoryDirectory;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RefreshInterval;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableTransp;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Calendar feeds over https, for Thunderbird, Outlook and Google to subscribe to.
 * <ul>
 *   <li>Each advisor's private feed of their busy time (appointments, sessions, absences, by their labels),
 *       at an unguessable address: only the token's hash is stored, so the address is shown once, when made;
 *       making a new one or revoking it stops the old one at once.</li>
 *   <li>Each structure's public atelier programme (ICS and JSON), without personal data, from the
 *       {@link PublicProgrammeSource}s (none until the atelier module provides one).</li>
 * </ul>
 */
@Service
public class CalendarFeeds {

    public static final String ADVISOR_FEED_PATH = "/public/feeds/conseiller/";

    private final FeedRepository feeds;
    private final AdvisorSchedule schedule;
    private final TerritoryDirectory territory;
    private final List<PublicProgrammeSource> programmes;
    private final CurrentStaff staff;
    private final MailSettings mail;
    private final NotificationSettings.Feeds settings;
    private final MessageSource messages;
    private final Clock clock;
    private final String publicUrl;

    CalendarFeeds(FeedRepository feeds, AdvisorSchedule schedule, TerritoryDirectory territory,
                  List<PublicProgrammeSource> programmes, CurrentStaff staff, MailSettings mail,
                  NotificationSettings settings, MessageSource messages, Clock clock,
                  @Value("${rdv.public-url}") String publicUrl) {
        this.feeds = feeds;
        this.schedule = schedule;
        this.territory = territory;
        this.programmes = List.copyOf(programmes);
        this.staff = staff;
        this.mail = mail;
        this.settings = settings.feeds();
        this.messages = messages;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    // --- The signed-in advisor's own feed --------------------------------------------------------------------

    /** Since when the signed-in advisor's feed exists, if it does. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Optional<Instant> myFeedSince() {
        return feeds.createdAt(myAdvisor().id());
    }

    /** Whether the signed-in staff member is an advisor (and so has an agenda to publish). */
    @PreAuthorize("isAuthenticated()")
    public boolean canHaveFeed() {
        return staff.require().advisorId() != null;
    }

    /** A new private address for the signed-in advisor's feed (the previous one stops working). Shown once. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public String createMyFeed() {
        AdvisorSummary advisor = myAdvisor();
        String token = SecretTokens.generate();
        feeds.save(advisor.id(), advisor.structureId(), SecretTokens.hash(token), clock.instant());
        return publicUrl + ADVISOR_FEED_PATH + token + ".ics";
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void revokeMyFeed() {
        feeds.delete(myAdvisor().id());
    }

    private AdvisorSummary myAdvisor() {
        Long advisorId = staff.require().advisorId();
        if (advisorId == null) {
            throw new BusinessRuleException("notification.feed.not-an-advisor");
        }
        AdvisorSummary advisor = territory.advisor(advisorId).orElseThrow(() -> new BusinessRuleException("error.not-found"));
        staff.checkStructure(advisor.structureId());
        return advisor;
    }

    // --- Public reads ------------------------------------------------------------------------------------------

    /** The advisor's feed for a token, or empty for an unknown or revoked one. */
    @Transactional(readOnly = true)
    public Optional<String> advisorCalendar(String token) {
        if (!SecretTokens.looksValid(token)) {
            return Optional.empty();
        }
        return feeds.advisorByTokenHash(SecretTokens.hash(token)).flatMap(territory::advisor).map(this::advisorCalendar);
    }

    private String advisorCalendar(AdvisorSummary advisor) {
        Instant now = clock.instant();
        List<BusyPeriod> busy = schedule.busy(advisor.id(), now.minus(Duration.ofDays(settings.pastDays())),
                now.plus(Duration.ofDays(settings.futureDays())));
        var calendar = publishing(message("notification.feed.advisor.name", advisor.displayName()));
        for (BusyPeriod period : busy) {
            var event = event(period.start(), period.end(), period.label(), "busy-"
                    + period.ownerKind().toLowerCase(Locale.ROOT).replace('_', '-') + "-" + period.ownerId() + "-"
                    + period.start().getEpochSecond() + "@rdv-numerique", now);
            calendar.add(event);
        }
        return IcsWriter.write(calendar);
    }

    /** The structure's upcoming public sessions, or empty for an unknown structure. */
    @Transactional(readOnly = true)
    public Optional<Programme> programme(String slug) {
        return territory.structureBySlug(slug).map(structure -> {
            Instant now = clock.instant();
            Instant until = now.plus(Duration.ofDays(settings.futureDays()));
            var items = new ArrayList<ProgrammeItem>();
            programmes.forEach(source -> items.addAll(source.sessions(structure.id(), now, until)));
            items.sort(Comparator.comparing(ProgrammeItem::start).thenComparing(ProgrammeItem::sessionId));
            return new Programme(structure, publicUrl + "/territoire/" + structure.slug(), List.copyOf(items));
        });
    }

    /** A structure's programme and the address of its public page. */
    public record Programme(StructureSummary structure, String pageUrl, List<ProgrammeItem> items) {
    }

    @Transactional(readOnly = true)
    public Optional<String> programmeCalendar(String slug) {
        return programme(slug).map(programme -> {
            Instant now = clock.instant();
            var calendar = publishing(message("notification.feed.programme.name", programme.structure().name()));
            for (ProgrammeItem item : programme.items()) {
                var event = event(item.start(), item.end(), item.title(), "atelier-session-" + item.sessionId()
                        + "@rdv-numerique", now);
                event.add(new Location(item.placeName() + ", " + item.address()));
                event.add(new Description(item.seatsLeft() > 0
                        ? message("notification.feed.programme.seats", item.seatsLeft())
                        : message("notification.feed.programme.full")));
                event.add(new Url(URI.create(programme.pageUrl())));
                calendar.add(event);
            }
            return IcsWriter.write(calendar);
        });
    }

    private Calendar publishing(String name) {
        var calendar = new Calendar();
        calendar.add(new ProdId(CalendarInvitations.PRODUCT_ID));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(new XProperty("X-WR-CALNAME", name));
        calendar.add(new XProperty("X-WR-TIMEZONE", ParisTimeZone.TZID));
        // Clients poll: Outlook reads X-PUBLISHED-TTL, others REFRESH-INTERVAL (RFC 7986).
        calendar.add(new XProperty("X-PUBLISHED-TTL", "PT1H"));
        calendar.add(new RefreshInterval(new ParameterList(List.of(net.fortuna.ical4j.model.parameter.Value.DURATION)),
                Duration.ofHours(1)));
        calendar.add(ParisTimeZone.component());
        return calendar;
    }

    private VEvent event(Instant start, Instant end, String summary, String uid, Instant now) {
        var event = new VEvent(start, end, summary);
        event.replace(new DtStamp(now));
        event.add(new Uid(uid));
        var organizer = new Organizer(URI.create("mailto:" + mail.fromEmail()));
        organizer.add(new Cn(CalendarInvitations.parameterText(mail.fromName())));
        event.add(organizer);
        event.add(ImmutableTransp.OPAQUE);
        return event;
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, Locale.FRENCH);
    }
}
