package fr.rdvnumerique.appointment.domain;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import fr.rdvnumerique.territory.Departments;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Year;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * French public holidays of a département, for any year, from the maintained jollyday calendar (Easter-based
 * days included), with the local law of Alsace-Moselle (Bas-Rhin 67, Haut-Rhin 68, Moselle 57): Good Friday and
 * 26 December. jollyday 1.8.1 lists both for 67 and 68 but only 26 December for 57, so both days are added for
 * the three départements here rather than trusting each release.
 */
public final class FrenchHolidays {

    private static final HolidayManager FRANCE = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.FRANCE));
    private static final Map<String, Set<LocalDate>> CACHE = new ConcurrentHashMap<>();

    private FrenchHolidays() {
    }

    public static boolean isHoliday(LocalDate day, String departmentCode) {
        return ofYear(day.getYear(), departmentCode).contains(day);
    }

    /** The holidays between two days, inclusive. */
    public static Set<LocalDate> between(LocalDate from, LocalDate to, String departmentCode) {
        var days = new HashSet<LocalDate>();
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            for (LocalDate day : ofYear(year, departmentCode)) {
                if (!day.isBefore(from) && !day.isAfter(to)) {
                    days.add(day);
                }
            }
        }
        return days;
    }

    static Set<LocalDate> ofYear(int year, String departmentCode) {
        String department = departmentCode == null ? "" : departmentCode;
        return CACHE.computeIfAbsent(year + "|" + department, key -> compute(year, department));
    }

    private static Set<LocalDate> compute(int year, String department) {
        var days = new HashSet<LocalDate>();
        Set<Holiday> holidays = department.isEmpty() || !FRANCE.getCalendarHierarchy().getChildren().containsKey(department)
                ? FRANCE.getHolidays(Year.of(year))
                : FRANCE.getHolidays(Year.of(year), department);
        holidays.forEach(h -> days.add(h.getDate()));
        if (Departments.isAlsaceMoselle(department)) {
            days.add(MonthDay.of(12, 26).atYear(year));
            // Good Friday: three days before the Easter Monday that the national calendar computes.
            holidays.stream().filter(h -> h.getPropertiesKey().endsWith("EASTER_MONDAY")).findFirst()
                    .ifPresent(h -> days.add(h.getDate().minusDays(3)));
        }
        return Set.copyOf(days);
    }
}
