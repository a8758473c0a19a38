package fr.rdvnumerique.appointment.domain;

import fr.rdvnumerique.appointment.AppointmentStatus;
import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.base.domain.CancelledBy;
import fr.rdvnumerique.base.domain.Channel;
import fr.rdvnumerique.base.domain.ContactDetails;
import fr.rdvnumerique.base.domain.EmailAddress;
import fr.rdvnumerique.base.domain.Origin;
import fr.rdvnumerique.base.domain.PersonName;
import fr.rdvnumerique.base.domain.Resident;
import fr.rdvnumerique.base.domain.Texts;
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
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * A rendez-vous: a person, a motif, a place, an advisor and a time. Its life: BOOKED, then CANCELLED (by the
 * person or staff), DONE or NO_SHOW. Every change of time or status increments {@link #getSequence()} (iCalendar
 * SEQUENCE). The database refuses a second active appointment on the same advisor and start
 * ({@code uk_appointment_slot}); the advisor's schedule refuses any overlap.
 */
@Entity
@Table(name = "appointment")
public class Appointment {

    public static final String OWNER_KIND = "APPOINTMENT";
    public static final int MAX_NEEDS = 500;
    public static final int MAX_CANCEL_REASON = 300;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(name = "structure_id", nullable = false)
    private long structureId;

    @Column(name = "place_id", nullable = false)
    private long placeId;

    @Column(name = "advisor_id", nullable = false)
    private long advisorId;

    @Column(name = "motif_id", nullable = false)
    private long motifId;

    @Column(name = "start_at", nullable = false)
    private Instant startAt;

    @Column(name = "end_at", nullable = false)
    private Instant endAt;

    @Column(name = "buffer_minutes", nullable = false)
    private int bufferMinutes;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private AppointmentStatus status;

    /** Given and family name, joined: how staff, mails and agendas name the person. */
    @Column(name = "person_name", nullable = false, length = 2 * PersonName.MAX_LENGTH + 1)
    private String personName;

    /** Null for appointments booked before names were kept apart (they have the person name only). */
    @Column(name = "given_name", length = PersonName.MAX_LENGTH)
    private String givenName;

    @Column(name = "family_name", length = PersonName.MAX_LENGTH)
    private String familyName;

    @Column(length = EmailAddress.MAX_LENGTH)
    private String email;

    @Column(name = "email_canonical", length = EmailAddress.MAX_LENGTH)
    private String emailCanonical;

    @Column(length = 20)
    private String phone;

    /** How the person wants to be told, when staff booked for them; null: by the contact they gave. */
    @Enumerated(EnumType.STRING)
    @Column(name = "notice_by", length = 12)
    private fr.rdvnumerique.base.domain.NoticeChoice noticeBy;

    @Column(name = "wants_reminders", nullable = false)
    private boolean wantsReminders;

    /** The person's pseudonymous key ({@code PersonKeys}): kept when the contact is anonymised or erased. */
    @Column(name = "person_key", length = 64)
    private String personKey;

    @Column(length = MAX_NEEDS)
    private String needs;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Channel channel;

    @Column(name = "device_id", length = Origin.MAX_DEVICE_ID)
    private String deviceId;

