package fr.rdvnumerique.base.demo;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdvnumerique.appointment.BookingService;
import fr.rdvnumerique.atelier.AtelierCatalogue;
import fr.rdvnumerique.atelier.SessionFilter;
import fr.rdvnumerique.territory.CommuneSummary;
import fr.rdvnumerique.territory.PlaceSummary;
import fr.rdvnumerique.territory.StructureSummary;
import fr.rdvnumerique.territory.TerritoryDirectory;
import fr.rdvnumerique.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The default run's demo data: the two mutualisations of the seeds, their ateliers and motifs, loaded once. */
@IntegrationTest
class DemoDataTest {

    @Autowired DemoDataRunner runner;
    @Autowired TerritoryDirectory directory;
    @Autowired AtelierCatalogue catalogue;
    @Autowired BookingService booking;

    @Test
    void loads_the_ludres_and_saint_usage_mutualisations_once() {
        runner.loadOnce();
        runner.loadOnce();
        StructureSummary ludres = directory.structureBySlug("ludres").orElseThrow();
        assertThat(directory.communes(ludres.id())).extracting(CommuneSummary::name)
                .containsExactlyInAnyOrder("Ludres", "Fléville-devant-Nancy", "Houdemont", "Heillecourt");
        assertThat(directory.places(ludres.id())).extracting(PlaceSummary::name).contains("Médiathèque de Ludres");
        assertThat(directory.advisors(ludres.id())).hasSize(1);
        StructureSummary saintUsage = directory.structureBySlug("saint-usage").orElseThrow();
        assertThat(directory.communes(saintUsage.id())).extracting(CommuneSummary::name)
                .containsExactlyInAnyOrder("Saint-Usage", "Losne", "Saint-Jean-de-Losne");
        assertThat(directory.activeStructures().stream().filter(s -> s.slug().equals("ludres"))).hasSize(1);
        assertThat(catalogue.upcoming(ludres.id(), SessionFilter.all())).as("demo ateliers").isNotEmpty();
        assertThat(booking.motifs(ludres.id())).as("demo motifs").isNotEmpty();
        assertThat(catalogue.upcoming(saintUsage.id(), SessionFilter.all())).isNotEmpty();
    }
}
