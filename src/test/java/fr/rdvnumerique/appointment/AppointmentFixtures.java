package fr.rdvnumerique.appointment;

import fr.rdvnumerique.appointment.domain.Motif;
import fr.rdvnumerique.appointment.domain.MotifRepository;
import fr.rdvnumerique.appointment.domain.OpeningHours;
import fr.rdvnumerique.appointment.domain.OpeningHoursRepository;
import fr.rdvnumerique.base.taxonomy.Theme;
import fr.rdvnumerique.territory.TerritoryFixtures.TestTerritory;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Motifs and opening hours for a test's own territory (see {@code TerritoryFixtures}). */
@Component
public class AppointmentFixtures {

    private static final java.util.concurrent.atomic.AtomicInteger PHONES = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * A mobile number no other test uses, typed the French way ("06 39 98 00 17"): the cap of appointments per
     * contact counts across the shared database.
     */
    public static String uniquePhone() {
        int n = PHONES.incrementAndGet() + (int) (ProcessHandle.current().pid() % 1000) * 100;
        return String.format("06 3%d %02d %02d %02d", (n / 1_000_000) % 10, (n / 10_000) % 100, (n / 100) % 100, n % 100);
    }

    /** The same number in E.164. */
    public static String e164(String frenchMobile) {
        return "+33" + frenchMobile.replace(" ", "").substring(1);
    }

    private final MotifRepository motifs;
    private final OpeningHoursRepository hours;
    private final TransactionTemplate transactions;

    AppointmentFixtures(MotifRepository motifs, OpeningHoursRepository hours, TransactionTemplate transactions) {
        this.motifs = motifs;
        this.hours = hours;
        this.transactions = transactions;
    }

    /** "Prendre en main sa tablette": 45 min + 15 min buffer, 24 h notice, 6 weeks ahead, cut-off 2 h, both places. */
    public long motif(TestTerritory territory) {
        return motif(territory, "Prendre en main sa tablette", 45, 15, 24, 42, 2, false);
    }

    public long motif(TestTerritory territory, String label, int duration, int buffer, int noticeHours, int horizonDays,
                      int cutoffHours, boolean aidantsConnect) {
        return transactions.execute(status -> motifs.save(new Motif(territory.structureId(), new Motif.Details(label,
                "Pour apprendre à votre rythme", duration, buffer, noticeHours, horizonDays, cutoffHours, aidantsConnect, 0,
                Set.of(territory.placeId(), territory.secondPlaceId()), Set.of(Theme.PRENDRE_EN_MAIN_DU_MATERIEL),
                "Votre tablette, chargée\nVos codes si vous les avez notés"))).getId());
    }

    /** The territory's advisor receives at its first place every {@code day}, {@code from}–{@code to}. */
    public long open(TestTerritory territory, DayOfWeek day, String from, String to) {
        return open(territory, territory.advisorId(), territory.placeId(), day, from, to);
    }

    public long open(TestTerritory territory, long advisorId, long placeId, DayOfWeek day, String from, String to) {
        return transactions.execute(status -> hours.save(new OpeningHours(territory.structureId(), new OpeningHours.Details(
                advisorId, placeId, day, LocalTime.parse(from), LocalTime.parse(to), LocalDate.of(2020, 1, 1), null))).getId());
    }
}
