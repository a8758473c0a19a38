package fr.rdvnumerique.atelier;

import fr.rdvnumerique.atelier.domain.AtelierSession;
import fr.rdvnumerique.atelier.domain.Registration;
import fr.rdvnumerique.atelier.domain.RegistrationRepository;
import fr.rdvnumerique.atelier.domain.SessionRepository;
import fr.rdvnumerique.atelier.domain.Workshop;
import fr.rdvnumerique.atelier.domain.WorkshopRepository;
import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.base.domain.PlaceResult;
import fr.rdvnumerique.territory.AdvisorSummary;
import fr.rdvnumerique.territory.PlaceSummary;
import fr.rdvnumerique.territory.TerritoryDirectory;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Read models of the module's services: records made for screens and mails, never managed entities. */
@Component
@Transactional(readOnly = true)
class AtelierReads {

    private final SessionRepository sessions;
    private final RegistrationRepository registrations;
    private final WorkshopRepository workshops;
    private final TerritoryDirectory directory;
    private final Clock clock;

    AtelierReads(SessionRepository sessions, RegistrationRepository registrations, WorkshopRepository workshops,
                 TerritoryDirectory directory, Clock clock) {
        this.sessions = sessions;
        this.registrations = registrations;
        this.workshops = workshops;
        this.directory = directory;
        this.clock = clock;
    }

    public long structureOfSession(long sessionId) {
        return sessions.findById(sessionId).map(AtelierSession::getStructureId)
                .orElseThrow(() -> new BusinessRuleException("atelier.session.not-found"));
    }

    /** (structure, session) of a registration. */
    /** A registration's status now (for the audit trail's « before »). */
    public RegistrationStatus statusOf(long registrationId) {
        return registrations.findById(registrationId).map(Registration::getStatus)
                .orElseThrow(() -> new BusinessRuleException("error.not-found"));
    }

    /** Where a registration belongs: its structure (whose staff may act on it) and its session (the lock). */
    public record Owner(long structureId, long sessionId) {
    }

    public Owner ownerOfRegistration(long registrationId) {
        Registration r = registrations.findById(registrationId)
                .orElseThrow(() -> new BusinessRuleException("error.not-found"));
        return new Owner(r.getStructureId(), r.getSessionId());
    }

    /** The registration this e-mail or phone holds for the session, as "already held", if any. */
    public Optional<PlaceResult.AlreadyHeld<Seats, Void>> alreadyHeld(long sessionId, String emailKey, String phone) {
        return registrations.findActiveByContact(sessionId, emailKey, phone).stream().findFirst()
                .map(r -> new PlaceResult.AlreadyHeld<>(r.getId(), position(r)));
    }

    public ManagedRegistration managed(long registrationId) {
        Registration r = registrations.findById(registrationId).orElseThrow(() -> new BusinessRuleException("error.not-found"));
        AtelierSession s = sessions.findById(r.getSessionId()).orElseThrow();
        Instant now = clock.instant();
        SessionCard card = card(s);
        String slug = directory.structure(s.getStructureId()).map(st -> st.slug()).orElse("");
        boolean cancellable = r.isActive() && now.isBefore(s.getStartsAt());
        return new ManagedRegistration(r.getId(), r.getFirstName(), r.getLastName(), companion(r), r.getSeats(),
                r.getStatus(), position(r), cancellable, r.getCancelledAt(), r.getCancelledBy(),
                r.getCancellationReason(), card, slug, r.getPresenceConfirmedAt(), r.getOfferExpiresAt(), r.getEmail(),
                r.getPhone() == null ? null : new fr.rdvnumerique.base.domain.PhoneNumber(r.getPhone()).display());
    }

    public java.util.List<SessionCard> otherSessions(long registrationId) {
        Registration r = registrations.findById(registrationId).orElseThrow(() -> new BusinessRuleException("error.not-found"));
        AtelierSession current = sessions.findById(r.getSessionId()).orElseThrow();
        Instant now = clock.instant();
        if (!r.isActive() || !now.isBefore(current.getStartsAt())) {
            return List.of();
        }
        Workshop w = workshops.findById(current.getWorkshopId()).orElseThrow();
        return sessions.findScheduledOfWorkshop(current.getWorkshopId(), now).stream()
                .filter(s -> s.getId() != current.getId().longValue() && s.isRegistrationOpen(now)
                        && s.getWaitingCount() == 0
                        && s.getConfirmedSeats() + s.getOfferedSeats() + r.getSeats() <= s.getCapacity())
                .map(s -> AtelierCatalogue.card(s, w, directory.place(s.getPlaceId()).orElseThrow(), now))
                .toList();
    }

    public RegistrationDetails details(long registrationId) {
        Registration r = registrations.findById(registrationId).orElseThrow(() -> new BusinessRuleException("error.not-found"));
        AtelierSession s = sessions.findById(r.getSessionId()).orElseThrow();
        Workshop w = workshops.findById(s.getWorkshopId()).orElseThrow();
        return new RegistrationDetails(r.getId(), s.getId(), s.getStructureId(), w.getId(), s.getAdvisorId(),
                r.getFirstName(), r.getLastName(), companion(r), r.getSeats(), r.getEmail(), r.getPhone(), r.isWantsReminders(), r.getStatus(), position(r),
                r.getChannel(), r.getSequence(), w.getTitle(), w.getDescription(), w.getWhatToBring(),
                w.getEquipmentProvided(), s.getStartsAt(), s.getEndsAt(), s.getPlaceId(), s.getStatus(), r.getNoticeBy());
    }

