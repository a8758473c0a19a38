package fr.rdvnumerique.appointment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.rdvnumerique.base.domain.InvalidValueException;
import fr.rdvnumerique.base.taxonomy.ActivityLocation;
import fr.rdvnumerique.base.taxonomy.AdministrativeTheme;
import fr.rdvnumerique.base.taxonomy.AgeBand;
import fr.rdvnumerique.base.taxonomy.AutonomyLevel;
import fr.rdvnumerique.base.taxonomy.EquipmentUsed;
import fr.rdvnumerique.base.taxonomy.Gender;
import fr.rdvnumerique.base.taxonomy.OccupationStatus;
import fr.rdvnumerique.base.taxonomy.ReferralKind;
import fr.rdvnumerique.base.taxonomy.Theme;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rules of an activity record (CRA), without Spring. */
class ActivityRecordTest {

    private static final Instant NOW = Instant.parse("2026-12-01T15:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    private static final long PLACE = 10;
    private static final long COMMUNE = 20;

    /** Help at a place, filled in as quickly as possible: everything else left to its default. */
    private static ActivityRecord.Content atPlace() {
        return new ActivityRecord.Content(TODAY, 30, ActivityLocation.LIEU_ACTIVITE, PLACE, null, Set.of(Theme.EMAIL),
                Set.of(), AutonomyLevel.PARTIELLEMENT_AUTONOME, Set.of(EquipmentUsed.TELEPHONE), false, null, null, null,
                null, null, null);
    }

    private static ActivityRecord.Content at(ActivityLocation location, Long place, Long commune) {
        var c = atPlace();
        return new ActivityRecord.Content(c.date(), c.durationMinutes(), location, place, commune, c.themes(),
                c.administrativeThemes(), c.autonomy(), c.equipment(), c.referred(), c.referralKind(), c.ageBand(),
                c.gender(), c.occupation(), c.residenceCommuneId(), c.notes());
    }

    private static ActivityRecord.Content withAutonomy(AutonomyLevel autonomy) {
        var c = atPlace();
        return new ActivityRecord.Content(c.date(), c.durationMinutes(), c.location(), c.placeId(), c.communeId(),
                c.themes(), c.administrativeThemes(), autonomy, c.equipment(), c.referred(), c.referralKind(), c.ageBand(),
                c.gender(), c.occupation(), c.residenceCommuneId(), c.notes());
    }

    private static ActivityRecord record(ActivityRecord.Content content) {
        return new ActivityRecord(1, 2, null, content, null, NOW);
    }

    private static void refused(ActivityRecord.Content content, String key) {
        assertThatThrownBy(() -> record(content)).isInstanceOf(InvalidValueException.class)
                .hasFieldOrPropertyWithValue("messageKey", key);
    }

    @Test
    void help_at_a_place_names_the_place_and_the_person_profile_defaults_to_not_given() {
        var content = record(atPlace()).content();
        assertThat(content.placeId()).isEqualTo(PLACE);
        assertThat(content.communeId()).isNull();
        assertThat(content.ageBand()).isEqualTo(AgeBand.NON_COMMUNIQUE);
        assertThat(content.gender()).isEqualTo(Gender.NON_COMMUNIQUE);
        assertThat(content.occupation()).isEqualTo(OccupationStatus.NON_COMMUNIQUE);
        assertThat(content.residenceCommuneId()).isNull();
    }

    @Test
    void help_at_a_place_without_the_place_is_refused() {
        refused(at(ActivityLocation.LIEU_ACTIVITE, null, COMMUNE), "appointment.record.place.required");
    }

    @Test
    void help_at_home_or_remote_names_the_commune_not_a_place() {
        for (ActivityLocation away : new ActivityLocation[] {ActivityLocation.A_DOMICILE, ActivityLocation.A_DISTANCE,
                ActivityLocation.AUTRE}) {
            refused(at(away, null, null), "appointment.record.commune.required");
            refused(at(away, PLACE, COMMUNE), "appointment.record.place.not-at-place");
            var content = record(at(away, null, COMMUNE)).content();
            assertThat(content.communeId()).isEqualTo(COMMUNE);
            assertThat(content.placeId()).isNull();
        }
    }

    @Test
    void at_a_place_the_place_gives_the_commune_so_none_is_kept_beside_it() {
        assertThat(record(at(ActivityLocation.LIEU_ACTIVITE, PLACE, COMMUNE)).content().communeId()).isNull();
    }

    @Test
    void an_individual_accompaniment_needs_the_autonomy_level() {
        refused(withAutonomy(null), "appointment.record.autonomy.required");
        assertThat(record(withAutonomy(AutonomyLevel.AUTONOME)).content().autonomy()).isEqualTo(AutonomyLevel.AUTONOME);
    }

    @Test
    void the_commune_of_residence_is_kept_when_given() {
        var c = atPlace();
        var content = new ActivityRecord.Content(c.date(), c.durationMinutes(), c.location(), c.placeId(), null,
                c.themes(), c.administrativeThemes(), c.autonomy(), c.equipment(), false, null, AgeBand.PLUS_DE_70,
                Gender.FEMININ, OccupationStatus.RETRAITE, COMMUNE, null);
        var stored = record(content).content();
        assertThat(stored.residenceCommuneId()).isEqualTo(COMMUNE);
        assertThat(stored.ageBand()).isEqualTo(AgeBand.PLUS_DE_70);
    }

    @Test
    void durations_go_from_one_minute_to_ten_hours_and_the_usual_ones_are_presets() {
        assertThat(ActivityRecord.DURATION_PRESETS).containsExactly(15, 30, 45, 60, 90, 120);
        for (int minutes : new int[] {0, 601}) {
            var c = atPlace();
            refused(new ActivityRecord.Content(c.date(), minutes, c.location(), c.placeId(), null, c.themes(), Set.of(),
                    c.autonomy(), c.equipment(), false, null, null, null, null, null, null),
                    "appointment.record.duration.invalid");
        }
        var c = atPlace();
        assertThat(record(new ActivityRecord.Content(c.date(), 50, c.location(), c.placeId(), null, c.themes(), Set.of(),
                c.autonomy(), c.equipment(), false, null, null, null, null, null, null)).content().durationMinutes())
                .isEqualTo(50);
    }

    @Test
    void procedures_need_the_procedure_theme_and_a_referral_names_where_to() {
        var c = atPlace();
        refused(new ActivityRecord.Content(c.date(), 30, c.location(), PLACE, null, Set.of(Theme.EMAIL),
                Set.of(AdministrativeTheme.ARGENT_IMPOTS), c.autonomy(), c.equipment(), false, null, null, null, null,
                null, null), "appointment.record.admin-themes.without-procedure");
        refused(new ActivityRecord.Content(c.date(), 30, c.location(), PLACE, null, c.themes(), Set.of(), c.autonomy(),
                c.equipment(), true, null, null, null, null, null, null), "appointment.record.referral.required");
        var referred = record(new ActivityRecord.Content(c.date(), 30, c.location(), PLACE, null, c.themes(), Set.of(),
                c.autonomy(), c.equipment(), true, ReferralKind.FRANCE_SERVICES, null, null, null, null, null)).content();
        assertThat(referred.referralKind()).isEqualTo(ReferralKind.FRANCE_SERVICES);
    }

    @Test
    void a_record_cannot_be_dated_in_the_future() {
        var c = atPlace();
        refused(new ActivityRecord.Content(TODAY.plusDays(1), 30, c.location(), PLACE, null, c.themes(), Set.of(),
                c.autonomy(), c.equipment(), false, null, null, null, null, null, null), "appointment.record.date.future");
    }
}
