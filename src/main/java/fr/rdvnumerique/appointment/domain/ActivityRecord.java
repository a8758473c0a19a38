package fr.rdvnumerique.appointment.domain;

import fr.rdvnumerique.base.domain.InvalidValueException;
import fr.rdvnumerique.base.domain.Texts;
import fr.rdvnumerique.base.taxonomy.ActivityLocation;
import fr.rdvnumerique.base.taxonomy.AdministrativeTheme;
import fr.rdvnumerique.base.taxonomy.AgeBand;
import fr.rdvnumerique.base.taxonomy.AutonomyLevel;
import fr.rdvnumerique.base.taxonomy.EquipmentUsed;
import fr.rdvnumerique.base.taxonomy.Gender;
import fr.rdvnumerique.base.taxonomy.OccupationStatus;
import fr.rdvnumerique.base.taxonomy.ReferralKind;
import fr.rdvnumerique.base.taxonomy.Taxonomy;
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
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * A compte-rendu d'activité for an individual accompaniment (CRA v2 codes, with the taxonomy version they follow):
 * after a rendez-vous, or for walk-in help without booking ("accompagnement ponctuel").
 */
@Entity
@Table(name = "activity_record")
public class ActivityRecord {

    public enum Kind { RENDEZ_VOUS, PONCTUEL }

    public static final int MAX_NOTES = 500;
    public static final int MAX_DURATION = 600;
    /** The durations an advisor picks with one tap (taxonomy); any other value from 1 to 600 may be typed. */
    public static final java.util.List<Integer> DURATION_PRESETS = java.util.List.of(15, 30, 45, 60, 90, 120);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(name = "structure_id", nullable = false)
    private long structureId;

    @Column(name = "advisor_id", nullable = false)
    private long advisorId;

    @Column(name = "appointment_id")
    private Long appointmentId;

    /** The pseudonymous key of the person of the rendez-vous, if any (PersonKeys): kept when that is anonymised. */
    @Column(name = "person_key", length = 64)
    private String personKey;

    @Column(name = "place_id")
    private Long placeId;

    /** Where the help happened when it was not at a place (at home, remote, elsewhere). */
    @Column(name = "commune_id")
    private Long communeId;

    @Column(name = "residence_commune_id")
    private Long residenceCommuneId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private Kind kind;

    @Column(name = "activity_date", nullable = false)
    private LocalDate activityDate;

    @Column(name = "duration_minutes", nullable = false)
    private int durationMinutes;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ActivityLocation location;

    @Enumerated(EnumType.STRING)
    @Column(length = 30)
    private AutonomyLevel autonomy;

    @Column(nullable = false)
    private boolean referred;

    @Enumerated(EnumType.STRING)
    @Column(name = "referral_kind", length = 50)
    private ReferralKind referralKind;

    @Enumerated(EnumType.STRING)
    @Column(name = "age_band", nullable = false, length = 20)
    private AgeBand ageBand;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Gender gender;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private OccupationStatus occupation;

    @Column(length = MAX_NOTES)
    private String notes;

