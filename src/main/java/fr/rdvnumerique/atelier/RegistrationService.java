package fr.rdvnumerique.atelier;

import fr.rdvnumerique.atelier.domain.Registrar;
import fr.rdvnumerique.atelier.domain.RegistrationRepository;
import fr.rdvnumerique.atelier.domain.RegistrationToken;
import fr.rdvnumerique.atelier.domain.RegistrationTokenRepository;
import fr.rdvnumerique.base.db.ConflictRetry;
import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.base.domain.InvalidValueException;
import fr.rdvnumerique.base.web.SecretTokens;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Residents' side of the ateliers, for the public portal and the kiosk: register, see and cancel through the
 * private link. Also what the notification module needs: a fresh link per mail and the details of a
 * registration. No sign-in: the private link is the person's key.
 */
@Service
public class RegistrationService {

    private final RegistrationDesk desk;
    private final Registrar registrar;
    private final AtelierReads reads;
    private final RegistrationRepository registrations;
    private final RegistrationTokenRepository tokens;
    private final ConflictRetry retry;
    private final Clock clock;

    RegistrationService(RegistrationDesk desk, Registrar registrar, AtelierReads reads,
                        RegistrationRepository registrations, RegistrationTokenRepository tokens, ConflictRetry retry,
                        Clock clock) {
        this.desk = desk;
        this.registrar = registrar;
        this.reads = reads;
        this.registrations = registrations;
        this.tokens = tokens;
        this.retry = retry;
        this.clock = clock;
    }

    /**
     * Registers a person from the web or the kiosk (staff use {@link RosterService#registerOnBehalf}).
     *
     * @throws InvalidValueException when a value is wrong (the key names the rule); nothing is saved
     */
    public RegistrationResult register(RegistrationRequest request) {
        if (request.channel() != Channel.WEB && request.channel() != Channel.KIOSK) {
            throw new IllegalArgumentException("Web or kiosk registrations only; staff use RosterService");
        }
        return desk.register(request);
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
        long sessionId = reads.ownerOfRegistration(registrationId)[1];
        retry.runInTransaction(() -> registrar.cancel(sessionId, registrationId, CancelledBy.PERSON,
                CancellationReason.PERSON_REQUEST));
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

    /** Everything a mail about this registration needs, as it is now. */
    public RegistrationDetails details(long registrationId) {
        return reads.details(registrationId);
    }

    private Optional<Long> registrationIdOf(String token) {
        if (!SecretTokens.looksValid(token)) {
            return Optional.empty();
        }
        return tokens.findRegistrationIdByHash(SecretTokens.hash(token));
    }
}
