package fr.rdvnumerique.atelier;

import fr.rdvnumerique.atelier.domain.Admission;
import fr.rdvnumerique.atelier.domain.Participant;
import fr.rdvnumerique.atelier.domain.Registrar;
import fr.rdvnumerique.atelier.domain.Registration;
import fr.rdvnumerique.base.db.ConflictRetry;
import fr.rdvnumerique.base.domain.ContactDetails;
import fr.rdvnumerique.base.domain.EmailAddress;
import fr.rdvnumerique.base.domain.InvalidValueException;
import fr.rdvnumerique.base.domain.PersonName;
import fr.rdvnumerique.base.domain.PhoneNumber;
import fr.rdvnumerique.base.web.SecretTokens;
import fr.rdvnumerique.territory.CommuneSummary;
import fr.rdvnumerique.territory.TerritoryDirectory;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Registration itself, shared by {@link RegistrationService} (web, kiosk) and {@link RosterService} (staff).
 * Not {@code @Transactional}: checks that need no lock (duplicate, cap) run first, then the locked transaction
 * runs through {@link ConflictRetry}, which starts it again on a deadlock, lock wait timeout or snapshot
 * conflict.
 */
@Component
class RegistrationDesk {

    private final Registrar registrar;
    private final AtelierReads reads;
    private final TerritoryDirectory directory;
    private final ConflictRetry retry;
    private final AtelierProperties properties;

    RegistrationDesk(Registrar registrar, AtelierReads reads, TerritoryDirectory directory, ConflictRetry retry,
                     AtelierProperties properties) {
        this.registrar = registrar;
        this.reads = reads;
        this.directory = directory;
        this.retry = retry;
        this.properties = properties;
    }

    /** Registers through any channel; callers check who may use which. */
    public RegistrationResult register(RegistrationRequest request) {
        Participant person = participant(request);
        long structureId = reads.structureOfSession(request.sessionId());
        if (person.residenceCommuneId() != null && directory.commune(person.residenceCommuneId())
                .map(CommuneSummary::structureId).filter(id -> id == structureId).isEmpty()) {
            throw new InvalidValueException("atelier.registration.commune.invalid");
        }
        String emailKey = person.contact().emailAddress().map(EmailAddress::canonical).orElse(null);
        String phone = person.contact().phoneNumber().map(PhoneNumber::e164).orElse(null);

        // Friendly checks before the lock; the unique keys settle races between them and the registration.
        Optional<Registration> existing = reads.activeByContact(request.sessionId(), emailKey, phone);
        if (existing.isPresent()) {
            return reads.alreadyRegistered(existing.get());
        }
        if (request.channel() != Channel.STAFF
                && reads.activeUpcomingByContact(emailKey, phone) >= properties.maxActiveRegistrationsPerContact()) {
            return new RegistrationResult.Rejected("atelier.registration.refused.too-many",
                    List.of(properties.maxActiveRegistrationsPerContact()));
        }

        String token = SecretTokens.generate();
        Registrar.Registered registered;
        try {
            registered = retry.inTransaction(() -> registrar.register(request.sessionId(), person, request.channel(),
                    request.kioskDeviceId(), SecretTokens.hash(token)));
        } catch (DataIntegrityViolationException e) {
            if (isDuplicateContact(e)) {
                return reads.activeByContact(request.sessionId(), emailKey, phone).map(reads::alreadyRegistered)
                        .orElseThrow(() -> e);
            }
            throw e;
        }
        Registration registration = registered.registration();
        return switch (registered.admission()) {
            case Admission.Confirmed c -> new RegistrationResult.Confirmed(registration.getId(),
                    registration.getSeats(), token);
            case Admission.Waitlisted w -> new RegistrationResult.Waitlisted(registration.getId(),
                    registration.getSeats(), w.position(), token);
            case Admission.Refused r -> new RegistrationResult.Rejected(r.reasonKey(), r.arguments());
        };
    }

    static Participant participant(RegistrationRequest r) {
        PersonName first = PersonName.of(r.firstName());
        PersonName last = PersonName.of(r.lastName());
        ContactDetails contact = ContactDetails.of(r.email(), r.phone());
        boolean companionFirst = r.companionFirstName() != null && !r.companionFirstName().isBlank();
        boolean companionLast = r.companionLastName() != null && !r.companionLastName().isBlank();
        if (companionFirst != companionLast) {
            throw new InvalidValueException("atelier.registration.companion.incomplete");
        }
        PersonName companionFirstName = companionFirst ? PersonName.of(r.companionFirstName()) : null;
        PersonName companionLastName = companionLast ? PersonName.of(r.companionLastName()) : null;
        return new Participant(first, last, contact, companionFirstName, companionLastName, r.residenceCommuneId(),
                r.residesElsewhere(), r.ageBand(), r.interests(), r.wantsReminders());
    }

    static boolean isDuplicateContact(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getErrorCode() == 1062 && sql.getMessage() != null
                    && (sql.getMessage().contains("uk_atelier_registration_email")
                    || sql.getMessage().contains("uk_atelier_registration_phone"))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
