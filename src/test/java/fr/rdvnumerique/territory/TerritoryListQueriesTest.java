package fr.rdvnumerique.territory;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdvnumerique.base.security.StaffLogin;
import fr.rdvnumerique.testing.IntegrationTest;
import jakarta.persistence.EntityManagerFactory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

/**
 * Staff lists cost a fixed number of queries whatever the number of rows: the places of the advisors and the
 * hours and instalments of the conventions load in batches, not one query per row (N+1).
 */
@IntegrationTest
class TerritoryListQueriesTest {

    private static final int ROWS = 12;

    @Autowired TerritoryFixtures fixtures;
    @Autowired AdvisorService advisors;
    @Autowired ConventionService conventions;
    @Autowired EntityManagerFactory entityManagerFactory;

    Statistics statistics;

    @BeforeEach
    void setUp() {
        var territory = fixtures.create("Requêtes");
        for (int i = 1; i < ROWS; i++) {
            fixtures.addAdvisor(territory, "Conseiller " + i);
        }
        StaffLogin.coordinator(territory.structureId());
        for (int i = 0; i < ROWS; i++) {
            conventions.create(new ConventionForm("Convention " + i, territory.communeId(), LocalDate.of(2020 + i, 1, 5),
                    LocalDate.of(2020 + i, 1, 1), LocalDate.of(2020 + i, 12, 31), 1, new BigDecimal("50000"), BigDecimal.ZERO,
                    List.of(new ConventionForm.Share(territory.communeId(), new BigDecimal("35"))),
                    List.of(new ConventionForm.Instalment(20, 0), new ConventionForm.Instalment(80, 6))));
        }
        statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
    }

    @AfterEach
    void tearDown() {
        statistics.setStatisticsEnabled(false);
        StaffLogin.signOut();
    }

    private long statements(Supplier<Integer> list) {
        statistics.clear();
        int rows = list.get();
        assertThat(rows).isPositive();
        return statistics.getPrepareStatementCount();
    }

    @Test
    void listing_advisors_costs_the_same_queries_for_two_rows_or_twelve() {
        long two = statements(() -> advisors.list(PageRequest.of(0, 2)).getNumberOfElements());
        long twelve = statements(() -> advisors.list(PageRequest.of(0, 50)).getNumberOfElements());
        assertThat(advisors.list(PageRequest.of(0, 50)).getContent()).hasSize(ROWS)
                .allSatisfy(a -> assertThat(a.placeIds()).hasSize(2));
        assertThat(twelve).as("statements for %d advisors", ROWS).isEqualTo(two).isLessThanOrEqualTo(4);
    }

    @Test
    void listing_conventions_costs_the_same_queries_for_two_rows_or_twelve() {
        long two = statements(() -> conventions.list(PageRequest.of(0, 2)).getNumberOfElements());
        long twelve = statements(() -> conventions.list(PageRequest.of(0, 50)).getNumberOfElements());
        assertThat(conventions.list(PageRequest.of(0, 50)).getContent()).hasSize(ROWS)
                .allSatisfy(c -> assertThat(c.instalments()).hasSize(2));
        assertThat(twelve).as("statements for %d conventions", ROWS).isEqualTo(two).isLessThanOrEqualTo(6);
    }
}
