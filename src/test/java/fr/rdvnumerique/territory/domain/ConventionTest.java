package fr.rdvnumerique.territory.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.rdvnumerique.base.domain.InvalidValueException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConventionTest {

    private static final long LUDRES = 1, FLEVILLE = 2, HOUDEMONT = 3, HEILLECOURT = 4;
    private static final List<SubsidyInstalment> TWENTY_THIRTY_FIFTY = List.of(new SubsidyInstalment(20, 0),
            new SubsidyInstalment(30, 6), new SubsidyInstalment(50, 12));

    private static Convention.Terms terms(List<CommuneShare> shares, List<SubsidyInstalment> instalments) {
        return new Convention.Terms("Convention", LUDRES, LocalDate.of(2021, 7, 8), LocalDate.of(2021, 5, 11),
                LocalDate.of(2023, 5, 10), 1, new BigDecimal("50000"), new BigDecimal("12000"), shares, instalments);
    }

    private static List<CommuneShare> hours(double ludres, double fleville, double houdemont, double heillecourt) {
        return List.of(new CommuneShare(LUDRES, BigDecimal.valueOf(ludres)), new CommuneShare(FLEVILLE, BigDecimal.valueOf(fleville)),
                new CommuneShare(HOUDEMONT, BigDecimal.valueOf(houdemont)), new CommuneShare(HEILLECOURT, BigDecimal.valueOf(heillecourt)));
    }

    @Test
    void costs_are_shared_in_proportion_to_the_hours_of_each_commune() {
        var convention = new Convention(1, terms(hours(14, 8, 6, 7), TWENTY_THIRTY_FIFTY));
        var split = convention.splitCost(new BigDecimal("35000"));
        assertThat(split).containsEntry(LUDRES, new BigDecimal("14000.00")).containsEntry(FLEVILLE, new BigDecimal("8000.00"))
                .containsEntry(HOUDEMONT, new BigDecimal("6000.00")).containsEntry(HEILLECOURT, new BigDecimal("7000.00"));
    }

    @Test
    void shared_costs_always_add_up_to_the_cent() {
        var convention = new Convention(1, terms(hours(10, 10, 10, 5), TWENTY_THIRTY_FIFTY));
        var split = convention.splitCost(new BigDecimal("1000.00"));
        assertThat(split.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("1000.00");
        assertThat(split.get(LUDRES)).isIn(new BigDecimal("285.71"), new BigDecimal("285.72"));
    }

    @Test
    void the_subsidy_is_paid_20_30_50_percent_at_signature_six_and_twelve_months() {
        var convention = new Convention(1, terms(hours(14, 8, 6, 7), TWENTY_THIRTY_FIFTY));
        assertThat(convention.instalmentSchedule()).containsExactly(
                new Convention.InstalmentDue(LocalDate.of(2021, 7, 8), 20, new BigDecimal("10000.00")),
                new Convention.InstalmentDue(LocalDate.of(2022, 1, 8), 30, new BigDecimal("15000.00")),
                new Convention.InstalmentDue(LocalDate.of(2022, 7, 8), 50, new BigDecimal("25000.00")));
    }

    @Test
    void instalments_must_add_up_to_100_percent() {
        assertThatThrownBy(() -> new Convention(1, terms(hours(14, 8, 6, 7),
                List.of(new SubsidyInstalment(20, 0), new SubsidyInstalment(30, 6)))))
                .isInstanceOf(InvalidValueException.class).extracting("messageKey")
                .isEqualTo("territory.convention.instalments.not-100");
    }

    @Test
    void the_host_commune_must_receive_hours() {
        var withoutHost = List.of(new CommuneShare(FLEVILLE, BigDecimal.TEN));
        assertThatThrownBy(() -> new Convention(1, terms(withoutHost, TWENTY_THIRTY_FIFTY)))
                .extracting("messageKey").isEqualTo("territory.convention.host-not-partner");
    }

    @Test
    void one_post_cannot_give_more_than_35_hours_a_week() {
        assertThatThrownBy(() -> new Convention(1, terms(hours(20, 8, 6, 7), TWENTY_THIRTY_FIFTY)))
                .extracting("messageKey").isEqualTo("territory.convention.shares.too-many-hours");
    }

    @Test
    void a_commune_appears_once_with_positive_hours() {
        var twice = List.of(new CommuneShare(LUDRES, BigDecimal.TEN), new CommuneShare(LUDRES, BigDecimal.ONE));
        assertThatThrownBy(() -> new Convention(1, terms(twice, TWENTY_THIRTY_FIFTY)))
                .extracting("messageKey").isEqualTo("territory.convention.shares.duplicate");
        var zero = List.of(new CommuneShare(LUDRES, BigDecimal.ZERO));
        assertThatThrownBy(() -> new Convention(1, terms(zero, TWENTY_THIRTY_FIFTY)))
                .extracting("messageKey").isEqualTo("territory.convention.shares.hours-positive");
    }

    @Test
    void the_period_ends_after_it_starts() {
        var t = terms(hours(14, 8, 6, 7), TWENTY_THIRTY_FIFTY);
        var backwards = new Convention.Terms(t.title(), t.hostCommuneId(), t.signedOn(), t.validUntil(), t.validFrom(),
                t.posts(), t.subsidyAmount(), t.otherAnnualCosts(), t.shares(), t.instalments());
        assertThatThrownBy(() -> new Convention(1, backwards)).extracting("messageKey")
                .isEqualTo("territory.convention.period.invalid");
    }

    @Test
    void a_convention_is_in_force_between_its_first_and_last_day() {
        var convention = new Convention(1, terms(hours(14, 8, 6, 7), TWENTY_THIRTY_FIFTY));
        assertThat(convention.isInForceOn(LocalDate.of(2021, 5, 11))).isTrue();
        assertThat(convention.isInForceOn(LocalDate.of(2023, 5, 10))).isTrue();
        assertThat(convention.isInForceOn(LocalDate.of(2023, 5, 11))).isFalse();
    }

    @Test
    void a_deactivated_convention_is_never_in_force_but_keeps_its_terms() {
        var convention = new Convention(1, terms(hours(14, 8, 6, 7), TWENTY_THIRTY_FIFTY));
        LocalDate inside = LocalDate.of(2022, 1, 10);
        assertThat(convention.isInForceOn(inside)).isTrue();
        convention.setActive(false);
        assertThat(convention.isInForceOn(inside)).isFalse();
        assertThat(convention.terms().shares()).hasSize(4);
        assertThat(convention.totalWeeklyHours()).isEqualByComparingTo("35");
        convention.setActive(true);
        assertThat(convention.isInForceOn(inside)).isTrue();
    }
}
