package fr.rdvnumerique.notification.feed;

import fr.rdvnumerique.base.time.ParisTime;
import fr.rdvnumerique.notification.internal.CalendarFeeds;
import fr.rdvnumerique.notification.internal.ProgrammeItem;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Calendar feeds under {@code /public/**} (open to all, see the security configuration): an advisor's private
 * feed by token, a structure's atelier programme as iCalendar and JSON. Unknown or revoked → 404.
 */
@RestController
class CalendarFeedController {

    static final MediaType CALENDAR = MediaType.parseMediaType("text/calendar;charset=utf-8");

    private final CalendarFeeds feeds;

    CalendarFeedController(CalendarFeeds feeds) {
        this.feeds = feeds;
    }

    @GetMapping("/public/feeds/conseiller/{token}.ics")
    ResponseEntity<byte[]> advisor(@PathVariable String token) {
        return feeds.advisorCalendar(token)
                // Private: no shared cache may keep it.
                .map(ics -> calendar(ics, CacheControl.noStore()))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @GetMapping("/public/feeds/{slug}/ateliers.ics")
    ResponseEntity<byte[]> programmeCalendar(@PathVariable String slug) {
        return feeds.programmeCalendar(slug)
                .map(ics -> calendar(ics, CacheControl.maxAge(Duration.ofMinutes(15)).cachePublic()))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @GetMapping(value = "/public/feeds/{slug}/ateliers.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ProgrammeJson> programmeJson(@PathVariable String slug) {
        return feeds.programme(slug)
                .map(programme -> ResponseEntity.ok()
                        .cacheControl(CacheControl.maxAge(Duration.ofMinutes(15)).cachePublic())
                        .body(new ProgrammeJson(programme.structure().name(), programme.structure().slug(),
                                programme.pageUrl(), programme.structure().phone() == null ? null
                                : programme.structure().phone().display(),
                                programme.items().stream().map(CalendarFeedController::session).toList())))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    private static ResponseEntity<byte[]> calendar(String ics, CacheControl cache) {
        return ResponseEntity.ok().contentType(CALENDAR).cacheControl(cache).body(ics.getBytes(StandardCharsets.UTF_8));
    }

    /** The programme for commune websites: sessions only, no one's name. */
    record ProgrammeJson(String structure, String slug, String page, String phone, List<SessionJson> sessions) {
    }

    /** Times in Paris local time with their offset, e.g. "2026-12-01T14:00:00+01:00". */
    record SessionJson(long id, String title, String start, String end, String place, String address, int seatsLeft,
                       boolean full) {
    }

    private static SessionJson session(ProgrammeItem item) {
        return new SessionJson(item.sessionId(), item.title(), iso(item.start()), iso(item.end()), item.placeName(),
                item.address(), Math.max(0, item.seatsLeft()), item.seatsLeft() <= 0);
    }

    private static String iso(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(ParisTime.ZONE));
    }
}
