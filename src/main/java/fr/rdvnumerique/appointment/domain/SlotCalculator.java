package fr.rdvnumerique.appointment.domain;

import fr.rdvnumerique.appointment.FreeSlot;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Free slots = opening hours minus closed days (public holidays, place closures) minus everything that occupies
 * the advisor (appointments, atelier sessions, absences), respecting the motif's duration, buffer, minimum notice
 * and horizon. Pure and deterministic: the caller loads the data, this computes.
 * <p>
 * Opening hours are Paris wall-clock times; each day's window is converted to instants on that day, so a window on
 * the night of a clock change lasts an hour less (March) or more (October), and every slot is a real instant.
 * Within a window, slots follow each other every duration + buffer from the opening time; when something occupies
 * the advisor, the next slot starts when it ends (on the five-minute grid of the advisor's schedule).
 */
public final class SlotCalculator {

    private static final Duration GRID = Duration.ofMinutes(5);

    private final ZoneId zone;

    public SlotCalculator(ZoneId zone) {
        this.zone = zone;
    }

    /**
     * What slot generation needs to know about a place and its advisors.
     *
     * @param windows       opening hours at the place, of the advisors who still work there
     * @param closedDays    public holidays of the place's département and days the place is closed
     * @param busyByAdvisor what already occupies each advisor, any order, possibly overlapping
     */
    public record Availability(List<OpeningWindow> windows, Set<LocalDate> closedDays,
                               Map<Long, List<TimeInterval>> busyByAdvisor) {
    }

    /** Free slots starting on the days {@code from}–{@code to} (inclusive), in time order. */
    public List<FreeSlot> freeSlots(Availability availability, SlotRules rules, Instant now, LocalDate from, LocalDate to) {
        Instant earliest = now.plus(rules.minNotice());
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate lastDay = today.plusDays(rules.horizonDays());
        LocalDate first = from.isBefore(today) ? today : from;
        LocalDate last = to.isAfter(lastDay) ? lastDay : to;
        Map<Long, List<TimeInterval>> busy = new HashMap<>();
        availability.busyByAdvisor().forEach((advisor, intervals) -> busy.put(advisor, merged(intervals)));

        var slots = new TreeMap<Instant, FreeSlot>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            if (availability.closedDays().contains(day)) {
                continue;
            }
            for (var entry : windowsOn(availability.windows(), day).entrySet()) {
                long advisor = entry.getKey();
                List<TimeInterval> advisorBusy = busy.getOrDefault(advisor, List.of());
                for (TimeInterval window : entry.getValue()) {
                    addSlots(advisor, window, advisorBusy, rules, earliest, slots);
                }
            }
        }
        return List.copyOf(slots.values());
    }

    /** Each advisor's opening windows of the day as instants, overlapping hours merged. */
    private Map<Long, List<TimeInterval>> windowsOn(List<OpeningWindow> windows, LocalDate day) {
        var byAdvisor = new TreeMap<Long, List<TimeInterval>>();
        for (OpeningWindow w : windows) {
            if (w.appliesOn(day)) {
                Instant start = instant(day, w.start());
                Instant end = instant(day, w.end());
                if (end.isAfter(start)) {
                    byAdvisor.computeIfAbsent(w.advisorId(), a -> new ArrayList<>()).add(new TimeInterval(start, end));
                }
            }
        }
        byAdvisor.replaceAll((advisor, list) -> merged(list));
        return byAdvisor;
    }

    private Instant instant(LocalDate day, LocalTime time) {
        // In the March gap, a wall time that does not exist moves forward by the gap; in October the earlier
        // of the two instants is taken.
        return ZonedDateTime.of(day, time, zone).toInstant();
    }

    private static void addSlots(long advisor, TimeInterval window, List<TimeInterval> busy, SlotRules rules,
                                 Instant earliest, TreeMap<Instant, FreeSlot> slots) {
        Duration step = rules.claimed();
        Instant t = window.start();
        while (!t.plus(rules.duration()).isAfter(window.end())) {
            if (t.isBefore(earliest)) {
                t = t.plus(step);
                continue;
            }
            Instant claimEnd = t.plus(step);
            TimeInterval blocking = firstOverlap(busy, t, claimEnd);
            if (blocking != null) {
                Instant next = ceilToGrid(blocking.end());
                t = next.isAfter(t) ? next : t.plus(GRID);
                continue;
            }
            Instant start = t;
            FreeSlot existing = slots.get(start);
            if (existing == null) {
                slots.put(start, new FreeSlot(start, start.plus(rules.duration()), List.of(advisor)));
            } else if (!existing.advisorIds().contains(advisor)) {
                var advisors = new ArrayList<>(existing.advisorIds());
                advisors.add(advisor);
                slots.put(start, new FreeSlot(start, existing.end(), advisors));
            }
            t = claimEnd;
        }
    }

    /** The first busy interval overlapping [start, end), by binary search on merged, sorted intervals. */
    private static TimeInterval firstOverlap(List<TimeInterval> busy, Instant start, Instant end) {
        int low = 0;
        int high = busy.size() - 1;
        int found = busy.size();
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (busy.get(mid).end().isAfter(start)) {
                found = mid;
                high = mid - 1;
            } else {
                low = mid + 1;
            }
        }
        if (found < busy.size() && busy.get(found).start().isBefore(end)) {
            return busy.get(found);
        }
        return null;
    }

    static List<TimeInterval> merged(List<TimeInterval> intervals) {
        if (intervals.size() <= 1) {
            return List.copyOf(intervals);
        }
        var sorted = new ArrayList<>(intervals);
        sorted.sort(Comparator.comparing(TimeInterval::start));
        var result = new ArrayList<TimeInterval>();
        TimeInterval current = sorted.getFirst();
        for (int i = 1; i < sorted.size(); i++) {
            TimeInterval next = sorted.get(i);
            if (!next.start().isAfter(current.end())) {
                current = new TimeInterval(current.start(), next.end().isAfter(current.end()) ? next.end() : current.end());
            } else {
                result.add(current);
                current = next;
            }
        }
        result.add(current);
        return result;
    }

    static Instant ceilToGrid(Instant instant) {
        long seconds = instant.getEpochSecond() + (instant.getNano() > 0 ? 1 : 0);
        long grid = GRID.toSeconds();
        long rounded = Math.floorDiv(seconds + grid - 1, grid) * grid;
        return Instant.ofEpochSecond(rounded);
    }
}