    @Column(name = "taxonomy_version", nullable = false, length = 30)
    private String taxonomyVersion;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by_account_id")
    private Long createdByAccountId;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "activity_record_theme", joinColumns = @JoinColumn(name = "record_id"))
    @Column(name = "theme", nullable = false, length = 50)
    @Enumerated(EnumType.STRING)
    private Set<Theme> themes = EnumSet.noneOf(Theme.class);

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "activity_record_admin_theme", joinColumns = @JoinColumn(name = "record_id"))
    @Column(name = "theme", nullable = false, length = 50)
    @Enumerated(EnumType.STRING)
    private Set<AdministrativeTheme> administrativeThemes = EnumSet.noneOf(AdministrativeTheme.class);

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "activity_record_equipment", joinColumns = @JoinColumn(name = "record_id"))
    @Column(name = "equipment", nullable = false, length = 20)
    @Enumerated(EnumType.STRING)
    private Set<EquipmentUsed> equipment = EnumSet.noneOf(EquipmentUsed.class);

    protected ActivityRecord() {
    }

    /**
     * What the advisor recorded.
     *
     * @param placeId            the place, for help at a place ({@link ActivityLocation#LIEU_ACTIVITE}) only
     * @param communeId          the commune, for help anywhere else (at home, remote, other)
     * @param residenceCommuneId where the person lives (optional)
     */
    public record Content(LocalDate date, int durationMinutes, ActivityLocation location, Long placeId, Long communeId,
                          Set<Theme> themes, Set<AdministrativeTheme> administrativeThemes, AutonomyLevel autonomy,
                          Set<EquipmentUsed> equipment, boolean referred, ReferralKind referralKind, AgeBand ageBand,
                          Gender gender, OccupationStatus occupation, Long residenceCommuneId, String notes) {
    }

    public ActivityRecord(long structureId, long advisorId, Long appointmentId, Content content,
                          Long createdByAccountId, Instant now) {
        this.structureId = structureId;
        this.advisorId = advisorId;
        this.appointmentId = appointmentId;
        this.kind = appointmentId == null ? Kind.PONCTUEL : Kind.RENDEZ_VOUS;
        this.createdByAccountId = createdByAccountId;
        this.createdAt = now;
        this.taxonomyVersion = Taxonomy.VERSION;
        apply(content, now);
    }

    private void apply(Content c, Instant now) {
        if (c.date() == null || c.location() == null) {
            throw new InvalidValueException("validation.required");
        }
        if (c.date().isAfter(LocalDate.ofInstant(now, fr.rdvnumerique.base.time.ParisTime.ZONE))) {
            throw new InvalidValueException("appointment.record.date.future");
        }
        if (c.durationMinutes() < 1 || c.durationMinutes() > MAX_DURATION) {
            throw new InvalidValueException("appointment.record.duration.invalid");
        }
        if (c.location() == ActivityLocation.LIEU_ACTIVITE && c.placeId() == null) {
            throw new InvalidValueException("appointment.record.place.required");
        }
        if (c.location() != ActivityLocation.LIEU_ACTIVITE && c.placeId() != null) {
            throw new InvalidValueException("appointment.record.place.not-at-place");
        }
        if (c.location() != ActivityLocation.LIEU_ACTIVITE && c.communeId() == null) {
            throw new InvalidValueException("appointment.record.commune.required");
        }
        if (c.themes() == null || c.themes().isEmpty()) {
            throw new InvalidValueException("appointment.record.themes.required");
        }
        if (c.administrativeThemes() != null && !c.administrativeThemes().isEmpty()
                && !c.themes().contains(Theme.AIDE_AUX_DEMARCHES_ADMINISTRATIVES)) {
            throw new InvalidValueException("appointment.record.admin-themes.without-procedure");
        }
        if (c.equipment() == null || c.equipment().isEmpty()) {
            throw new InvalidValueException("appointment.record.equipment.required");
        }
        if (c.equipment().contains(EquipmentUsed.PAS_DE_MATERIEL) && c.equipment().size() > 1) {
            throw new InvalidValueException("appointment.record.equipment.none-and-some");
        }
        if (c.referred() && c.referralKind() == null) {
            throw new InvalidValueException("appointment.record.referral.required");
        }
        // Every record here is an individual accompaniment, for which the CRA requires the autonomy level.
        if (c.autonomy() == null) {
            throw new InvalidValueException("appointment.record.autonomy.required");
        }
        this.activityDate = c.date();
        this.durationMinutes = c.durationMinutes();
        this.location = c.location();
        this.placeId = c.placeId();
        // At a place, the place says the commune; elsewhere, the commune is all we know.
        this.communeId = c.location() == ActivityLocation.LIEU_ACTIVITE ? null : c.communeId();
        this.residenceCommuneId = c.residenceCommuneId();
        this.themes = EnumSet.copyOf(c.themes());
        this.administrativeThemes = c.administrativeThemes() == null || c.administrativeThemes().isEmpty()
                ? EnumSet.noneOf(AdministrativeTheme.class) : EnumSet.copyOf(c.administrativeThemes());
        this.autonomy = c.autonomy();
        this.equipment = EnumSet.copyOf(c.equipment());
        this.referred = c.referred();
        this.referralKind = c.referred() ? c.referralKind() : null;
        this.ageBand = c.ageBand() == null ? AgeBand.NON_COMMUNIQUE : c.ageBand();
        this.gender = c.gender() == null ? Gender.NON_COMMUNIQUE : c.gender();
        this.occupation = c.occupation() == null ? OccupationStatus.NON_COMMUNIQUE : c.occupation();
        this.notes = Texts.optional(c.notes(), MAX_NOTES);
    }

    public Content content() {
        return new Content(activityDate, durationMinutes, location, placeId, communeId, EnumSet.copyOf(themes),
                administrativeThemes.isEmpty() ? EnumSet.noneOf(AdministrativeTheme.class) : EnumSet.copyOf(administrativeThemes),
                autonomy, EnumSet.copyOf(equipment), referred, referralKind, ageBand, gender, occupation,
                residenceCommuneId, notes);
    }

    public Long getId() {
        return id;
    }

    public long getStructureId() {
        return structureId;
    }

    public long getAdvisorId() {
        return advisorId;
    }

    public Long getAppointmentId() {
        return appointmentId;
    }

    public Long getPlaceId() {
        return placeId;
    }

    public Long getCommuneId() {
        return communeId;
    }

    public Long getResidenceCommuneId() {
        return residenceCommuneId;
    }

    public Kind getKind() {
        return kind;
    }

    public String getTaxonomyVersion() {
        return taxonomyVersion;
    }


    /** Sets the person's pseudonymous key once, when the record is written (from its rendez-vous). */
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
        return other instanceof ActivityRecord r && id != null && id.equals(r.id);
    }

    @Override
    public int hashCode() {
        return ActivityRecord.class.hashCode();
    }
}
