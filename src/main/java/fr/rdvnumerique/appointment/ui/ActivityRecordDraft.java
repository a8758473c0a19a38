package fr.rdvnumerique.appointment.ui;

import fr.rdvnumerique.appointment.ActivityRecordForm;
import fr.rdvnumerique.base.taxonomy.ActivityLocation;
import fr.rdvnumerique.base.taxonomy.AdministrativeTheme;
import fr.rdvnumerique.base.taxonomy.AgeBand;
import fr.rdvnumerique.base.taxonomy.AutonomyLevel;
import fr.rdvnumerique.base.taxonomy.EquipmentUsed;
import fr.rdvnumerique.base.taxonomy.Gender;
import fr.rdvnumerique.base.taxonomy.OccupationStatus;
import fr.rdvnumerique.base.taxonomy.ReferralKind;
import fr.rdvnumerique.base.taxonomy.Theme;
import java.time.LocalDate;
import java.util.Set;

/**
 * The activity record form while it is being filled: {@link ActivityRecordEditor} binds its fields to these getters
 * and setters by method reference, so that a field renamed in {@link ActivityRecordForm} fails to compile here
 * instead of failing when the form first opens (the binder's record mode goes by property names).
 */
final class ActivityRecordDraft {

    private LocalDate date;
    private Integer durationMinutes;
    private ActivityLocation location;
    private Long placeId;
    private Long communeId;
    private Set<Theme> themes;
    private Set<AdministrativeTheme> administrativeThemes;
    private AutonomyLevel autonomy;
    private Set<EquipmentUsed> equipment;
    private boolean referred;
    private ReferralKind referralKind;
    private AgeBand ageBand;
    private Gender gender;
    private OccupationStatus occupation;
    private Long residenceCommuneId;
    private String notes;

    static ActivityRecordDraft of(ActivityRecordForm form) {
        var draft = new ActivityRecordDraft();
        draft.date = form.date();
        draft.durationMinutes = form.durationMinutes();
        draft.location = form.location();
        draft.placeId = form.placeId();
        draft.communeId = form.communeId();
        draft.themes = form.themes();
        draft.administrativeThemes = form.administrativeThemes();
        draft.autonomy = form.autonomy();
        draft.equipment = form.equipment();
        draft.referred = form.referred();
        draft.referralKind = form.referralKind();
        draft.ageBand = form.ageBand();
        draft.gender = form.gender();
        draft.occupation = form.occupation();
        draft.residenceCommuneId = form.residenceCommuneId();
        draft.notes = form.notes();
        return draft;
    }

    ActivityRecordForm toForm() {
        return new ActivityRecordForm(date, durationMinutes, location, placeId, communeId, themes, administrativeThemes,
                autonomy, equipment, referred, referralKind, ageBand, gender, occupation, residenceCommuneId, notes);
    }

    LocalDate getDate() {
        return date;
    }

    void setDate(LocalDate date) {
        this.date = date;
    }

    Integer getDurationMinutes() {
        return durationMinutes;
    }

    void setDurationMinutes(Integer durationMinutes) {
        this.durationMinutes = durationMinutes;
    }

    ActivityLocation getLocation() {
        return location;
    }

    void setLocation(ActivityLocation location) {
        this.location = location;
    }

    Long getPlaceId() {
        return placeId;
    }

    void setPlaceId(Long placeId) {
        this.placeId = placeId;
    }

    Long getCommuneId() {
        return communeId;
    }

    void setCommuneId(Long communeId) {
        this.communeId = communeId;
    }

    Set<Theme> getThemes() {
        return themes;
    }

    void setThemes(Set<Theme> themes) {
        this.themes = themes;
    }

    Set<AdministrativeTheme> getAdministrativeThemes() {
        return administrativeThemes;
    }

    void setAdministrativeThemes(Set<AdministrativeTheme> administrativeThemes) {
        this.administrativeThemes = administrativeThemes;
    }

    AutonomyLevel getAutonomy() {
        return autonomy;
    }

    void setAutonomy(AutonomyLevel autonomy) {
        this.autonomy = autonomy;
    }

    Set<EquipmentUsed> getEquipment() {
        return equipment;
    }

    void setEquipment(Set<EquipmentUsed> equipment) {
        this.equipment = equipment;
    }

    boolean isReferred() {
        return referred;
    }

    void setReferred(boolean referred) {
        this.referred = referred;
    }

    ReferralKind getReferralKind() {
        return referralKind;
    }

    void setReferralKind(ReferralKind referralKind) {
        this.referralKind = referralKind;
    }

    AgeBand getAgeBand() {
        return ageBand;
    }

    void setAgeBand(AgeBand ageBand) {
        this.ageBand = ageBand;
    }

    Gender getGender() {
        return gender;
    }

    void setGender(Gender gender) {
        this.gender = gender;
    }

    OccupationStatus getOccupation() {
        return occupation;
    }

    void setOccupation(OccupationStatus occupation) {
        this.occupation = occupation;
    }

    Long getResidenceCommuneId() {
        return residenceCommuneId;
    }

    void setResidenceCommuneId(Long residenceCommuneId) {
        this.residenceCommuneId = residenceCommuneId;
    }

    String getNotes() {
        return notes;
    }

    void setNotes(String notes) {
        this.notes = notes;
    }
}
