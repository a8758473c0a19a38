package fr.rdvnumerique.atelier.domain;

import fr.rdvnumerique.atelier.Attendance;
import fr.rdvnumerique.atelier.CancellationReason;
import fr.rdvnumerique.atelier.RegistrationStatus;
import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.base.domain.CancelledBy;
import fr.rdvnumerique.base.domain.Channel;
import fr.rdvnumerique.base.domain.Origin;
import fr.rdvnumerique.base.domain.Resident;
import fr.rdvnumerique.base.taxonomy.AgeBand;
import fr.rdvnumerique.base.taxonomy.Theme;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.hibernate.annotations.BatchSize;

/**
 * One person's registration to a session (with their accompanying person, if any). Its state changes only
 * through {@link AtelierSession}, which keeps the seat and waiting counters in step, under the session's row
 * lock. {@code sequence} counts the changes, for the iCalendar SEQUENCE of mails.
 */
@Entity
@Table(name = "atelier_registration")
public class Registration {

    /** From a sequence (blocks of 50): a group of registrations is inserted in one JDBC batch. */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "atelier_registration_seq")
    @SequenceGenerator(name = "atelier_registration_seq", sequenceName = "atelier_registration_seq", allocationSize = 50)
    private Long id;

    @Column(name = "session_id", nullable = false)
    private long sessionId;

    @Column(name = "structure_id", nullable = false)
    private long structureId;

    @Column(name = "first_name", nullable = false, length = 80)
    private String firstName;

    @Column(name = "last_name", nullable = false, length = 80)
    private String lastName;

    @Column(length = 254)
    private String email;

    @Column(name = "email_key", length = 254)
    private String emailKey;

    @Column(length = 20)
    private String phone;

    /** The person's pseudonymous key ({@code PersonKeys}): kept when the contact is anonymised or erased. */
    @Column(name = "person_key", length = 64)
    private String personKey;

    @Column(name = "companion_first_name", length = 80)
    private String companionFirstName;

    @Column(name = "companion_last_name", length = 80)
    private String companionLastName;

    @Column(nullable = false)
    private int seats;

    @Column(name = "residence_commune_id")
    private Long residenceCommuneId;

    @Column(name = "resides_elsewhere", nullable = false)
    private boolean residesElsewhere;

    @Enumerated(EnumType.STRING)
    @Column(name = "age_band", length = 20)
    private AgeBand ageBand;

    @BatchSize(size = 100)
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "atelier_registration_interest", joinColumns = @JoinColumn(name = "registration_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "theme", nullable = false, length = 50)
    private Set<Theme> interests = new HashSet<>();

    /** How the person wants to be told, when staff booked for them; null: by the contact they gave. */
    @Enumerated(EnumType.STRING)
    @Column(name = "notice_by", length = 12)
    private fr.rdvnumerique.base.domain.NoticeChoice noticeBy;

    @Column(name = "wants_reminders", nullable = false)
    private boolean wantsReminders;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private RegistrationStatus status;

    @Column(name = "queue_rank")
    private Long queueRank;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Channel channel;

    @Column(name = "kiosk_device_id", length = Origin.MAX_DEVICE_ID)
    private String kioskDeviceId;

    @Enumerated(EnumType.STRING)
    @Column(length = 10)
    private Attendance attendance;

    @Column(nullable = false)
    private int sequence;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "confirmed_at")
    private Instant confirmedAt;

    @Column(name = "waitlisted_at")
    private Instant waitlistedAt;

    @Column(name = "promoted_at")
    private Instant promotedAt;

    @Column(name = "moved_to_waiting_list_at")
    private Instant movedToWaitingListAt;

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "cancelled_by", length = 10)
    private CancelledBy cancelledBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "cancellation_reason", length = 20)
    private CancellationReason cancellationReason;

    @Column(name = "attendance_marked_at")
    private Instant attendanceMarkedAt;

    /** « Je viens »: when the person said they are coming (cleared if they lose their seat). */
    @Column(name = "presence_confirmed_at")
    private Instant presenceConfirmedAt;

    /** A seat freed shortly before the session is held for this waiting person until {@code offerExpiresAt}. */
    @Column(name = "offered_at")
    private Instant offeredAt;

    @Column(name = "offer_expires_at")
    private Instant offerExpiresAt;

    protected Registration() {
    }

    /** Made by {@link AtelierSession#register}, which has just admitted the seats. */
    Registration(AtelierSession session, Participant person, Admission admission, Origin origin, Instant now) {
        Resident resident = person.resident();
        this.sessionId = session.idOrZero();
        this.structureId = session.getStructureId();
        this.firstName = resident.givenName().value();
        this.lastName = resident.familyName().value();
        resident.contact().emailAddress().ifPresent(e -> {
            this.email = e.value();
            this.emailKey = e.canonical();
        });
        this.phone = resident.phoneE164();
        if (person.hasCompanion()) {
            this.companionFirstName = person.companionFirstName().value();
            this.companionLastName = person.companionLastName().value();
        }
        this.seats = person.seats();
        this.residenceCommuneId = person.residenceCommuneId();
        this.residesElsewhere = person.residesElsewhere();
        this.ageBand = person.ageBand();
        this.interests.addAll(person.interests());
        this.wantsReminders = person.wantsReminders();
        this.noticeBy = person.noticeBy();
        this.channel = origin.channel();
        this.kioskDeviceId = origin.deviceId();
        this.createdAt = now;
        this.sequence = 0;
        switch (admission) {
            case Admission.Confirmed c -> {
                this.status = RegistrationStatus.CONFIRMED;
                this.confirmedAt = now;
            }
            case Admission.Waitlisted w -> {
                this.status = RegistrationStatus.WAITING;
                this.queueRank = w.queueRank();
                this.waitlistedAt = now;
            }
            case Admission.Refused r -> throw new IllegalStateException("A refused admission makes no registration");
            case Admission.SeatGone g -> throw new IllegalStateException("A refused admission makes no registration");
        }
    }

    void promote(Instant now) {
        requireStatus(RegistrationStatus.WAITING);
        status = RegistrationStatus.CONFIRMED;
        queueRank = null;
        offeredAt = null;
        offerExpiresAt = null;
        promotedAt = now;
        confirmedAt = now;
        sequence++;
    }

    void moveToWaitingList(long rank, Instant now) {
        requireStatus(RegistrationStatus.CONFIRMED);
        status = RegistrationStatus.WAITING;
        queueRank = rank;
        attendance = null;
        attendanceMarkedAt = null;
        presenceConfirmedAt = null;
        movedToWaitingListAt = now;
        waitlistedAt = now;
        sequence++;
    }

    /** @return the status it had */
    RegistrationStatus cancel(CancelledBy by, CancellationReason reason, Instant now) {
        if (status == RegistrationStatus.CANCELLED) {
            throw new BusinessRuleException("atelier.registration.already-cancelled");
        }
        RegistrationStatus previous = status;
        status = RegistrationStatus.CANCELLED;
        queueRank = null;
        attendance = null;
        attendanceMarkedAt = null;
        presenceConfirmedAt = null;
        offeredAt = null;
        offerExpiresAt = null;
        cancelledAt = now;
        cancelledBy = by;
        cancellationReason = reason;
        sequence++;
        return previous;
    }

    /**
     * The person gives another e-mail or phone: mails and reminders go there from now on (a new state, so the new
     * contact gets the confirmation). Checked by the session against the other registrations first.
     */
    void changeContact(fr.rdvnumerique.base.domain.ContactDetails contact) {
        if (status == RegistrationStatus.CANCELLED) {
            throw new BusinessRuleException("atelier.registration.status-changed");
        }
        email = contact.emailAddress().map(e -> e.value()).orElse(null);
        emailKey = contact.emailAddress().map(e -> e.canonical()).orElse(null);
        phone = contact.phoneNumber().map(p -> p.e164()).orElse(null);
        sequence++;
    }

    /**
     * The person moved to another session of the same workshop, where {@code target} gave them a seat. The row (so
     * the private links and the calendar UID) stays the same; the new SEQUENCE updates the invitation.
     */
    void movedTo(AtelierSession target, Instant now) {
        if (status == RegistrationStatus.CANCELLED) {
            throw new BusinessRuleException("atelier.registration.status-changed");
        }
        sessionId = target.idOrZero();
        status = RegistrationStatus.CONFIRMED;
        queueRank = null;
        offeredAt = null;
        offerExpiresAt = null;
        presenceConfirmedAt = null;
        attendance = null;
        attendanceMarkedAt = null;
        confirmedAt = now;
        sequence++;
    }

    /** Holds a freed seat for this waiting person until {@code expiresAt}; a new state, so a new mail. */
    void offer(Instant now, Instant expiresAt) {
        requireStatus(RegistrationStatus.WAITING);
        if (offerExpiresAt != null || !expiresAt.isAfter(now)) {
            throw new IllegalStateException("One offer at a time, ending after it is made");
        }
        offeredAt = now;
        offerExpiresAt = expiresAt;
        sequence++;
    }

    /** Whether a seat is held for this waiting person (until {@link #getOfferExpiresAt()}). */
    public boolean hasOffer() {
        return offerExpiresAt != null;
    }

    /** « Je viens »: only someone with a seat can say it; saying it twice keeps the first time. */
    void confirmPresence(Instant now) {
        if (status != RegistrationStatus.CONFIRMED) {
            throw new BusinessRuleException("atelier.presence.no-seat");
        }
        if (presenceConfirmedAt == null) {
            presenceConfirmedAt = now;
        }
    }

    void markAttendance(Attendance value, Instant now) {
        if (status != RegistrationStatus.CONFIRMED) {
            throw new BusinessRuleException("atelier.attendance.not-confirmed");
        }
        attendance = value;
        attendanceMarkedAt = value == null ? null : now;
    }

    /** The session moved: invitations already sent are superseded. */
    void sessionChanged() {
        sequence++;
    }

    private void requireStatus(RegistrationStatus expected) {
        if (status != expected) {
            throw new BusinessRuleException("atelier.registration.status-changed");
        }
    }

    public boolean isActive() {
        return status.isActive();
    }

    public Long getId() {
        return id;
    }

    public long getSessionId() {
        return sessionId;
    }

    public long getStructureId() {
        return structureId;
    }

    public String getFirstName() {
        return firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public String getEmail() {
        return email;
    }

    /** The email in lower case: the same address written another way is the same person. */
    public String getEmailKey() {
        return emailKey;
    }

    public String getPhone() {
        return phone;
    }

    public String getCompanionFirstName() {
        return companionFirstName;
    }

    public String getCompanionLastName() {
        return companionLastName;
    }

    public int getSeats() {
        return seats;
    }

    public Long getResidenceCommuneId() {
        return residenceCommuneId;
    }

    public boolean isResidesElsewhere() {
        return residesElsewhere;
    }

    public AgeBand getAgeBand() {
        return ageBand;
    }

    public Set<Theme> getInterests() {
        return Set.copyOf(interests);
    }

    public boolean isWantsReminders() {
        return wantsReminders;
    }

    public fr.rdvnumerique.base.domain.NoticeChoice getNoticeBy() {
        return noticeBy;
    }

    /** Staff recorded how the person wants to be told (null: by the contact they gave). */
    public void chooseNotice(fr.rdvnumerique.base.domain.NoticeChoice choice) {
        this.noticeBy = choice;
    }

    public RegistrationStatus getStatus() {
        return status;
    }

    public Long getQueueRank() {
        return queueRank;
    }

    public Channel getChannel() {
        return channel;
    }

    public String getKioskDeviceId() {
        return kioskDeviceId;
    }

    public Attendance getAttendance() {
        return attendance;
    }

    public int getSequence() {
        return sequence;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getConfirmedAt() {
        return confirmedAt;
    }

    public Instant getWaitlistedAt() {
        return waitlistedAt;
    }

    public Instant getPromotedAt() {
        return promotedAt;
    }

    public Instant getMovedToWaitingListAt() {
        return movedToWaitingListAt;
    }

    public Instant getCancelledAt() {
        return cancelledAt;
    }

    public CancelledBy getCancelledBy() {
        return cancelledBy;
    }

    public CancellationReason getCancellationReason() {
        return cancellationReason;
    }

    public Instant getAttendanceMarkedAt() {
        return attendanceMarkedAt;
    }

    public Instant getPresenceConfirmedAt() {
        return presenceConfirmedAt;
    }

    public Instant getOfferedAt() {
        return offeredAt;
    }

    public Instant getOfferExpiresAt() {
        return offerExpiresAt;
    }

    /** Sets the person's pseudonymous key once, when the record is written (from its contact). */
    public void identify(String key) {
        if (personKey == null) {
            personKey = key;
        }
    }

    public String getPersonKey() {
        return personKey;
    }
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Registration r && id != null && id.equals(r.id);
    }

    @Override
    public int hashCode() {
        return Registration.class.hashCode();
    }
}
