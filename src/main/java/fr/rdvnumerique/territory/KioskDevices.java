package fr.rdvnumerique.territory;

import fr.rdvnumerique.base.audit.AuditChanges;
import fr.rdvnumerique.base.audit.AuditKind;
import fr.rdvnumerique.base.audit.AuditTrail;
import fr.rdvnumerique.base.db.ConflictRetry;
import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.base.security.CurrentStaff;
import fr.rdvnumerique.base.web.SecretTokens;
import fr.rdvnumerique.territory.domain.Commune;
import fr.rdvnumerique.territory.domain.CommuneRepository;
import fr.rdvnumerique.territory.domain.KioskDevice;
import fr.rdvnumerique.territory.domain.KioskDeviceRepository;
import fr.rdvnumerique.territory.domain.Place;
import fr.rdvnumerique.territory.domain.PlaceRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Touch screens enrolled for a place. Coordinators enrol (a one-time link to open on the screen) and revoke;
 * the activation creates the screen's own secret, which the kiosk module resolves on every visit.
 */
@Service
public class KioskDevices {

    /** How often "last seen" is written, so a busy kiosk does not write on every page. */
    private static final Duration SEEN_GRANULARITY = Duration.ofMinutes(5);

    private final KioskDeviceRepository devices;
    private final PlaceRepository places;
    private final CommuneRepository communes;
    private final CurrentStaff staff;
    private final KioskEnrolmentSettings settings;
    private final ConflictRetry retry;
    private final Clock clock;

    private final AuditTrail audit;

    KioskDevices(KioskDeviceRepository devices, PlaceRepository places, CommuneRepository communes, CurrentStaff staff,
                 KioskEnrolmentSettings settings, ConflictRetry retry, Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.devices = devices;
        this.places = places;
        this.communes = communes;
        this.staff = staff;
        this.settings = settings;
        this.retry = retry;
        this.clock = clock;
    }

    /** Creates an enrolment for a place of the coordinator's structure and returns its secret (shown once). */
    @PreAuthorize("hasRole('COORDINATOR')")
    @Transactional
    public String enrol(long placeId, String label) {
        Place place = places.findById(placeId).orElseThrow(() -> new BusinessRuleException("error.not-found"));
        staff.checkStructure(place.getStructureId());
        String token = SecretTokens.generate();
        KioskDevice device = devices.save(new KioskDevice(place.getStructureId(), placeId, label,
                SecretTokens.hash(token), clock.instant()));
        audit.record(AuditKind.KIOSK_ENROLLED, device.getId(), place.getStructureId(), AuditChanges.value("place", placeId));
        return token;
    }

    @PreAuthorize("hasRole('COORDINATOR')")
    @Transactional
    public void revoke(long deviceId) {
        KioskDevice device = devices.findById(deviceId).orElseThrow(() -> new BusinessRuleException("error.not-found"));
        staff.checkStructure(device.getStructureId());
        device.revoke(clock.instant());
        audit.record(AuditKind.KIOSK_REVOKED, deviceId, device.getStructureId(),
                AuditChanges.value("place", device.getPlaceId()));
    }

    @PreAuthorize("hasRole('COORDINATOR')")
    @Transactional(readOnly = true)
    public Slice<KioskDeviceSummary> list(Pageable pageable) {
        long structureId = staff.structureId();
        var now = clock.instant();
        Map<Long, Place> byId = places.findByStructureIdOrderByName(structureId).stream()
                .collect(Collectors.toMap(Place::getId, Function.identity()));
        Set<Long> openCommunes = communes.findByStructureIdOrderByName(structureId).stream()
                .filter(Commune::isActive).map(Commune::getId).collect(Collectors.toSet());
        return devices.findByStructureIdOrderByCreatedAtDesc(structureId, pageable).map(d -> {
            Place place = byId.get(d.getPlaceId());
            return new KioskDeviceSummary(d.getId(), d.getPlaceId(), place == null ? "" : place.getName(),
                    d.getLabel(), d.getCreatedAt(), d.getActivatedAt(), d.getRevokedAt(), d.getLastSeenAt(),
                    d.linkExpired(now, settings.linkValidity()),
                    place == null || !place.isActive() || !openCommunes.contains(place.getCommuneId()));
        });
    }

    /**
     * The screen an activation link would enrol, without using the link: what the activation page shows before
     * staff touch « Activer ». Opening the address (a mail's link scanner, a preview) changes nothing.
     */
    @Transactional(readOnly = true)
    public Optional<KioskDeviceRef> pending(String linkToken) {
        return findByLink(linkToken).filter(d -> d.awaitsActivation(clock.instant(), settings.linkValidity()))
                .map(KioskDevices::ref);
    }

    /**
     * Uses the activation link, once, within {@code rdv.kiosk.enrolment.link-validity} of its creation, for a
     * device neither activated nor revoked, and creates the screen's own secret (returned once, stored hashed).
     * Two screens touching « Activer » with the same link at once: the row lock lets one win.
     */
    public Optional<KioskActivation> activate(String linkToken) {
        if (!SecretTokens.looksValid(linkToken)) {
            return Optional.empty();
        }
        return retry.inTransaction(() -> devices.findByTokenHashForUpdate(SecretTokens.hash(linkToken)).flatMap(device -> {
            String secret = SecretTokens.generate();
            if (!device.activate(clock.instant(), settings.linkValidity(), SecretTokens.hash(secret))) {
                return Optional.empty();
            }
            return Optional.of(new KioskActivation(ref(device), secret));
        }));
    }

    /**
     * What the screen with this secret may do now. Read from the database on every call (the kiosk asks again
     * before each registration), so a revocation, or a place, commune or structure switched off, stops the screen
     * at once.
     */
    @Transactional
    public KioskAccess resolve(String secret) {
        if (!SecretTokens.looksValid(secret)) {
            return KioskAccess.notEnrolled();
        }
        return devices.findBySecretHash(SecretTokens.hash(secret)).filter(KioskDevice::isUsable).map(device -> {
            var now = clock.instant();
            Instant notBefore = now.minus(SEEN_GRANULARITY);
            // Most calls fall within the granularity: no statement at all for them.
            if (device.getLastSeenAt() == null || device.getLastSeenAt().isBefore(notBefore)) {
                devices.markSeen(device.getId(), now, notBefore);
            }
            return devices.placeInService(device.getPlaceId())
                    ? (KioskAccess) new KioskAccess.InService(ref(device))
                    : new KioskAccess.SwitchedOff(ref(device));
        }).orElseGet(KioskAccess::notEnrolled);
    }

    private Optional<KioskDevice> findByLink(String linkToken) {
        if (!SecretTokens.looksValid(linkToken)) {
            return Optional.empty();
        }
        return devices.findByTokenHash(SecretTokens.hash(linkToken));
    }

    private static KioskDeviceRef ref(KioskDevice device) {
        return new KioskDeviceRef(device.getId(), device.getStructureId(), device.getPlaceId(), device.getLabel());
    }
}
