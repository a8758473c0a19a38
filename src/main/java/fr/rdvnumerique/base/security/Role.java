package fr.rdvnumerique.base.security;

import fr.rdvnumerique.base.i18n.Labelled;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a staff member may do. A coordinator can do everything an advisor can, within their structure;
 * an administrator manages structures and staff accounts across the instance.
 */
public enum Role implements Labelled {
    ADVISOR,
    COORDINATOR,
    ADMIN;

    public static final String ADVISOR_NAME = "ADVISOR";
    public static final String COORDINATOR_NAME = "COORDINATOR";
    public static final String ADMIN_NAME = "ADMIN";

    /** This role and those it includes. */
    public Set<Role> withImplied() {
        return switch (this) {
            case ADVISOR -> EnumSet.of(ADVISOR);
            case COORDINATOR -> EnumSet.of(COORDINATOR, ADVISOR);
            case ADMIN -> EnumSet.of(ADMIN);
        };
    }

    public String authority() {
        return "ROLE_" + name();
    };

    @Override
    public String labelKey() {
        return "role." + name();
    }
}
