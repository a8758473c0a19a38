package fr.rdvnumerique.atelier;

import fr.rdvnumerique.base.ops.Causes;
import fr.rdvnumerique.atelier.domain.Participant;
import fr.rdvnumerique.atelier.domain.RegistrationRepository;
import fr.rdvnumerique.atelier.domain.RegistrationToken;
import fr.rdvnumerique.atelier.domain.RegistrationTokenRepository;
import fr.rdvnumerique.base.audit.AuditActor;
import fr.rdvnumerique.base.audit.AuditTrail;
import fr.rdvnumerique.base.db.ConflictRetry;
import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.base.domain.CancelledBy;
import fr.rdvnumerique.base.domain.Channel;
import fr.rdvnumerique.base.domain.InvalidValueException;
import fr.rdvnumerique.base.domain.NoticeChoice;
import fr.rdvnumerique.base.domain.PersonName;
import fr.rdvnumerique.base.domain.PlaceResult;
import fr.rdvnumerique.base.domain.Resident;
import fr.rdvnumerique.base.web.RateLimiter;
import fr.rdvnumerique.base.web.PrivateLinks;
import fr.rdvnumerique.base.web.SecretTokens;
import fr.rdvnumerique.territory.CommuneSummary;
import fr.rdvnumerique.territory.TerritoryDirectory;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Residents' side of the ateliers, for the public portal and the kiosk: register, see and cancel through the
 * private link. Also what the notification module needs: a fresh link per mail and the details of a
 * registration. No sign-in: the private link is the person's key.
 */
@Service
public class RegistrationService {

    /** Rate-limit purpose of registrations: per client address on the web, per kiosk at the médiathèque. */
    public static final String RATE_LIMIT_PURPOSE = "atelier-registration";

    private final RegistrationQueue queue;
    private final AtelierWrites writes;
    private final AtelierReads reads;
    private final TerritoryDirectory directory;
    private final RegistrationRepository registrations;
    private final RegistrationTokenRepository tokens;
    private final RateLimiter limiter;
    private final AtelierProperties properties;
    private final ConflictRetry retry;
    private final Clock clock;
    private final AuditTrail audit;
    private final PrivateLinks links;

    RegistrationService(RegistrationQueue queue, AtelierWrites writes, AtelierReads reads, TerritoryDirectory directory,
                        RegistrationRepository registrations, RegistrationTokenRepository tokens, RateLimiter limiter,
                        AtelierProperties properties, ConflictRetry retry, Clock clock, AuditTrail audit,
                        PrivateLinks links) {
        this.audit = audit;
        this.queue = queue;
        this.writes = writes;
        this.reads = reads;
        this.directory = directory;
        this.registrations = registrations;
        this.tokens = tokens;
        this.limiter = limiter;
        this.properties = properties;
        this.retry = retry;
        this.clock = clock;
        this.links = links;
    }

    /** Registers a person from the web or the kiosk (staff use {@link RosterService#registerOnBehalf}). */
    public PlaceResult<Seats, Void> register(RegistrationRequest request) {
        if (request.origin().channel() == Channel.STAFF) {
            throw new IllegalArgumentException("Web or kiosk registrations only; staff use RosterService");
        }
        return take(request);
    }

