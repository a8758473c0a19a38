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
        return freeSlots(List.of(place), rules, from, to, now, ignoredAppointmentId).getOrDefault(place.id(), List.of());
    }

    /**
     * The free slots of several places of one structure, reading what they share once: the structure's advisors,
     * the opening hours and closures of all the places, and the busy periods of every advisor concerned.
     *
     * @return place id → its free slots, for every place asked (empty when nothing is free)
     */
    public Map<Long, List<FreeSlot>> freeSlots(List<PlaceSummary> places, SlotRules rules, LocalDate from, LocalDate to,
                                               Instant now, Long ignoredAppointmentId) {
        var result = new HashMap<Long, List<FreeSlot>>();
        places.forEach(p -> result.put(p.id(), List.of()));
        LocalDate today = now.atZone(ParisTime.ZONE).toLocalDate();
        LocalDate first = from.isBefore(today) ? today : from;
        LocalDate last = to.isAfter(today.plusDays(rules.horizonDays())) ? today.plusDays(rules.horizonDays()) : to;
        List<PlaceSummary> open = places.stream().filter(PlaceSummary::active).toList();
        if (open.isEmpty() || last.isBefore(first)) {
            return result;
        }
        // Advisors who still work at each place (one read per structure).
        Map<Long, Set<Long>> workingAt = new HashMap<>();
        for (long structureId : new TreeSet<>(open.stream().map(PlaceSummary::structureId).toList())) {
            for (AdvisorSummary advisor : directory.advisors(structureId)) {
                for (long placeId : advisor.placeIds()) {
                    workingAt.computeIfAbsent(placeId, k -> new HashSet<>()).add(advisor.id());
                }
            }
        }
        Map<Long, List<OpeningWindow>> windowsByPlace = new HashMap<>();
        for (OpeningHours h : hours.findByPlaceIdIn(open.stream().map(PlaceSummary::id).toList())) {
            OpeningWindow w = h.window();
            if (workingAt.getOrDefault(h.getPlaceId(), Set.of()).contains(w.advisorId())
                    && (w.validUntil() == null || !w.validUntil().isBefore(first)) && !w.validFrom().isAfter(last)) {
                windowsByPlace.computeIfAbsent(h.getPlaceId(), k -> new ArrayList<>()).add(w);
            }
        }
        List<PlaceSummary> receiving = open.stream().filter(p -> windowsByPlace.containsKey(p.id())).toList();
        if (receiving.isEmpty()) {
            return result;
        }
        Map<Long, Set<LocalDate>> closedByPlace = new HashMap<>();
        for (PlaceClosure closure : closures.findByPlaceIdInAndLastDayGreaterThanEqualAndFirstDayLessThanEqual(
                receiving.stream().map(PlaceSummary::id).toList(), first, last)) {
            var closed = closedByPlace.computeIfAbsent(closure.getPlaceId(), k -> new HashSet<>());
            for (LocalDate day = closure.getFirstDay(); !day.isAfter(closure.getLastDay()); day = day.plusDays(1)) {
                closed.add(day);
            }
        }
        // Only the days each advisor receives at one of these places: their time elsewhere is not read.
        Map<Long, Instant[]> ranges = new HashMap<>();
        for (var entry : windowsByPlace.entrySet()) {
            List<OpeningWindow> windows = entry.getValue();
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
                    Instant rangeFrom = advisorFrom.atStartOfDay(ParisTime.ZONE).toInstant();
                    Instant rangeTo = advisorTo.plusDays(1).atStartOfDay(ParisTime.ZONE).toInstant()
                            .plus(java.time.Duration.ofHours(3));
                    ranges.merge(advisor, new Instant[] {rangeFrom, rangeTo}, (a, b) -> new Instant[] {
                            a[0].isBefore(b[0]) ? a[0] : b[0], a[1].isAfter(b[1]) ? a[1] : b[1]});
                }
            }
        }
        Map<Long, List<TimeInterval>> busy = new HashMap<>();
        if (!ranges.isEmpty()) {
            // One query for every advisor concerned, over the span of their days.
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
        Map<String, Set<LocalDate>> holidays = new HashMap<>();
        for (PlaceSummary place : receiving) {
            Set<LocalDate> closed = new HashSet<>(holidays.computeIfAbsent(String.valueOf(place.departmentCode()),
                    d -> FrenchHolidays.between(first, last, place.departmentCode())));
            closed.addAll(closedByPlace.getOrDefault(place.id(), Set.of()));
            result.put(place.id(), calculator.freeSlots(new SlotCalculator.Availability(windowsByPlace.get(place.id()),
                    closed, busy), rules, now, first, last));
        }
        return result;
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