    public AtelierSession.Schedule schedule(long sessionId) {
        return sessions.findById(sessionId).map(AtelierSession::schedule)
                .orElseThrow(() -> new BusinessRuleException("atelier.session.not-found"));
    }

    public SessionCard card(long sessionId) {
        return card(sessions.findById(sessionId).orElseThrow(() -> new BusinessRuleException("atelier.session.not-found")));
    }

    private SessionCard card(AtelierSession s) {
        Workshop w = workshops.findById(s.getWorkshopId()).orElseThrow();
        PlaceSummary place = directory.place(s.getPlaceId()).orElseThrow();
        return AtelierCatalogue.card(s, w, place, clock.instant());
    }

    // --- Staff ----------------------------------------------------------------------------------------------

    public Slice<SessionSummary> summaries(long structureId, boolean past, Pageable pageable) {
        Slice<AtelierSession> page = past ? sessions.findPast(structureId, clock.instant(), pageable)
                : sessions.findUpcoming(structureId, clock.instant(), pageable);
        Map<Long, Workshop> byId = workshops.findWithThemesByIdIn(page.getContent().stream()
                .map(AtelierSession::getWorkshopId).distinct().toList()).stream()
                .collect(Collectors.toMap(Workshop::getId, Function.identity(), (a, b) -> a));
        Map<Long, String> placeNames = placeNames(structureId);
        Map<Long, String> advisorNames = directory.advisors(structureId).stream()
                .collect(Collectors.toMap(AdvisorSummary::id, AdvisorSummary::displayName));
        return page.map(s -> summary(s, byId.get(s.getWorkshopId()), placeNames, advisorNames));
    }

    public SessionRoster roster(long sessionId) {
        AtelierSession s = sessions.findById(sessionId).orElseThrow(() -> new BusinessRuleException("atelier.session.not-found"));
        Workshop w = workshops.findById(s.getWorkshopId()).orElseThrow();
        PlaceSummary place = directory.place(s.getPlaceId()).orElseThrow();
        String advisor = directory.advisor(s.getAdvisorId()).map(AdvisorSummary::displayName).orElse("");
        SessionSummary summary = summary(s, w, Map.of(place.id(), place.name()), Map.of(s.getAdvisorId(), advisor));
        List<Registration> all = registrations.findAllBySession(sessionId);
        var waiting = all.stream().filter(r -> r.getStatus() == RegistrationStatus.WAITING)
                .sorted(Comparator.comparing(Registration::getQueueRank)).toList();
        var positions = new java.util.HashMap<Long, Integer>();
        for (int i = 0; i < waiting.size(); i++) {
            positions.put(waiting.get(i).getId(), i + 1);
        }
        List<RosterEntry> confirmed = all.stream().filter(r -> r.getStatus() == RegistrationStatus.CONFIRMED)
                .map(r -> entry(r, null))
                .sorted(Comparator.comparing(RosterEntry::sortName, String.CASE_INSENSITIVE_ORDER)).toList();
        List<RosterEntry> waitingEntries = waiting.stream().map(r -> entry(r, positions.get(r.getId()))).toList();
        List<RosterEntry> cancelled = all.stream().filter(r -> r.getStatus() == RegistrationStatus.CANCELLED)
                .sorted(Comparator.comparing(Registration::getCancelledAt).reversed()).map(r -> entry(r, null)).toList();
        return new SessionRoster(summary, place.fullAddress(), confirmed, waitingEntries, cancelled);
    }

    private Map<Long, String> placeNames(long structureId) {
        return directory.places(structureId).stream().collect(Collectors.toMap(PlaceSummary::id, PlaceSummary::name));
    }

    private SessionSummary summary(AtelierSession s, Workshop w, Map<Long, String> placeNames,
                                   Map<Long, String> advisorNames) {
        String placeName = placeNames.get(s.getPlaceId());
        if (placeName == null) {
            placeName = directory.place(s.getPlaceId()).map(PlaceSummary::name).orElse("");
        }
        return new SessionSummary(s.getId(), w.getId(), w.getTitle(), w.getLevel(), s.getStartsAt(), s.getEndsAt(),
                s.getPlaceId(), placeName, s.getAdvisorId(), advisorNames.getOrDefault(s.getAdvisorId(), ""),
                s.getCapacity(), s.getConfirmedSeats(), s.getWaitingCount(), s.getStatus(), s.getSeriesKey(),
                s.getRegistrationClosesAt(), s.getEditVersion());
    }

    private static RosterEntry entry(Registration r, Integer position) {
        return new RosterEntry(r.getId(), r.getFirstName(), r.getLastName(), companion(r), r.getSeats(), r.getEmail(),
                r.getPhone() == null ? null : new fr.rdvnumerique.base.domain.PhoneNumber(r.getPhone()).display(),
                r.getStatus(), position, r.getChannel(), r.getCreatedAt(), r.getConfirmedAt(), r.getAttendance(),
                r.isWantsReminders(), r.getCancelledAt(), r.getCancelledBy(), r.getPresenceConfirmedAt(),
                r.getOfferExpiresAt());
    }

    private Integer position(Registration r) {
        return r.getStatus() == RegistrationStatus.WAITING ? registrations.positionOf(r.getSessionId(), r.getQueueRank())
                : null;
    }

    static String companion(Registration r) {
        return r.getCompanionFirstName() == null ? null : r.getCompanionFirstName() + " " + r.getCompanionLastName();
    }
}