    /**
     * Registration, the same for every channel: the request parsed into value objects (a wrong value answers
     * {@code Invalid}, naming the field), the rate limit of its channel, then the session's queue, which runs the
     * transaction ({@link AtelierWrites#registerAll}: the session's lock, then the aggregate decides) in
     * {@link ConflictRetry}. Not {@code @Transactional}.
     */
    PlaceResult<Seats, Void> take(RegistrationRequest request) {
        AtelierWrites.Candidate candidate;
        try {
            candidate = candidate(request);
        } catch (InvalidValueException e) {
            return PlaceResult.Invalid.of(e);
        } catch (BusinessRuleException e) {
            return refused(e);
        }
        if (!limiter.tryAcquire(RATE_LIMIT_PURPOSE, request.origin(), properties.formSubmissionsPerHour(),
                properties.kioskRegistrationsPerHour())) {
            return new PlaceResult.TryLater<>("error.rate-limited");
        }
        try {
            return queue.register(request.sessionId(), candidate);
        } catch (ConflictRetry.Busy e) {
            return new PlaceResult.TryLater<>(e.messageKey());
        } catch (BusinessRuleException e) {
            return refused(e);
        } catch (DataIntegrityViolationException e) {
            // Another instance registered the same contact at the same moment: the unique keys caught it.
            Resident resident = candidate.person().resident();
            if (isDuplicateContact(e)) {
                return reads.alreadyHeld(request.sessionId(), resident.emailKey(), resident.phoneE164())
                        .<PlaceResult<Seats, Void>>map(held -> held).orElseThrow(() -> e);
            }
            throw e;
        }
    }

    /** Whether a private link opens a registration (reads only: opening a link changes nothing). */
    public boolean linkWorks(String token) {
        return registrationIdOf(token).isPresent();
    }

    /** The registration behind a private link, if the link is valid. */
    public Optional<ManagedRegistration> findByToken(String token) {
        return registrationIdOf(token).map(reads::managed);
    }

    /**
     * Cancels the registration behind a private link (until the session starts). Freed seats go to the first
     * people waiting.
     */
    public ManagedRegistration cancelByToken(String token) {
        long registrationId = registrationIdOf(token).orElseThrow(() -> new BusinessRuleException("atelier.manage.invalid-link"));
        long sessionId = reads.ownerOfRegistration(registrationId).sessionId();
        retry.runInTransaction(() -> writes.cancel(sessionId, registrationId, CancelledBy.PERSON,
                CancellationReason.PERSON_REQUEST));
        return reads.managed(registrationId);
    }

    /**
     * « Je viens » from the link of a reminder or an offer: a seat offered to this person is theirs (before the
     * offer lapses); a person with a seat is noted as coming (staff see it in the roster).
     */
    public ManagedRegistration confirmPresenceByToken(String token) {
        long registrationId = registrationIdOf(token).orElseThrow(() -> new BusinessRuleException("atelier.manage.invalid-link"));
        long sessionId = reads.ownerOfRegistration(registrationId).sessionId();
        retry.runInTransaction(() -> writes.confirmComing(sessionId, registrationId));
        return reads.managed(registrationId);
    }

    /**
     * The person gives another e-mail or phone (at least one, checked by the shared {@link Resident} rules), until the
     * session starts: the new contact gets the confirmation, the old one a notice.
     *
     * @throws InvalidValueException naming the field ({@code email}, {@code phone}, {@code contact})
     */
    public ManagedRegistration changeContactByToken(String token, String email, String phone) {
        long registrationId = registrationIdOf(token).orElseThrow(() -> new BusinessRuleException("atelier.manage.invalid-link"));
        ManagedRegistration current = reads.managed(registrationId);
        Resident resident = Resident.parse(current.firstName(), current.lastName(), email, phone);
        long sessionId = reads.ownerOfRegistration(registrationId).sessionId();
        retry.runInTransaction(() -> writes.changeContact(sessionId, registrationId, resident));
        return reads.managed(registrationId);
    }

    /**
     * The other dates of the same workshop the registration behind a link could move to: scheduled, open to
     * registrations, with a free seat, not the current one; by date.
     */
    public java.util.List<SessionCard> otherSessions(String token) {
        return registrationIdOf(token).map(reads::otherSessions).orElse(java.util.List.of());
    }

    /**
     * Moves the registration behind a link to another session of the same workshop, until its session starts: the
     * new seat is taken and the old one freed in one transaction; the old session's waiting list gets the seat.
     */
    public ManagedRegistration moveByToken(String token, long targetSessionId) {
        long registrationId = registrationIdOf(token).orElseThrow(() -> new BusinessRuleException("atelier.manage.invalid-link"));
        long sessionId = reads.ownerOfRegistration(registrationId).sessionId();
        retry.runInTransaction(() -> writes.move(sessionId, targetSessionId, registrationId));
        return reads.managed(registrationId);
    }

