package fr.rdvnumerique.notification.internal;

import fr.rdvnumerique.atelier.AtelierCatalogue;
import fr.rdvnumerique.atelier.SessionFilter;
import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.base.i18n.SentenceName;
import fr.rdvnumerique.base.security.CurrentStaff;
import fr.rdvnumerique.base.security.StaffDirectory;
import fr.rdvnumerique.base.time.ParisTime;
import fr.rdvnumerique.base.web.PublicUrls;
import fr.rdvnumerique.base.web.ResidentPaths;
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
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RefreshInterval;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableTransp;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Calendar feeds over https, for Thunderbird, Outlook and Google to subscribe to. Their addresses start with the
 * public address ({@code RDV_PUBLIC_URL}), which must be https in production: some mail and calendar services
 * refuse plain http (and webcal) subscriptions.
 * <ul>
 *   <li>Each advisor's private feed of their busy time (appointments, sessions, absences, by their labels),
 *       at an unguessable address: only the token's hash is stored, so the address is shown once, when made;
 *       making a new one or revoking it stops the old one at once, and so does deactivating the advisor or
 *       their staff account.</li>
 *   <li>Each structure's public atelier programme (ICS and JSON), without personal data, from the atelier
 *       module's public catalogue.</li>
 * </ul>
 * Events keep their UID when they move, so calendar clients update them instead of adding copies.
 */
@Service
public class CalendarFeeds {

    /** The advisors' feeds, relative to the public address: {@code <this><token>.ics}. */
    public static final String ADVISOR_FEED_PATH = "public/feeds/conseiller/";
    private static final Logger log = LoggerFactory.getLogger(CalendarFeeds.class);

    private final FeedRepository feeds;
    private final AdvisorSchedule schedule;
    private final TerritoryDirectory territory;
    private final AtelierCatalogue catalogue;
    private final StaffDirectory staffDirectory;
    private final CurrentStaff staff;
    private final CalendarInvitations invitations;
    private final PublicUrls urls;
    private final NotificationSettings.Feeds settings;
    /** The owner kind of an absence in the advisor's schedule (appointment module). */
    private static final String ABSENCE_OWNER = "ABSENCE";

    private final MessageSource messages;
    private final Clock clock;

    CalendarFeeds(FeedRepository feeds, AdvisorSchedule schedule, TerritoryDirectory territory,
                  AtelierCatalogue catalogue, StaffDirectory staffDirectory, CurrentStaff staff,
                  CalendarInvitations invitations, PublicUrls urls, NotificationSettings settings,
                  MessageSource messages, Clock clock) {
        this.feeds = feeds;
        this.schedule = schedule;
        this.territory = territory;
        this.catalogue = catalogue;
        this.staffDirectory = staffDirectory;
        this.staff = staff;
        this.invitations = invitations;
        this.urls = urls;
        this.settings = settings.feeds();
        this.messages = messages;
        this.clock = clock;
        String sample = urls.of(ADVISOR_FEED_PATH);
        if (!sample.startsWith("https://") && !sample.matches("http://(localhost|127\\.0\\.0\\.1)([:/].*)?")) {
            log.warn("RDV_PUBLIC_URL is not https ({}): calendar services may refuse the feed addresses", sample);
        }
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

    /**
     * A new private address for the signed-in advisor's feed (the previous one stops working). Shown once; https
     * when the public address is.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public String createMyFeed() {
        AdvisorSummary advisor = myAdvisor();
        String token = SecretTokens.generate();
        feeds.save(advisor.id(), advisor.structureId(), SecretTokens.hash(token), clock.instant());
        return urls.of(ADVISOR_FEED_PATH + token + ".ics");
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

    /**
     * The advisor's feed for a token, or empty for an unknown or revoked one, and for an advisor who left (no
     * longer active, or without an active staff account).
     */
    @Transactional(readOnly = true)
    public Optional<String> advisorCalendar(String token) {
        if (!SecretTokens.looksValid(token)) {
            return Optional.empty();
        }
        return feeds.advisorByTokenHash(SecretTokens.hash(token)).flatMap(territory::advisor)
                .filter(advisor -> advisor.active() && staffDirectory.advisorHasActiveAccount(advisor.id()))
                .map(this::advisorCalendar);
    }

    private String advisorCalendar(AdvisorSummary advisor) {
        Instant now = clock.instant();
        List<BusyPeriod> busy = schedule.busy(advisor.id(), now.minus(Duration.ofDays(settings.pastDays())),
                now.plus(Duration.ofDays(settings.futureDays())));
        var calendar = publishing(message("notification.feed.advisor.name",
                SentenceName.bare(advisor.displayName()).after("de")));
        var organizer = territory.structure(advisor.structureId()).map(Outbox::organizer).orElse(null);
        var seen = new HashMap<String, Integer>();
        for (BusyPeriod period : busy) {
            // The activity's own id, not its time: a moved appointment stays the same event. An activity with
            // several separate periods numbers the later ones.
            String name = "busy-" + period.ownerKind().toLowerCase(Locale.ROOT).replace('_', '-') + "-" + period.ownerId();
            int repeat = seen.merge(name, 1, Integer::sum);
            // An absence says « Absent », never its kind (an illness is health data; calendars travel far).
            String summary = ABSENCE_OWNER.equals(period.ownerKind()) ? message("notification.feed.advisor.absent")
                    : period.label();
            calendar.add(event(period.start(), period.end(), summary,
                    invitations.uid(repeat == 1 ? name : name + "-" + repeat), organizer, now));
        }
        return IcsWriter.write(calendar);
    }

    /** The structure's upcoming public sessions, or empty for an unknown structure. */
    @Transactional(readOnly = true)
    public Optional<Programme> programme(String slug) {
        return territory.structureBySlug(slug).map(structure -> {
            Instant now = clock.instant();
            Instant until = now.plus(Duration.ofDays(settings.futureDays()));
            LocalDate today = LocalDate.ofInstant(now, ParisTime.ZONE);
            var items = catalogue.upcoming(structure.id(), SessionFilter.all().between(today, LocalDate.ofInstant(until,
                            ParisTime.ZONE))).stream()
                    .filter(card -> card.start().isBefore(until))
                    .map(card -> new ProgrammeItem(card.id(), card.title(), card.start(), card.end(), card.placeName(),
                            card.placeAddress(), card.seatsLeft()))
                    .sorted(Comparator.comparing(ProgrammeItem::start).thenComparing(ProgrammeItem::sessionId))
                    .toList();
            return new Programme(structure, urls.of(ResidentPaths.ateliers(structure.slug())), items);
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
            var organizer = Outbox.organizer(programme.structure());
            for (ProgrammeItem item : programme.items()) {
                var event = event(item.start(), item.end(), item.title(),
                        invitations.uid("atelier-session-" + item.sessionId()), organizer, now);
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

    private VEvent event(Instant start, Instant end, String summary, String uid, CalendarEntry.Party organizer,
                         Instant now) {
        var event = new VEvent(start, end, summary);
        event.replace(new DtStamp(now));
        event.add(new Uid(uid));
        event.add(invitations.organizer(organizer));
        event.add(ImmutableTransp.OPAQUE);
        return event;
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, Locale.FRENCH);
    }
}
