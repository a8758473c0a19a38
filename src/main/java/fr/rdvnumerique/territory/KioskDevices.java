package fr.rdvnumerique.territory;

import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.base.security.CurrentStaff;
import fr.rdvnumerique.base.web.SecretTokens;
import fr.rdvnumerique.territory.domain.KioskDevice;
import fr.rdvnumerique.territory.domain.KioskDeviceRepository;
import fr.rdvnumerique.territory.domain.Place;
import fr.rdvnumerique.territory.domain.PlaceRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Touch screens enrolled for a place. Coordinators enrol (a one-time link to open on the screen) and revoke;
 * the kiosk module resolves the screen's secret on every visit.
 */
@Service
public class KioskDevices {

    /** How often "last seen" is written, so a busy kiosk does not write on every page. */
    private static final Duration SEEN_GRANULARITY = Duration.ofMinutes(5);

    private final KioskDeviceRepository devices;
    private final PlaceRepository places;
    private final CurrentStaff staff;
    private final KioskEnrolmentSettings settings;
    private final Clock clock;

    KioskDevices(KioskDeviceRepository devices, PlaceRepository places, CurrentStaff staff,
                 KioskEnrolmentSettings settings, Clock clock) {
        this.devices = devices;
        this.places = places;
        this.staff = staff;
        this.settings = settings;
        this.clock = clock;
    }

    /** Creates an enrolment for a place of the coordinator's structure and returns its secret (shown once). */
    @PreAuthorize("hasRole('COORDINATOR')")
    @Transactional
    public String enrol(long placeId, String label) {
        Place place = places.findById(placeId).orElseThrow(() -> new BusinessRuleException("error.not-found"));
        staff.checkStructure(place.getStructureId());
        String token = SecretTokens.generate();
        devices.save(new KioskDevice(place.getStructureId(), placeId, label, SecretTokens.hash(token), clock.instant()));
        return token;
    }

    @PreAuthorize("hasRole('COORDINATOR')")
    @Transactional
    public void revoke(long deviceId) {
        KioskDevice device = devices.findById(deviceId).orElseThrow(() -> new BusinessRuleException("error.not-found"));
        staff.checkStructure(device.getStructureId());
        device.revoke(clock.instant());
    }

    @PreAuthorize("hasRole('COORDINATOR')")
    @Transactional(readOnly = true)
    public Slice<KioskDeviceSummary> list(Pageable pageable) {
        long structureId = staff.structureId();
        var now = clock.instant();
        Map<Long, Place> byId = places.findByStructureIdOrderByName(structureId).stream()
                .collect(Collectors.toMap(Place::getId, Function.identity()));
        return devices.findByStructureIdOrderByCreatedAtDesc(structureId, pageable).map(d -> new KioskDeviceSummary(
                d.getId(), d.getPlaceId(), byId.containsKey(d.getPlaceId()) ? byId.get(d.getPlaceId()).getName() : "",
                d.getLabel(), d.getCreatedAt(), d.getActivatedAt(), d.getRevokedAt(), d.getLastSeenAt(),
                d.linkExpired(now, settings.linkValidity())));
    }

    /**
     * Opens the enrolment on the screen: works once, within {@code rdv.kiosk.enrolment.link-validity} of its
     * creation, for a device neither activated nor revoked.
     */
    @Transactional
    public Optional<KioskDeviceRef> activate(String token) {
        return find(token).filter(d -> d.activate(clock.instant(), settings.linkValidity())).map(KioskDevices::ref);
    }

    /**
     * The screen a stored secret belongs to, if it is still enrolled. Read from the database on every call (the
     * kiosk asks again before each registration), so a revocation stops the screen at once.
     */
    @Transactional
    public Optional<KioskDeviceRef> resolve(String token) {
        return find(token).filter(KioskDevice::isUsable).map(device -> {
            var now = clock.instant();
            Instant notBefore = now.minus(SEEN_GRANULARITY);
            // Most calls fall within the granularity: no statement at all for them.
            if (device.getLastSeenAt() == null || device.getLastSeenAt().isBefore(notBefore)) {
                devices.markSeen(device.getId(), now, notBefore);
            }
            return ref(device);
        });
    }

    private Optional<KioskDevice> find(String token) {
        if (!SecretTokens.looksValid(token)) {
            return Optional.empty();
        }
        return devices.findByTokenHash(SecretTokens.hash(token));
    }

    private static KioskDeviceRef ref(KioskDevice device) {
        return new KioskDeviceRef(device.getId(), device.getStructureId(), device.getPlaceId(), device.getLabel());
    }
}