    /**
     * A new private link for a registration (one per mail, so each mail carries a working link). Returns the
     * token to put in the link; only its hash is stored.
     */
    @Transactional
    public String issueManagementToken(long registrationId) {
        if (!registrations.existsById(registrationId)) {
            throw new BusinessRuleException("error.not-found");
        }
        String token = SecretTokens.generate();
        tokens.save(new RegistrationToken(SecretTokens.hash(token), registrationId, clock.instant()));
        return token;
    }

    /**
     * Everything a mail about this registration needs, as it is now: for the notification module's listeners and
     * jobs only (PrivateDataAccessTest keeps every other caller out); a page reads it through the private link
     * ({@link #detailsByToken}).
     */
    public RegistrationDetails details(long registrationId) {
        return reads.details(registrationId);
    }

    /** The same, for the registration behind a private link (its calendar file), if the link is valid. */
    public Optional<RegistrationDetails> detailsByToken(String token) {
        return registrationIdOf(token).map(reads::details);
    }

    private Optional<Long> registrationIdOf(String token) {
        if (!SecretTokens.looksValid(token)) {
            return Optional.empty();
        }
        // A link of the booking works until its session ended more than the links' validity ago (ADR 014).
        return tokens.findLiveRegistrationIdByHash(SecretTokens.hash(token), links.endedNoEarlierThan(clock.instant()));
    }

    // --- Parsing ----------------------------------------------------------------------------------------------

    /** The request as value objects, with the private link to hand to the person. */
    private AtelierWrites.Candidate candidate(RegistrationRequest r) {
        Resident resident = Resident.parse(r.givenName(), r.familyName(), r.email(), r.phone());
        boolean companionGiven = !blank(r.companionGivenName());
        boolean companionFamily = !blank(r.companionFamilyName());
        if (companionGiven != companionFamily) {
            throw InvalidValueException.forField(Participant.COMPANION, "atelier.registration.companion.incomplete");
        }
        PersonName companionGivenName = companionGiven
                ? InvalidValueException.inField(Participant.COMPANION, () -> PersonName.of(r.companionGivenName())) : null;
        PersonName companionFamilyName = companionFamily
                ? InvalidValueException.inField(Participant.COMPANION, () -> PersonName.of(r.companionFamilyName())) : null;
        if (r.residenceCommuneId() != null) {
            long structureId = reads.structureOfSession(r.sessionId());
            if (directory.commune(r.residenceCommuneId()).map(CommuneSummary::structureId)
                    .filter(id -> id == structureId).isEmpty()) {
                throw InvalidValueException.forField(Participant.COMMUNE, "atelier.registration.commune.invalid");
            }
        }
        NoticeChoice noticeBy = r.origin().channel() == Channel.STAFF ? r.noticeBy() : null;
        if (noticeBy != null && noticeBy.missing(resident.contact()) != null) {
            throw InvalidValueException.forField(RegistrationRequest.NOTICE_BY, noticeBy.missing(resident.contact()));
        }
        var person = new Participant(resident, companionGivenName, companionFamilyName, r.residenceCommuneId(),
                r.residesElsewhere(), r.ageBand(), r.interests(), r.wantsReminders(), noticeBy);
        return new AtelierWrites.Candidate(person, r.origin(), SecretTokens.generate(), r.acceptWaitingList(),
                r.origin().channel() == Channel.STAFF ? audit.currentActor() : AuditActor.system());
    }

    private static PlaceResult<Seats, Void> refused(BusinessRuleException e) {
        return new PlaceResult.Refused<>(e.messageKey(), Arrays.asList(e.arguments()));
    }

    static boolean isDuplicateContact(Throwable error) {
        return Causes.find(error, SQLException.class, sql -> sql.getErrorCode() == 1062 && sql.getMessage() != null
                && (sql.getMessage().contains("uk_atelier_registration_email")
                || sql.getMessage().contains("uk_atelier_registration_phone"))).isPresent();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
