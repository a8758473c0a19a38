package fr.rdvnumerique.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.rdvnumerique.base.security.CurrentStaff;
import fr.rdvnumerique.base.security.StaffLogin;
import fr.rdvnumerique.base.security.StructureMembership;
import fr.rdvnumerique.testing.IntegrationTest;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Two application nodes share one database and nothing else. Whether a structure is active decides
 * whether its staff may act: a deactivation committed by another node (here a direct change of the row, as that
 * node's transaction leaves it; this node's service never runs, so nothing here is told) stops this node's staff
 * at their very next request, not after some time a cache of this node keeps an old answer.
 */
@IntegrationTest
class StructureDeactivationAcrossNodesTest {

    @Autowired TerritoryFixtures fixtures;
    @Autowired StructureMembership membership;
    @Autowired CurrentStaff staff;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void tearDown() {
        RequestContextHolder.resetRequestAttributes();
        StaffLogin.signOut();
    }

    @Test
    void a_structure_deactivated_on_another_node_stops_its_staff_here_at_their_next_request() {
        var territory = fixtures.create("Deux noeuds");
        long id = territory.structureId();
        StaffLogin.coordinator(id);

        // A request on this node: the answer is asked once and kept for the rest of the request only.
        assertThat(inRequest(() -> staff.structureId())).isEqualTo(id);
        assertThat(inRequest(() -> {
            boolean before = membership.isStructureActive(id);
            setActiveOnAnotherNode(id, false);
            return before && membership.isStructureActive(id);
        })).as("within one request the first answer holds").isTrue();

        // The next request, at once: no waiting for an expiry.
        assertThat(inRequest(() -> membership.isStructureActive(id))).isFalse();
        assertThatThrownBy(() -> inRequest(() -> staff.structureId())).isInstanceOf(AccessDeniedException.class);
        // Outside any request (jobs): the database answers every time.
        assertThat(membership.isStructureActive(id)).isFalse();

        setActiveOnAnotherNode(id, true);
        assertThat(inRequest(() -> staff.structureId())).as("reactivated elsewhere, works here again").isEqualTo(id);
        assertThat(membership.isStructureActive(id)).isTrue();
    }

    private void setActiveOnAnotherNode(long structureId, boolean active) {
        assertThat(jdbc.sql("update structure set active = :active where id = :id")
                .param("active", active).param("id", structureId).update()).isEqualTo(1);
    }

    private static <T> T inRequest(Supplier<T> work) {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        try {
            return work.get();
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }
    }
}
