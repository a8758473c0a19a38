package fr.rdvnumerique.notification.sms;

import fr.rdvnumerique.base.i18n.FrenchDates;
import fr.rdvnumerique.base.time.ParisTime;
import java.time.Instant;
import java.time.ZonedDateTime;

/** Dates in text messages: written out, without the year (it is always the coming one), "mardi 3 décembre à 14 h 00". */
public final class SmsWhen {

    private SmsWhen() {
    }

    public static String of(Instant instant) {
        ZonedDateTime local = instant.atZone(ParisTime.ZONE);
        return FrenchDates.dayWithoutYear(local.toLocalDate()) + " à " + FrenchDates.time(local.toLocalTime());
    }
}
