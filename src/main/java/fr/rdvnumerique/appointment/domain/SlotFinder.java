package fr.rdvnumerique.appointment.domain;

import fr.rdvnumerique.appointment.FreeSlot;
import fr.rdvnumerique.base.time.ParisTime;
import fr.rdvnumerique.territory.AdvisorSchedule;
import fr.rdvnumerique.territory.AdvisorSummary;
import fr.rdvnumerique.territory.BusyPeriod;
import fr.rdvnumerique.territory.PlaceSummary;
import fr.rdvnumerique.territory.TerritoryDirectory;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * Loads what slot generation needs for one place (opening hours of the advisors who still work there, public
 * holidays and closures, the advisors' busy periods from the shared schedule) and hands it to
 * {@link SlotCalculator}. Runs inside the caller's transaction, so a booking checks the very slots it computed.
 */
@Component
public class SlotFinder {

    private final OpeningHoursRepository hours;
    private final PlaceClosureRepository closures;
    private final AdvisorSchedule schedule;
    private final TerritoryDirectory directory;
    private final SlotCalculator calculator = new SlotCalculator(ParisTime.ZONE);

    SlotFinder(OpeningHoursRepository hours, PlaceClosureRepository closures, AdvisorSchedule schedule,
               TerritoryDirectory directory) {
        this.hours = hours;
        this.closures = closures;
        this.schedule = schedule;
        this.directory = directory;
    }

    /**
     * @param ignoredAppointmentId an appointment being moved: its own time counts as free (null otherwise)
     */
    public List<FreeSlot> freeSlots(PlaceSummary place, SlotRules rules, LocalDate from, LocalDate to, Instant now,
                                    Long ignoredAppointmentId) {
        LocalDate today = now.atZone(ParisTime.ZONE).toLocalDate();
        LocalDate first = from.isBefore(today) ? today : from;
        LocalDate last = to.isAfter(today.plusDays(rules.horizonDays())) ? today.plusDays(rules.horizonDays()) : to;
        if (!place.active() || last.isBefore(first)) {
            return List.of();
        }
        Set<Long> working = new HashSet<>();
        for (AdvisorSummary advisor : directory.advisors(place.structureId())) {
            if (advisor.placeIds().contains(place.id())) {
                working.add(advisor.id());
            }
        }
        List<OpeningWindow> windows = hours.findByPlaceId(place.id()).stream()
                .map(OpeningHours::window)
                .filter(w -> working.contains(w.advisorId()))
                .filter(w -> (w.validUntil() == null || !w.validUntil().isBefore(first)) && !w.validFrom().isAfter(last))
                .toList();
        if (windows.isEmpty()) {
            return List.of();
        }
        Set<LocalDate> closed = new HashSet<>(FrenchHolidays.between(first, last, place.departmentCode()));
        for (PlaceClosure closure : closures.findByPlaceIdAndLastDayGreaterThanEqualAndFirstDayLessThanEqual(place.id(), first, last)) {
            for (LocalDate day = closure.getFirstDay(); !day.isAfter(closure.getLastDay()); day = day.plusDays(1)) {
                closed.add(day);
            }
        }
        // Only the days each advisor receives here: the advisor's time elsewhere before or after is not read.
        Map<Long, Instant[]> ranges = new HashMap<>();
        for (long advisor : new TreeSet<>(windows.stream().map(OpeningWindow::advisorId).toList())) {
            LocalDate advisorFrom = first;
            LocalDate advisorTo = last;
            while (!advisorFrom.isAfter(last) && !receives(windows, advisor, advisorFrom)) {
                advisorFrom = advisorFrom.plusDays(1);
            }
            while (!advisorTo.isBefore(advisorFrom) && !receives(windows, advisor, advisorTo)) {
                advisorTo = advisorTo.minusDays(1);
            }
            if (!advisorTo.isBefore(advisorFrom)) {
                // An appointment's buffer can run past midnight only by two hours at most.
                ranges.put(advisor, new Instant[] {advisorFrom.atStartOfDay(ParisTime.ZONE).toInstant(),
                        advisorTo.plusDays(1).atStartOfDay(ParisTime.ZONE).toInstant().plus(java.time.Duration.ofHours(3))});
            }
        }
        Map<Long, List<TimeInterval>> busy = new HashMap<>();
        if (!ranges.isEmpty()) {
            // One query for every advisor of the place, over the span of their days.
            Instant busyFrom = ranges.values().stream().map(r -> r[0]).min(Instant::compareTo).orElseThrow();
            Instant busyTo = ranges.values().stream().map(r -> r[1]).max(Instant::compareTo).orElseThrow();
            Map<Long, List<BusyPeriod>> periods = schedule.busy(ranges.keySet(), busyFrom, busyTo);
            for (var range : ranges.entrySet()) {
                var intervals = new ArrayList<TimeInterval>();
                for (BusyPeriod period : periods.getOrDefault(range.getKey(), List.of())) {
                    boolean own = ignoredAppointmentId != null && Appointment.OWNER_KIND.equals(period.ownerKind())
                            && period.ownerId() == ignoredAppointmentId;
                    if (!own && period.overlaps(range.getValue()[0], range.getValue()[1])) {
                        intervals.add(new TimeInterval(period.start(), period.end()));
                    }
                }
                busy.put(range.getKey(), intervals);
            }
        }
        return calculator.freeSlots(new SlotCalculator.Availability(windows, closed, busy), rules, now, first, last);
    }

    private static boolean receives(List<OpeningWindow> windows, long advisor, LocalDate day) {
        for (OpeningWindow w : windows) {
            if (w.advisorId() == advisor && w.appliesOn(day)) {
                return true;
            }
        }
        return false;
    }
}
