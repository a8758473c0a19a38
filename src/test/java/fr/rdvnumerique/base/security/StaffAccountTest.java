package fr.rdvnumerique.base.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.rdvnumerique.base.domain.EmailAddress;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/** What an account refuses, whatever screen feeds it. */
class StaffAccountTest {

    private static final EmailAddress EMAIL = EmailAddress.of("Camille@Ludres.example.org");

    @Test
    void an_advisor_or_coordinator_belongs_to_a_structure() {
        assertThatThrownBy(() -> new StaffAccount(EMAIL, "Camille", "{noop}x", EnumSet.of(Role.ADVISOR), null, null))
                .extracting("messageKey").isEqualTo("staff.account.structure.required");
        assertThatThrownBy(() -> new StaffAccount(EMAIL, "Camille", "{noop}x", EnumSet.noneOf(Role.class), 1L, null))
                .extracting("messageKey").isEqualTo("staff.account.roles.required");
    }

    @Test
    void an_account_standing_for_an_advisor_has_a_structure_even_as_administrator() {
        assertThatThrownBy(() -> new StaffAccount(EMAIL, "Camille", "{noop}x", EnumSet.of(Role.ADMIN), null, 5L))
                .extracting("messageKey").isEqualTo("staff.account.advisor.structure-required");
        var account = new StaffAccount(EMAIL, "Camille", "{noop}x", EnumSet.of(Role.ADMIN, Role.ADVISOR), 1L, 5L);
        assertThat(account.getAdvisorId()).isEqualTo(5L);
        assertThat(account.getEmail()).as("addresses are kept in lower case").isEqualTo("camille@ludres.example.org");
    }

    @Test
    void an_administrator_may_belong_to_no_structure() {
        var account = new StaffAccount(EMAIL, "Admin", "{noop}x", EnumSet.of(Role.ADMIN), null, null);
        assertThat(account.getStructureId()).isNull();
        assertThat(account.isActive()).isTrue();
    }

    @Test
    void deactivating_changing_roles_or_password_changes_the_security_stamp_and_renaming_does_not() {
        var account = new StaffAccount(EMAIL, "Camille", "{noop}x", EnumSet.of(Role.ADVISOR), 1L, null);
        ReflectionTestUtils.setField(account, "id", 7L);
        long stamp = account.getSecurityStamp();
        account.rename("Camille Rivière");
        account.assign(EnumSet.of(Role.ADVISOR), 1L, null);
        assertThat(account.getSecurityStamp()).as("nothing that matters changed").isEqualTo(stamp);

        account.assign(EnumSet.of(Role.ADVISOR, Role.COORDINATOR), 1L, null);
        assertThat(account.getSecurityStamp()).as("roles").isGreaterThan(stamp);
        stamp = account.getSecurityStamp();
        account.assign(EnumSet.of(Role.ADVISOR, Role.COORDINATOR), 2L, null);
        assertThat(account.getSecurityStamp()).as("structure").isGreaterThan(stamp);
        stamp = account.getSecurityStamp();
        account.changePasswordHash("{noop}y");
        assertThat(account.getSecurityStamp()).as("password").isGreaterThan(stamp);
        stamp = account.getSecurityStamp();
        account.deactivate();
        assertThat(account.getSecurityStamp()).as("deactivated").isGreaterThan(stamp);
    }
}