    @Column(name = "booked_by_account_id")
    private Long bookedByAccountId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "cancelled_by", length = 10)
    private CancelledBy cancelledBy;

    @Column(name = "cancel_reason", length = MAX_CANCEL_REASON)
    private String cancelReason;

    @Column(nullable = false)
    private int sequence;

    /** « Je viens »: when the person said they are coming. */
    @Column(name = "presence_confirmed_at")
    private Instant presenceConfirmedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "appointment_theme", joinColumns = @JoinColumn(name = "appointment_id"))
    @Column(name = "theme", nullable = false, length = 50)
    @Enumerated(EnumType.STRING)
    private Set<Theme> themes = EnumSet.noneOf(Theme.class);

    protected Appointment() {
    }

    /** Who the appointment is for and how it was booked; {@code bookedByAccountId} for staff bookings. */
    public record Booking(Resident resident, boolean wantsReminders, Set<Theme> themes, String needs, Origin origin,
                          Long bookedByAccountId, fr.rdvnumerique.base.domain.NoticeChoice noticeBy) {

        public Booking(Resident resident, boolean wantsReminders, Set<Theme> themes, String needs, Origin origin,
                       Long bookedByAccountId) {
            this(resident, wantsReminders, themes, needs, origin, bookedByAccountId, null);
        }
    }

    public Appointment(long structureId, long placeId, long advisorId, Motif motif, Instant start, Booking booking,
                       Instant now) {
        this.structureId = structureId;
        this.placeId = placeId;
        this.advisorId = advisorId;
        this.motifId = motif.getId();
        this.startAt = start;
        this.endAt = start.plus(Duration.ofMinutes(motif.getDurationMinutes()));
        this.bufferMinutes = motif.getBufferMinutes();
        this.status = AppointmentStatus.BOOKED;
        Resident resident = booking.resident();
        this.personName = resident.displayName();
        this.givenName = resident.givenName().value();
        this.familyName = resident.familyName().value();
        this.email = resident.contact().emailAddress().map(EmailAddress::value).orElse(null);
        this.emailCanonical = resident.emailKey();
        this.phone = resident.phoneE164();
        this.wantsReminders = booking.wantsReminders();
        this.noticeBy = booking.noticeBy();
        this.themes = booking.themes() == null || booking.themes().isEmpty() ? EnumSet.noneOf(Theme.class)
                : EnumSet.copyOf(booking.themes());
        this.needs = Texts.optional(booking.needs(), MAX_NEEDS);
        this.channel = booking.origin().channel();
        this.deviceId = booking.origin().deviceId();
        this.bookedByAccountId = booking.bookedByAccountId();
        this.createdAt = now;
        this.updatedAt = now;
        this.sequence = 0;
    }

    /** The advisor's time this appointment takes: until the end of the buffer after it. */
    public Instant claimEnd() {
        return endAt.plus(Duration.ofMinutes(bufferMinutes));
    }

    /** The person may cancel or move it themselves until {@code cutoffHours} before the start. */
    public boolean personMayChange(Instant now, int cutoffHours) {
        return status == AppointmentStatus.BOOKED && BookingRules.beforeCutoff(startAt, cutoffHours, now);
    }

    public void reschedule(long newAdvisorId, Instant newStart, Instant now) {
        requireBooked();
        Duration length = Duration.between(startAt, endAt);
        this.advisorId = newAdvisorId;
        this.startAt = newStart;
        this.endAt = newStart.plus(length);
        touch(now);
    }

    public void cancel(CancelledBy by, String reason, Instant now) {
        requireBooked();
        this.status = AppointmentStatus.CANCELLED;
        this.cancelledBy = by;
        this.cancelReason = Texts.optional(reason, MAX_CANCEL_REASON);
        this.cancelledAt = now;
        touch(now);
    }

    /**
     * « Je viens », from the link of a reminder, until the appointment starts; saying it twice keeps the first time.
     * Not a change of the appointment (no new mail, same calendar SEQUENCE).
     */
    public void confirmPresence(Instant now) {
        requireBooked();
        if (!now.isBefore(startAt)) {
            throw new BusinessRuleException("appointment.presence.started");
        }
        if (presenceConfirmedAt == null) {
            presenceConfirmedAt = now;
        }
    }

    /**
     * « Je ne pourrai pas venir », from the link of a reminder: the person frees the slot until it starts, even
     * after the motif's cut-off for moving or cancelling online (better a late notice than an empty chair).
     */
    public void cannotCome(Instant now) {
        requireBooked();
        if (!now.isBefore(startAt)) {
            throw new BusinessRuleException("appointment.presence.started");
        }
        cancel(CancelledBy.PERSON, null, now);
    }

    /**
     * The person gives another e-mail or phone: invitations and reminders go there from now on (a new state of the
     * appointment, so the new contact gets the confirmation).
     */
    public void changeContact(ContactDetails contact, Instant now) {
        requireBooked();
        this.email = contact.emailAddress().map(EmailAddress::value).orElse(null);
        this.emailCanonical = contact.emailAddress().map(EmailAddress::canonical).orElse(null);
        this.phone = contact.phoneNumber().map(fr.rdvnumerique.base.domain.PhoneNumber::e164).orElse(null);
        touch(now);
    }

    /** Staff record that the person came (from the start of the appointment on). */
    public void markDone(Instant now) {
        requireBooked();
        requireStarted(now);
        this.status = AppointmentStatus.DONE;
        touch(now);
    }

    public void markNoShow(Instant now) {
        requireBooked();
        requireStarted(now);
        this.status = AppointmentStatus.NO_SHOW;
        touch(now);
    }

    private void requireBooked() {
        if (status != AppointmentStatus.BOOKED) {
            throw new BusinessRuleException("appointment.not-active");
        }
    }

    private void requireStarted(Instant now) {
        if (now.isBefore(startAt)) {
            throw new BusinessRuleException("appointment.not-started");
        }
    }

    private void touch(Instant now) {
        this.updatedAt = now;
        this.sequence++;
    }

    public Long getId() {
        return id;
    }

    public long getStructureId() {
        return structureId;
    }

    public long getPlaceId() {
        return placeId;
    }

    public long getAdvisorId() {
        return advisorId;
    }

    public long getMotifId() {
        return motifId;
    }

    public Instant getStartAt() {
        return startAt;
    }

    public Instant getEndAt() {
        return endAt;
    }

    public AppointmentStatus getStatus() {
        return status;
    }

    public String getPersonName() {
        return personName;
    }

    public String getGivenName() {
        return givenName;
    }

    public String getFamilyName() {
        return familyName;
    }

    public String getEmail() {
        return email;
    }

    public String getPhone() {
        return phone;
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

    public String getNeeds() {
        return needs;
    }

    public Channel getChannel() {
        return channel;
    }

    public String getDeviceId() {
        return deviceId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public CancelledBy getCancelledBy() {
        return cancelledBy;
    }

    public String getCancelReason() {
        return cancelReason;
    }

    public Instant getPresenceConfirmedAt() {
        return presenceConfirmedAt;
    }

    public int getSequence() {
        return sequence;
    }

    public Set<Theme> themes() {
        return themes.isEmpty() ? EnumSet.noneOf(Theme.class) : EnumSet.copyOf(themes);
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
        return other instanceof Appointment a && id != null && id.equals(a.id);
    }

    @Override
    public int hashCode() {
        return Appointment.class.hashCode();
    }
}
