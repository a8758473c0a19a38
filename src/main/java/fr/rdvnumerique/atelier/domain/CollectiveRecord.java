package fr.rdvnumerique.atelier.domain;

import fr.rdvnumerique.atelier.SessionStatus;
import fr.rdvnumerique.atelier.WalkIns;
import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.base.domain.InvalidValueException;
import fr.rdvnumerique.base.domain.Texts;
import fr.rdvnumerique.base.taxonomy.AgeBand;
import fr.rdvnumerique.base.taxonomy.AtelierLevel;
import fr.rdvnumerique.base.taxonomy.EquipmentUsed;
import fr.rdvnumerique.base.taxonomy.Gender;
import fr.rdvnumerique.base.taxonomy.OccupationStatus;
import fr.rdvnumerique.base.taxonomy.Taxonomy;
import fr.rdvnumerique.base.taxonomy.Theme;
import fr.rdvnumerique.base.time.ParisTime;
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
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The collective record of one held session (the national tool's « atelier collectif »): title, level, themes,
 * equipment, duration and place as they were, and the anonymous counts of the people who came without registering.
 * One per session; saving again corrects it. The registered participants' attendance stays on their registrations.
 */
@Entity
@Table(name = "atelier_collective_record")
public class CollectiveRecord {

    public static final int MAX_DURATION = 600;
    public static final int MAX_WALK_INS = 1000;
    public static final int MAX_NOTES = 500;
    public static final int MAX_TITLE = 120;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(name = "structure_id", nullable = false)
    private long structureId;

    @Column(name = "session_id", nullable = false)
    private long sessionId;

    @Column(name = "advisor_id", nullable = false)
    private long advisorId;

    @Column(name = "place_id", nullable = false)
    private long placeId;

    @Column(name = "activity_date", nullable = false)
    private LocalDate activityDate;

    @Column(nullable = false, length = MAX_TITLE)
    private String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private AtelierLevel level;

    @Column(name = "duration_minutes", nullable = false)
    private int durationMinutes;

    @Column(name = "walk_ins", nullable = false)
    private int walkIns;

    @Column(name = "walk_ins_already_helped", nullable = false)
    private int walkInsAlreadyHelped;

    @Column(name = "gender_masculin", nullable = false) private int genderMasculin;
    @Column(name = "gender_feminin", nullable = false) private int genderFeminin;
    @Column(name = "gender_non_communique", nullable = false) private int genderNonCommunique;
    @Column(name = "age_moins_de_12", nullable = false) private int ageMoinsDe12;
    @Column(name = "age_de_12_a_17", nullable = false) private int ageDe12A17;
    @Column(name = "age_de_18_a_24", nullable = false) private int ageDe18A24;
    @Column(name = "age_de_25_a_39", nullable = false) private int ageDe25A39;
    @Column(name = "age_de_40_a_59", nullable = false) private int ageDe40A59;
    @Column(name = "age_de_60_a_69", nullable = false) private int ageDe60A69;
    @Column(name = "age_plus_de_70", nullable = false) private int agePlusDe70;
    @Column(name = "age_non_communique", nullable = false) private int ageNonCommunique;
    @Column(name = "status_scolarise", nullable = false) private int statusScolarise;
    @Column(name = "status_sans_emploi", nullable = false) private int statusSansEmploi;
    @Column(name = "status_en_emploi", nullable = false) private int statusEnEmploi;
    @Column(name = "status_retraite", nullable = false) private int statusRetraite;
    @Column(name = "status_non_communique", nullable = false) private int statusNonCommunique;

    @Column(length = MAX_NOTES)
    private String notes;

    @Column(name = "taxonomy_version", nullable = false, length = 30)
    private String taxonomyVersion;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Column(name = "recorded_by_account_id")
    private Long recordedByAccountId;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "atelier_collective_record_theme", joinColumns = @JoinColumn(name = "record_id"))
    @Column(name = "theme", nullable = false, length = 50)
    @Enumerated(EnumType.STRING)
    private Set<Theme> themes = EnumSet.noneOf(Theme.class);

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "atelier_collective_record_equipment", joinColumns = @JoinColumn(name = "record_id"))
    @Column(name = "equipment", nullable = false, length = 20)
    @Enumerated(EnumType.STRING)
    private Set<EquipmentUsed> equipment = EnumSet.noneOf(EquipmentUsed.class);

    protected CollectiveRecord() {
    }

    /** What the advisor records; the date is the session's. */
    public record Content(String title, AtelierLevel level, Set<Theme> themes, Set<EquipmentUsed> equipment,
                          Integer durationMinutes, Long placeId, WalkIns walkIns, String notes) {
    }

    /** The record of a session that has started and was not cancelled. */
    public CollectiveRecord(AtelierSession session, Content content, Long accountId, Instant now) {
        this.structureId = session.getStructureId();
        this.sessionId = session.getId();
        this.advisorId = session.getAdvisorId();
        this.taxonomyVersion = Taxonomy.VERSION;
        record(session, content, accountId, now);
    }

    /** Writes what the advisor recorded, the first time or to correct it. */
    public void record(AtelierSession session, Content c, Long accountId, Instant now) {
        if (session.getStatus() == SessionStatus.CANCELLED) {
            throw new BusinessRuleException("atelier.record.session-cancelled");
        }
        if (now.isBefore(session.getStartsAt())) {
            throw new BusinessRuleException("atelier.record.not-started");
        }
        String cleanTitle = InvalidValueException.inField("record-title", () -> Texts.required(c.title(), MAX_TITLE));
        if (c.level() == null) {
            throw InvalidValueException.forField("record-level", "validation.required");
        }
        if (c.themes() == null || c.themes().isEmpty()) {
            throw InvalidValueException.forField("record-themes", "atelier.record.themes.required");
        }
        if (c.equipment() == null || c.equipment().isEmpty()) {
            throw InvalidValueException.forField("record-equipment", "atelier.record.equipment.required");
        }
        if (c.equipment().contains(EquipmentUsed.PAS_DE_MATERIEL) && c.equipment().size() > 1) {
            throw InvalidValueException.forField("record-equipment", "atelier.record.equipment.none-and-some");
        }
        if (c.durationMinutes() == null || c.durationMinutes() < 1 || c.durationMinutes() > MAX_DURATION) {
            throw InvalidValueException.forField("record-duration", "atelier.record.duration.invalid", MAX_DURATION);
        }
        if (c.placeId() == null) {
            throw InvalidValueException.forField("record-place", "validation.required");
        }
        WalkIns w = c.walkIns() == null ? WalkIns.none() : c.walkIns();
        checkWalkIns(w);
        this.activityDate = LocalDate.ofInstant(session.getStartsAt(), ParisTime.ZONE);
        this.title = cleanTitle;
        this.level = c.level();
        this.themes = EnumSet.copyOf(c.themes());
        this.equipment = EnumSet.copyOf(c.equipment());
        this.durationMinutes = c.durationMinutes();
        this.placeId = c.placeId();
        this.notes = Texts.optional(c.notes(), MAX_NOTES);
        this.walkIns = w.total();
        this.walkInsAlreadyHelped = w.alreadyHelped();
        this.genderMasculin = w.count(Gender.MASCULIN);
        this.genderFeminin = w.count(Gender.FEMININ);
        this.genderNonCommunique = w.count(Gender.NON_COMMUNIQUE);
        this.ageMoinsDe12 = w.count(AgeBand.MOINS_DE_12);
        this.ageDe12A17 = w.count(AgeBand.DE_12_A_17);
        this.ageDe18A24 = w.count(AgeBand.DE_18_A_24);
        this.ageDe25A39 = w.count(AgeBand.DE_25_A_39);
        this.ageDe40A59 = w.count(AgeBand.DE_40_A_59);
        this.ageDe60A69 = w.count(AgeBand.DE_60_A_69);
        this.agePlusDe70 = w.count(AgeBand.PLUS_DE_70);
        this.ageNonCommunique = w.count(AgeBand.NON_COMMUNIQUE);
        this.statusScolarise = w.count(OccupationStatus.SCOLARISE);
        this.statusSansEmploi = w.count(OccupationStatus.SANS_EMPLOI);
        this.statusEnEmploi = w.count(OccupationStatus.EN_EMPLOI);
        this.statusRetraite = w.count(OccupationStatus.RETRAITE);
        this.statusNonCommunique = w.count(OccupationStatus.NON_COMMUNIQUE);
        this.recordedAt = now;
        this.recordedByAccountId = accountId;
    }

    /**
     * The people who came without registering: no count below zero, at most {@value #MAX_WALK_INS}, and no
     * breakdown (already helped, by gender, by age band, by status) larger than the total.
     */
    public static void checkWalkIns(WalkIns w) {
        if (w.total() < 0 || w.alreadyHelped() < 0) {
            throw InvalidValueException.forField(w.total() < 0 ? WalkIns.TOTAL : WalkIns.ALREADY_HELPED,
                    "atelier.record.walk-ins.negative");
        }
        negative(w.byGender(), WalkIns.GENDER);
        negative(w.byAgeBand(), WalkIns.AGE);
        negative(w.byStatus(), WalkIns.STATUS);
        if (w.total() > MAX_WALK_INS) {
            throw InvalidValueException.forField(WalkIns.TOTAL, "atelier.record.walk-ins.too-many", MAX_WALK_INS);
        }
        if (w.alreadyHelped() > w.total()) {
            throw InvalidValueException.forField(WalkIns.ALREADY_HELPED, "atelier.record.walk-ins.helped.too-many",
                    w.alreadyHelped(), w.total());
        }
        if (w.genderCounted() > w.total()) {
            throw InvalidValueException.forField(WalkIns.GENDER, "atelier.record.walk-ins.gender.too-many",
                    w.genderCounted(), w.total());
        }
        if (w.ageCounted() > w.total()) {
            throw InvalidValueException.forField(WalkIns.AGE, "atelier.record.walk-ins.age.too-many",
                    w.ageCounted(), w.total());
        }
        if (w.statusCounted() > w.total()) {
            throw InvalidValueException.forField(WalkIns.STATUS, "atelier.record.walk-ins.status.too-many",
                    w.statusCounted(), w.total());
        }
    }

    private static void negative(Map<?, Integer> counts, String field) {
        if (counts.values().stream().anyMatch(n -> n < 0)) {
            throw InvalidValueException.forField(field, "atelier.record.walk-ins.negative");
        }
    }

    public Content content() {
        return new Content(title, level, EnumSet.copyOf(themes), EnumSet.copyOf(equipment), durationMinutes, placeId,
                walkIns(), notes);
    }

    public WalkIns walkIns() {
        var genders = new EnumMap<Gender, Integer>(Gender.class);
        genders.put(Gender.MASCULIN, genderMasculin);
        genders.put(Gender.FEMININ, genderFeminin);
        genders.put(Gender.NON_COMMUNIQUE, genderNonCommunique);
        var ages = new EnumMap<AgeBand, Integer>(AgeBand.class);
        ages.put(AgeBand.MOINS_DE_12, ageMoinsDe12);
        ages.put(AgeBand.DE_12_A_17, ageDe12A17);
        ages.put(AgeBand.DE_18_A_24, ageDe18A24);
        ages.put(AgeBand.DE_25_A_39, ageDe25A39);
        ages.put(AgeBand.DE_40_A_59, ageDe40A59);
        ages.put(AgeBand.DE_60_A_69, ageDe60A69);
        ages.put(AgeBand.PLUS_DE_70, agePlusDe70);
        ages.put(AgeBand.NON_COMMUNIQUE, ageNonCommunique);
        var statuses = new EnumMap<OccupationStatus, Integer>(OccupationStatus.class);
        statuses.put(OccupationStatus.SCOLARISE, statusScolarise);
        statuses.put(OccupationStatus.SANS_EMPLOI, statusSansEmploi);
        statuses.put(OccupationStatus.EN_EMPLOI, statusEnEmploi);
        statuses.put(OccupationStatus.RETRAITE, statusRetraite);
        statuses.put(OccupationStatus.NON_COMMUNIQUE, statusNonCommunique);
        return new WalkIns(walkIns, walkInsAlreadyHelped, genders, ages, statuses);
    }

    public Long getId() {
        return id;
    }

    public long getStructureId() {
        return structureId;
    }

    public long getSessionId() {
        return sessionId;
    }

    public long getAdvisorId() {
        return advisorId;
    }

    public LocalDate getActivityDate() {
        return activityDate;
    }

    public String getTaxonomyVersion() {
        return taxonomyVersion;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CollectiveRecord r && id != null && id.equals(r.id);
    }

    @Override
    public int hashCode() {
        return CollectiveRecord.class.hashCode();
    }
}
