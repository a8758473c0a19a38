package fr.rdvnumerique.atelier;

import fr.rdvnumerique.atelier.domain.AtelierSession;
import fr.rdvnumerique.atelier.domain.Workshop;
import fr.rdvnumerique.atelier.domain.WorkshopRepository;
import fr.rdvnumerique.atelier.domain.SessionRepository;
import fr.rdvnumerique.atelier.domain.SessionSearch;
import fr.rdvnumerique.base.time.ParisTime;
import fr.rdvnumerique.territory.PlaceSummary;
import fr.rdvnumerique.territory.TerritoryDirectory;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Upcoming sessions as residents and the kiosk see them. Public information: no sign-in needed. Each call
 * runs a fixed number of queries (sessions, their workshops with themes, the structure's places), whatever
 * the number of sessions.
 */
@Service
@Transactional(readOnly = true)
public class AtelierCatalogue {

    /** Upper bound of one listing: a structure runs a few sessions a week. */
    static final int MAX_SESSIONS = 500;

    private final SessionRepository sessions;
    private final WorkshopRepository workshops;
    private final TerritoryDirectory directory;
    private final AtelierProperties properties;
    private final Clock clock;

    AtelierCatalogue(SessionRepository sessions, WorkshopRepository workshops, TerritoryDirectory directory,
                     AtelierProperties properties, Clock clock) {
        this.sessions = sessions;
        this.workshops = workshops;
        this.directory = directory;
        this.properties = properties;
        this.clock = clock;
    }

    /** Scheduled sessions of a structure that have not ended, by start (at the preferred place first). */
    public List<SessionCard> upcoming(long structureId, SessionFilter filter) {
        Instant now = clock.instant();
        Optional<SessionSearch> search = search(structureId, filter, now);
        if (search.isEmpty()) {
            return List.of();
        }
        List<SessionCard> cards = cards(structureId, find(search.get(), MAX_SESSIONS), now);
        if (filter.preferredPlaceId() != null) {
            long preferred = filter.preferredPlaceId();
            cards = cards.stream().sorted(Comparator.comparing((SessionCard c) -> c.placeId() != preferred)).toList();
        }
        return cards;
    }

    /**
     * One page of {@link #upcoming} (without the preferred place): the filters, the order and the page are the
     * database's, so a screen holds one page whatever the size of the programme.
     *
     * @param after the last session of the previous page, or null for the first page
     */
    public SessionPage page(long structureId, SessionFilter filter, SessionPage.Cursor after, int size) {
        Instant now = clock.instant();
        Optional<SessionSearch> search = search(structureId, filter, now);
        if (search.isEmpty()) {
            return new SessionPage(List.of(), false);
        }
        SessionSearch query = after == null ? search.get() : search.get().after(after.start(), after.id());
        List<AtelierSession> found = find(query, size + 1);
        boolean more = found.size() > size;
        return new SessionPage(cards(structureId, more ? found.subList(0, size) : found, now), more);
    }

    /** How many sessions {@link #upcoming} lists, counted by the database. */
    public long count(long structureId, SessionFilter filter) {
        return search(structureId, filter, clock.instant()).map(sessions::count).orElse(0L);
    }

    private List<AtelierSession> find(SessionSearch search, int limit) {
        return sessions.findBy(search, q -> q.sortBy(Sort.by("startsAt", "id")).limit(limit).all());
    }

    /** The filter as a query, or empty when its period has nothing left to show. */
    private Optional<SessionSearch> search(long structureId, SessionFilter filter, Instant now) {
        LocalDate today = LocalDate.now(clock.withZone(ParisTime.ZONE));
        LocalDate from = filter.from() == null || filter.from().isBefore(today) ? today : filter.from();
        LocalDate to = filter.to() == null ? today.plusWeeks(properties.listWeeks()) : filter.to();
        Instant fromInstant = max(now, from.atStartOfDay(ParisTime.ZONE).toInstant());
        Instant toInstant = to.plusDays(1).atStartOfDay(ParisTime.ZONE).toInstant();
        if (!toInstant.isAfter(fromInstant)) {
            return Optional.empty();
        }
        List<Long> communePlaces = filter.communeId() == null ? null : directory.allPlaces(structureId).stream()
                .filter(p -> p.communeId() == filter.communeId()).map(PlaceSummary::id).toList();
        List<String> words = filter.search() == null || filter.search().isBlank() ? List.of()
                : Arrays.stream(fold(filter.search()).strip().split("\\s+")).filter(w -> !w.isEmpty()).toList();
        return Optional.of(new SessionSearch(structureId, fromInstant, toInstant, communePlaces, filter.placeId(),
                filter.theme(), filter.level(), words, filter.onlyWithSeats() ? now : null, null, null));
    }

    /** A session of any status (a link may point to a cancelled one: the page then says so). */
    public Optional<SessionCard> session(long sessionId) {
        return sessions.findById(sessionId).map(s -> card(s, null, clock.instant()));
    }

    SessionCard card(AtelierSession session, Workshop workshop, Instant now) {
        Workshop w = workshop != null ? workshop : workshops.findById(session.getWorkshopId()).orElseThrow();
        PlaceSummary place = directory.place(session.getPlaceId()).orElseThrow();
        return card(session, w, place, now);
    }

    private List<SessionCard> cards(long structureId, List<AtelierSession> found, Instant now) {
        if (found.isEmpty()) {
            return List.of();
        }
        Map<Long, PlaceSummary> places = directory.places(structureId).stream()
                .collect(Collectors.toMap(PlaceSummary::id, Function.identity()));
        Map<Long, Workshop> byId = workshopsById(found.stream().map(AtelierSession::getWorkshopId).toList());
        var cards = new ArrayList<SessionCard>(found.size());
        var extraPlaces = new HashMap<Long, PlaceSummary>();
        for (AtelierSession s : found) {
            PlaceSummary place = places.get(s.getPlaceId());
            if (place == null) {
                // A place deactivated since: still where this session happens.
                place = extraPlaces.computeIfAbsent(s.getPlaceId(), id -> directory.place(id).orElseThrow());
            }
            cards.add(card(s, byId.get(s.getWorkshopId()), place, now));
        }
        return cards;
    }

    Map<Long, Workshop> workshopsById(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return workshops.findWithThemesByIdIn(ids.stream().distinct().toList()).stream()
                .collect(Collectors.toMap(Workshop::getId, Function.identity(), (a, b) -> a));
    }

    static SessionCard card(AtelierSession s, Workshop w, PlaceSummary place, Instant now) {
        return new SessionCard(s.getId(), s.getStructureId(), w.getId(), w.getTitle(), w.getDescription(),
                w.getThemes(), w.getLevel(), w.getWhatToBring(), w.getEquipmentProvided(), s.getStartsAt(),
                s.getEndsAt(), place.id(), place.name(), place.fullAddress(), place.communeId(), place.communeName(),
                place.stepFreeAccess(), place.transport(), place.parking(), place.publicNotes(), s.getCapacity(),
                s.getConfirmedSeats(), s.getWaitingCount(), s.seatsLeft(), s.isRegistrationOpen(now)
                        && now.isBefore(s.getStartsAt()), s.getRegistrationOpensAt(), s.getRegistrationClosesAt(),
                s.getStatus());
    }

    /** Lower case without accents: « Découvrir » → « decouvrir ». */
    static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
