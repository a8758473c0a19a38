package fr.rdvnumerique.atelier.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.rdvnumerique.atelier.WalkIns;
import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.base.domain.InvalidValueException;
import fr.rdvnumerique.base.taxonomy.AgeBand;
import fr.rdvnumerique.base.taxonomy.AtelierLevel;
import fr.rdvnumerique.base.taxonomy.EquipmentUsed;
import fr.rdvnumerique.base.taxonomy.Gender;
import fr.rdvnumerique.base.taxonomy.OccupationStatus;
import fr.rdvnumerique.base.taxonomy.Theme;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules of a session's collective record, without Spring or a database. */
class CollectiveRecordTest {

    static final Instant DURING = AtelierSessionTest.START.plus(Duration.ofMinutes(30));

    /** A session as the database gives it back: with its id. */
    static AtelierSession session() {
        var session = AtelierSessionTest.session(8);
        org.springframework.test.util.ReflectionTestUtils.setField(session, "id", 7L);
        return session;
    }

    static CollectiveRecord.Content content(WalkIns walkIns) {
        return new CollectiveRecord.Content("Découvrir sa tablette", AtelierLevel.DEBUTANT,
                EnumSet.of(Theme.PRENDRE_EN_MAIN_DU_MATERIEL), EnumSet.of(EquipmentUsed.TABLETTE), 120, 3L, walkIns, null);
    }

    static WalkIns walkIns(int total, int helped, Map<Gender, Integer> genders, Map<AgeBand, Integer> ages,
                           Map<OccupationStatus, Integer> statuses) {
        return new WalkIns(total, helped, genders, ages, statuses);
    }

    private static InvalidValueException refusal(WalkIns walkIns) {
        var thrown = org.assertj.core.api.Assertions.catchThrowableOfType(InvalidValueException.class,
                () -> CollectiveRecord.checkWalkIns(walkIns));
        assertThat(thrown).as("refused").isNotNull();
        return thrown;
    }

    @Test
    void walk_ins_with_breakdowns_within_the_total_are_recorded_and_the_rest_is_not_given() {
        var w = walkIns(5, 2, Map.of(Gender.FEMININ, 3, Gender.MASCULIN, 1), Map.of(AgeBand.PLUS_DE_70, 5),
                Map.of(OccupationStatus.RETRAITE, 4));
        var record = new CollectiveRecord(session(), content(w), 9L, DURING);

        WalkIns saved = record.walkIns();
        assertThat(saved.total()).isEqualTo(5);
        assertThat(saved.alreadyHelped()).isEqualTo(2);
        assertThat(saved.count(Gender.FEMININ)).isEqualTo(3);
        assertThat(saved.genderNotGiven()).isEqualTo(1);
        assertThat(saved.ageNotGiven()).isZero();
        assertThat(saved.statusNotGiven()).isEqualTo(1);
        assertThat(record.getActivityDate()).isEqualTo(java.time.LocalDate.of(2026, 12, 1));
    }

    @Test
    void a_gender_breakdown_larger_than_the_total_is_refused() {
        var e = refusal(walkIns(3, 0, Map.of(Gender.FEMININ, 2, Gender.MASCULIN, 2), Map.of(), Map.of()));
        assertThat(e.messageKey()).isEqualTo("atelier.record.walk-ins.gender.too-many");
        assertThat(e.field()).isEqualTo(WalkIns.GENDER);
        assertThat(e.arguments()).containsExactly(4, 3);
    }

    @Test
    void an_age_breakdown_larger_than_the_total_is_refused() {
        var e = refusal(walkIns(2, 0, Map.of(), Map.of(AgeBand.DE_60_A_69, 2, AgeBand.NON_COMMUNIQUE, 1), Map.of()));
        assertThat(e.messageKey()).isEqualTo("atelier.record.walk-ins.age.too-many");
        assertThat(e.field()).isEqualTo(WalkIns.AGE);
    }

    @Test
    void a_status_breakdown_larger_than_the_total_is_refused() {
        var e = refusal(walkIns(1, 0, Map.of(), Map.of(), Map.of(OccupationStatus.RETRAITE, 2)));
        assertThat(e.messageKey()).isEqualTo("atelier.record.walk-ins.status.too-many");
        assertThat(e.field()).isEqualTo(WalkIns.STATUS);
    }

    @Test
    void more_people_already_helped_than_walk_ins_is_refused() {
        var e = refusal(walkIns(2, 3, Map.of(), Map.of(), Map.of()));
        assertThat(e.messageKey()).isEqualTo("atelier.record.walk-ins.helped.too-many");
        assertThat(e.field()).isEqualTo(WalkIns.ALREADY_HELPED);
    }

    @Test
    void a_negative_count_is_refused() {
        assertThat(refusal(walkIns(-1, 0, Map.of(), Map.of(), Map.of())).messageKey())
                .isEqualTo("atelier.record.walk-ins.negative");
        assertThat(refusal(walkIns(2, 0, Map.of(Gender.FEMININ, -1), Map.of(), Map.of())).field())
                .isEqualTo(WalkIns.GENDER);
    }

    @Test
    void a_breakdown_equal_to_the_total_is_accepted() {
        CollectiveRecord.checkWalkIns(walkIns(2, 2, Map.of(Gender.FEMININ, 1, Gender.NON_COMMUNIQUE, 1),
                Map.of(AgeBand.DE_25_A_39, 2), Map.of(OccupationStatus.EN_EMPLOI, 2)));
    }

    @Test
    void a_session_is_recorded_once_it_has_started_and_never_when_cancelled() {
        var session = session();
        assertThatThrownBy(() -> new CollectiveRecord(session, content(WalkIns.none()), 9L,
                AtelierSessionTest.START.minusSeconds(60)))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.messageKey()).isEqualTo("atelier.record.not-started"));
        var cancelled = session();
        cancelled.cancelSession(java.util.List.of(), AtelierSessionTest.NOW);
        assertThatThrownBy(() -> new CollectiveRecord(cancelled, content(WalkIns.none()), 9L, DURING))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.messageKey()).isEqualTo("atelier.record.session-cancelled"));
    }

    @Test
    void a_record_needs_a_theme_and_equipment() {
        var session = session();
        var noTheme = new CollectiveRecord.Content("Atelier", AtelierLevel.DEBUTANT, EnumSet.noneOf(Theme.class),
                EnumSet.of(EquipmentUsed.TABLETTE), 60, 3L, WalkIns.none(), null);
        assertThatThrownBy(() -> new CollectiveRecord(session, noTheme, 9L, DURING))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.messageKey()).isEqualTo("atelier.record.themes.required"));
        var noneAndSome = new CollectiveRecord.Content("Atelier", AtelierLevel.DEBUTANT, EnumSet.of(Theme.EMAIL),
                EnumSet.of(EquipmentUsed.TABLETTE, EquipmentUsed.PAS_DE_MATERIEL), 60, 3L, WalkIns.none(), null);
        assertThatThrownBy(() -> new CollectiveRecord(session, noneAndSome, 9L, DURING))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.messageKey()).isEqualTo("atelier.record.equipment.none-and-some"));
    }
}
