package fr.rdvnumerique.territory;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of kiosk enrolment ({@code rdv.kiosk.enrolment.*}).
 *
 * @param linkValidity how long an activation link works if nobody opens it on the screen: a link forgotten in
 *                     a mail or a screenshot must not enrol a screen months later
 */
@ConfigurationProperties("rdv.kiosk.enrolment")
public record KioskEnrolmentSettings(@DefaultValue("7d") Duration linkValidity) {

    public KioskEnrolmentSettings {
        if (linkValidity == null || linkValidity.isNegative() || linkValidity.isZero()) {
            throw new IllegalArgumentException("rdv.kiosk.enrolment.link-validity must be positive");
        }
    }
}
