package fr.rdvnumerique.reporting;

import fr.rdvnumerique.appointment.AppointmentStatus;
import fr.rdvnumerique.appointment.IndividualFigures;
import fr.rdvnumerique.atelier.AtelierFigures;
import fr.rdvnumerique.base.i18n.FrenchDates;
import fr.rdvnumerique.base.i18n.Labelled;
import fr.rdvnumerique.base.taxonomy.ActivityLocation;
import fr.rdvnumerique.base.taxonomy.AdministrativeTheme;
import fr.rdvnumerique.base.taxonomy.AtelierLevel;
import fr.rdvnumerique.base.taxonomy.AutonomyLevel;
import fr.rdvnumerique.base.taxonomy.DurationBand;
import fr.rdvnumerique.base.taxonomy.EquipmentUsed;
import fr.rdvnumerique.base.taxonomy.Gender;
import fr.rdvnumerique.base.taxonomy.OccupationStatus;
import fr.rdvnumerique.base.taxonomy.ReferralKind;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * What the report says, in the order of the council's deliberation: 1. the people helped and their autonomy,
 * 2. the rendez-vous, 3. their motivations as themes, 4. the ateliers, 5. the objectives for next year, then the
 * hours per commune that share the costs. Texts come from the reporting bundle through the given translator.
 */
public final class ReportLayout {

    /** Looks up a text of the bundle, as {@code getTranslation} does in views. */
    @FunctionalInterface
    public interface Translator {
        String t(String key, Object... args);
    }

    private static final int SHORT_LIST = 8;

    private final Translator texts;
    private final NumberFormat decimal = NumberFormat.getNumberInstance(Locale.FRENCH);
    private final NumberFormat money = NumberFormat.getCurrencyInstance(Locale.FRANCE);

    public ReportLayout(Translator texts) {
        this.texts = texts;
        decimal.setMaximumFractionDigits(1);
    }

    /** "Du 1er janvier 2026 au 31 décembre 2026 – Ludres". */
    public String subtitle(ActivityReport report) {
        String period = texts.t("reporting.period.text", FrenchDates.day(report.from()), FrenchDates.day(report.to()));
        return report.communeName() == null ? texts.t("reporting.scope.all", period)
                : texts.t("reporting.scope.commune", period, report.communeName());
    }

    public List<ReportSection> sections(ActivityReport report) {
        return List.of(people(report), appointments(report), themes(report), ateliers(report),
                objectives(report), hours(report));
    }

    private ReportSection people(ActivityReport r) {
        IndividualFigures i = r.individual();
        AtelierFigures a = r.ateliers();
        IndividualFigures pi = r.previous().individual();
        AtelierFigures pa = r.previous().ateliers();
        var key = comparison("reporting.people.key");
        key.add(figure(t("reporting.people.help-given"), r.helpGiven(), r.previous().helpGiven()));
        key.add(figure(t("reporting.people.individual-records"), i.recordCount(), pi.recordCount()));
        key.add(figure(t("reporting.people.appointment-people"), i.distinctPeople(), pi.distinctPeople()));
        key.add(figure(t("reporting.people.atelier-participants"), a.participants(), pa.participants()));
        key.add(figure(t("reporting.people.atelier-people"), a.distinctPeople(), pa.distinctPeople()));
        key.add(figure(t("reporting.people.atelier-walk-ins"), a.walkIns(), pa.walkIns()));

        var autonomy = counts("reporting.people.autonomy", i.byAutonomy(), AutonomyLevel.class);
        var ages = table("reporting.people.ages", List.of("reporting.col.age", "reporting.col.individual",
                "reporting.col.ateliers"));
        r.ages().forEach(line -> ages.add(split(t(line.band().labelKey()), line.individual(), line.ateliers())));
        var gender = counts("reporting.people.gender", i.byGender(), Gender.class);
        var occupation = counts("reporting.people.occupation", i.byOccupation(), OccupationStatus.class);
        var residence = table("reporting.people.residence", List.of("reporting.col.commune", "reporting.col.individual",
                "reporting.col.ateliers"));
        var communes = new TreeSet<Long>(i.byResidenceCommune().keySet());
        communes.addAll(a.participantsByCommune().keySet());
        for (Long commune : communes) {
            residence.add(split(r.communeNames().getOrDefault(commune, "?"), i.byResidenceCommune().getOrDefault(commune, 0L),
                    a.participantsByCommune().getOrDefault(commune, 0L)));
        }
        residence.add(split(t("reporting.people.elsewhere"), 0, a.residentsElsewhere()));
        residence.add(split(t("reporting.people.not-given"), i.residenceNotGiven(), a.residenceNotGiven()));
        var progress = table("reporting.people.autonomy-progress", List.of("reporting.col.autonomy",
                "reporting.col.first-record", "reporting.col.latest-record"));
        for (AutonomyLevel level : AutonomyLevel.values()) {
            long first = i.peopleByFirstAutonomy().getOrDefault(level, 0L);
            long latest = i.peopleByLatestAutonomy().getOrDefault(level, 0L);
            progress.add(new ReportSection.Row(List.of(t(level.labelKey()), Long.toString(first), Long.toString(latest)),
                    latest));
        }
        var autonomyChart = chart("autonomy", "reporting.chart.autonomy", ReportSection.Chart.Kind.BARS,
                "reporting.chart.people", labels(AutonomyLevel.class), List.of(
                        series(t("reporting.col.first-record"), values(i.peopleByFirstAutonomy(), AutonomyLevel.class)),
                        series(t("reporting.col.latest-record"), values(i.peopleByLatestAutonomy(), AutonomyLevel.class))),
                progress.caption);
        return section("reporting.section.people", null, List.of(autonomyChart), key, progress, autonomy, ages, gender,
                occupation, residence);
    }

    private ReportSection appointments(ActivityReport r) {
        IndividualFigures i = r.individual();
        var status = table("reporting.appointments.status", List.of("reporting.col.status", "reporting.col.count"));
        for (AppointmentStatus s : AppointmentStatus.values()) {
            status.add(row(t("reporting.appointments.status." + s.name()), i.appointmentsByStatus().getOrDefault(s, 0L)));
        }
        var kinds = table("reporting.appointments.records", List.of("reporting.col.kind", "reporting.col.count"));
        for (String kind : List.of("RENDEZ_VOUS", "PONCTUEL")) {
            kinds.add(row(t("reporting.appointments.kind." + kind), i.records().getOrDefault(kind, 0L)));
        }
        var motifs = table("reporting.appointments.motifs", List.of("reporting.col.motif", "reporting.col.count"));
        i.appointmentsByMotif().forEach((motif, n) -> motifs.add(row(motif, n)));
        var referral = counts("reporting.appointments.referral", i.byReferral(), ReferralKind.class);
        referral.add(0, new ReportSection.Row(List.of(t("reporting.appointments.referred"), Long.toString(i.referred()),
                i.recordCount() == 0 ? "–" : Math.round(100.0 * i.referred() / i.recordCount()) + " %"), 0));
        var months = table("reporting.appointments.months", List.of("reporting.col.month", "reporting.col.appointments",
                "reporting.col.attendees"));
        var appointmentsByMonth = new ArrayList<Number>();
        var attendeesByMonth = new ArrayList<Number>();
        for (YearMonth month : months(r)) {
            long appointments = i.appointmentsByMonth().getOrDefault(month, 0L);
            long attendees = r.ateliers().byMonth().getOrDefault(month, NO_MONTH).attendees();
            appointmentsByMonth.add(appointments);
            attendeesByMonth.add(attendees);
            months.add(new ReportSection.Row(List.of(monthName(month), Long.toString(appointments),
                    Long.toString(attendees)), 0));
        }
        var monthly = chart("months", "reporting.chart.months", ReportSection.Chart.Kind.COLUMNS,
                "reporting.chart.people", monthNames(r), List.of(series(t("reporting.col.appointments"), appointmentsByMonth),
                        series(t("reporting.col.attendees"), attendeesByMonth)), months.caption);
        return section("reporting.section.appointments", null, List.of(monthly), months, status, kinds,
                counts("reporting.appointments.channel", i.appointmentsByChannel(), fr.rdvnumerique.base.domain.Channel.class),
                motifs,
                counts("reporting.appointments.duration", i.byDuration(), DurationBand.class),
                counts("reporting.appointments.location", i.byLocation(), ActivityLocation.class),
                counts("reporting.appointments.equipment", i.byEquipment(), EquipmentUsed.class),
                referral);
    }

    private ReportSection themes(ActivityReport r) {
        var themes = table("reporting.themes.table", List.of("reporting.col.theme", "reporting.col.individual",
                "reporting.col.atelier-sessions", "reporting.col.total"));
        r.themes().forEach(line -> themes.add(new ReportSection.Row(List.of(t(line.theme().labelKey()),
                Long.toString(line.individual()), Long.toString(line.atelierSessions()), Long.toString(line.total())),
                line.total())));
        var ranked = r.themes().stream().limit(THEMES_CHARTED).toList();
        var themeChart = chart("themes", "reporting.chart.themes", ReportSection.Chart.Kind.BARS,
                "reporting.chart.activities", ranked.stream().map(line -> t(line.theme().labelKey())).toList(),
                List.of(series(t("reporting.col.individual"), ranked.stream().map(l -> (Number) l.individual()).toList()),
                        series(t("reporting.col.atelier-sessions"),
                                ranked.stream().map(l -> (Number) l.atelierSessions()).toList())), themes.caption);
        return section("reporting.section.themes", null, List.of(themeChart), themes,
                counts("reporting.themes.administrative", r.individual().byAdministrativeTheme(),
                AdministrativeTheme.class));
    }

    private ReportSection ateliers(ActivityReport r) {
        AtelierFigures a = r.ateliers();
        AtelierFigures p = r.previous().ateliers();
        var key = comparison("reporting.ateliers.key");
        key.add(figure(t("reporting.ateliers.held"), a.sessionsHeld(), p.sessionsHeld()));
        key.add(figure(t("reporting.ateliers.cancelled"), a.sessionsCancelled(), p.sessionsCancelled()));
        key.add(figure(t("reporting.ateliers.seats"), a.seatsOffered(), p.seatsOffered()));
        key.add(figure(t("reporting.ateliers.participants"), a.participants(), p.participants()));
        key.add(new ReportSection.Row(List.of(t("reporting.ateliers.fill-rate"), a.fillRatePercent() + " %",
                p.seatsOffered() == 0 ? "–" : p.fillRatePercent() + " %", p.seatsOffered() == 0 || a.seatsOffered() == 0
                ? "–" : points(a.fillRatePercent() - p.fillRatePercent())), 0));
        key.add(figure(t("reporting.ateliers.present"), a.present(), p.present()));
        key.add(figure(t("reporting.ateliers.absent"), a.absent(), p.absent()));
        key.add(figure(t("reporting.ateliers.excused"), a.excused(), p.excused()));
        key.add(figure(t("reporting.ateliers.not-marked"), a.attendanceNotMarked(), p.attendanceNotMarked()));
        key.add(figure(t("reporting.ateliers.walk-ins"), a.walkIns(), p.walkIns()));
        key.add(figure(t("reporting.ateliers.walk-ins-helped"), a.walkInsAlreadyHelped(), p.walkInsAlreadyHelped()));
        key.add(figure(t("reporting.ateliers.recorded"), a.sessionsRecorded(), p.sessionsRecorded()));
        key.add(figure(t("reporting.ateliers.waiting"), a.waitingAtStart(), p.waitingAtStart()));
        var months = table("reporting.ateliers.months", List.of("reporting.col.month", "reporting.col.seats",
                "reporting.col.seats-taken", "reporting.col.fill-rate", "reporting.col.waiting"));
        var seats = new ArrayList<Number>();
        var taken = new ArrayList<Number>();
        var waiting = new ArrayList<Number>();
        for (YearMonth month : months(r)) {
            AtelierFigures.Month m = a.byMonth().getOrDefault(month, NO_MONTH);
            seats.add(m.seats());
            taken.add(m.participants());
            waiting.add(m.waiting());
            months.add(new ReportSection.Row(List.of(monthName(month), Long.toString(m.seats()),
                    Long.toString(m.participants()), m.seats() == 0 ? "–" : m.fillRatePercent() + " %",
                    Long.toString(m.waiting())), 0));
        }
        var fill = chart("fill", "reporting.chart.fill", ReportSection.Chart.Kind.COLUMNS, "reporting.chart.seats",
                monthNames(r), List.of(series(t("reporting.col.seats"), seats), series(t("reporting.col.seats-taken"), taken),
                        series(t("reporting.col.waiting"), waiting)), months.caption);
        var workshops = table("reporting.ateliers.workshops", List.of("reporting.col.workshop", "reporting.col.level",
                "reporting.col.sessions", "reporting.col.participants", "reporting.col.present"));
        a.workshops().forEach(w -> workshops.add(new ReportSection.Row(List.of(w.title(), t(w.level().labelKey()),
                Long.toString(w.sessions()), Long.toString(w.participants()), Long.toString(w.present())), w.participants())));
        return section("reporting.section.ateliers", null, List.of(fill), key, months, workshops, counts("reporting.ateliers.levels",
                a.sessionsByLevel(), AtelierLevel.class), counts("reporting.ateliers.channel", a.registrationsByChannel(),
                fr.rdvnumerique.base.domain.Channel.class));
    }

    private ReportSection objectives(ActivityReport r) {
        String text = r.objectives().isBlank() ? t("reporting.objectives.none") : r.objectives();
        return new ReportSection(t("reporting.section.objectives", Integer.toString(r.objectivesYear() + 1)), List.of(), text);
    }

    private ReportSection hours(ActivityReport r) {
        var hours = table("reporting.hours.table", List.of("reporting.col.commune", "reporting.col.weekly-hours",
                "reporting.col.allocated-hours", "reporting.col.delivered-hours", "reporting.col.delivered-share",
                "reporting.col.cost-share"));
        for (CommuneHours h : r.hours()) {
            hours.add(new ReportSection.Row(List.of(h.communeName(), hoursText(h.weeklyHours()), hoursText(h.allocatedHours()),
                    hoursText(h.deliveredHours()), h.deliveredPercent() + " %",
                    h.costShare() == null ? "–" : money.format(h.costShare())), h.deliveredHours().longValue()));
        }
        String note = r.hasConvention() ? t("reporting.hours.note") : t("reporting.hours.no-convention");
        var hoursChart = chart("hours", "reporting.chart.hours", ReportSection.Chart.Kind.BARS, "reporting.chart.hours-axis",
                r.hours().stream().map(CommuneHours::communeName).toList(),
                List.of(series(t("reporting.col.allocated-hours"), r.hours().stream().map(h -> (Number) h.allocatedHours()).toList()),
                        series(t("reporting.col.delivered-hours"), r.hours().stream().map(h -> (Number) h.deliveredHours()).toList())),
                hours.caption);
        return section("reporting.section.hours", note, r.hours().isEmpty() ? List.of() : List.of(hoursChart), hours);
    }

    // --- Building blocks -----------------------------------------------------------------------------------------

    private String hoursText(BigDecimal hours) {
        return t("reporting.hours.value", decimal.format(hours));
    }

    /**
     * A count per value, with its share. Short lists show every value, zeros too, so the reader sees what was
     * possible; long ones (themes, referrals) only what happened.
     */
    private <E extends Enum<E> & Labelled> RowList counts(String captionKey, Map<E, Long> counts, Class<E> type) {
        var table = table(captionKey, List.of("reporting.col.what", "reporting.col.count", "reporting.col.share"));
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        E[] all = type.getEnumConstants();
        for (E value : all) {
            long n = counts.getOrDefault(value, 0L);
            if (n > 0 || all.length <= SHORT_LIST) {
                table.add(new ReportSection.Row(List.of(t(value.labelKey()), Long.toString(n),
                        total == 0 ? "–" : Math.round(100.0 * n / total) + " %"), n));
            }
        }
        return table;
    }

    /** A line counted on both sides, individual help and ateliers. */
    private ReportSection.Row split(String label, long individual, long ateliers) {
        return new ReportSection.Row(List.of(label, Long.toString(individual), Long.toString(ateliers)), individual + ateliers);
    }

    /**
     * A key figure beside the same dates one year earlier, and the change: figures of different kinds side by side,
     * so no bar compares them.
     */
    private ReportSection.Row figure(String label, long count, long previous) {
        return new ReportSection.Row(List.of(label, Long.toString(count), Long.toString(previous), change(count, previous)), 0);
    }

    /** « +3 (+25 %) », « −2 (−10 %) », « = »; without a previous figure, the difference alone. */
    String change(long count, long previous) {
        long diff = count - previous;
        if (diff == 0) {
            return "=";
        }
        String sign = diff > 0 ? "+" : "−";
        String absolute = sign + Math.abs(diff);
        if (previous == 0) {
            return absolute;
        }
        long percent = Math.round(100.0 * Math.abs(diff) / previous);
        return absolute + " (" + sign + percent + " %)";
    }

    /** A change of a percentage, in points. */
    private String points(int diff) {
        return diff == 0 ? "=" : t("reporting.change.points", (diff > 0 ? "+" : "−") + Math.abs(diff));
    }

    private RowList comparison(String captionKey) {
        var table = table(captionKey, List.of("reporting.col.what", "reporting.col.count"));
        table.headers.add(t("reporting.col.previous"));
        table.headers.add(t("reporting.col.change"));
        return table;
    }

    private static final AtelierFigures.Month NO_MONTH = new AtelierFigures.Month(0, 0, 0, 0);
    private static final int THEMES_CHARTED = 12;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.FRENCH);

    /** The months of the period, first to last. */
    private static List<YearMonth> months(ActivityReport r) {
        var months = new ArrayList<YearMonth>();
        for (YearMonth m = YearMonth.from(r.from()); !m.isAfter(YearMonth.from(r.to())); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }

    private static String monthName(YearMonth month) {
        return MONTH.format(month);
    }

    private static List<String> monthNames(ActivityReport r) {
        return months(r).stream().map(ReportLayout::monthName).toList();
    }

    private <E extends Enum<E> & Labelled> List<String> labels(Class<E> type) {
        return java.util.Arrays.stream(type.getEnumConstants()).map(e -> t(e.labelKey())).toList();
    }

    private static <E extends Enum<E>> List<Number> values(Map<E, Long> counts, Class<E> type) {
        return java.util.Arrays.stream(type.getEnumConstants()).map(e -> (Number) counts.getOrDefault(e, 0L)).toList();
    }

    private static ReportSection.Series series(String name, List<Number> values) {
        return new ReportSection.Series(name, List.copyOf(values));
    }

    /** A chart whose values are those of the table {@code tableCaption} that follows it. */
    private ReportSection.Chart chart(String id, String titleKey, ReportSection.Chart.Kind kind, String axisKey,
                                      List<String> categories, List<ReportSection.Series> series, String tableCaption) {
        return new ReportSection.Chart(id, t(titleKey), kind, t(axisKey), List.copyOf(categories), List.copyOf(series),
                t("reporting.chart.description", tableCaption));
    }

    private ReportSection.Row row(String label, long count) {
        return new ReportSection.Row(List.of(label, Long.toString(count)), count);
    }

    private RowList table(String captionKey, List<String> headerKeys) {
        return new RowList(t(captionKey), new ArrayList<>(headerKeys.stream().map(this::t).toList()));
    }

    private ReportSection section(String titleKey, String text, RowList... tables) {
        return section(titleKey, text, List.of(), tables);
    }

    private ReportSection section(String titleKey, String text, List<ReportSection.Chart> charts, RowList... tables) {
        return new ReportSection(t(titleKey), charts, List.of(tables).stream()
                .map(l -> new ReportSection.Table(l.caption, List.copyOf(l.headers), List.copyOf(l))).toList(), text);
    }

    private String t(String key, Object... args) {
        return texts.t(key, args);
    }

    /** Rows being gathered for a table. */
    private static final class RowList extends ArrayList<ReportSection.Row> {
        final String caption;
        final List<String> headers;

        RowList(String caption, List<String> headers) {
            this.caption = caption;
            this.headers = headers;
        }
    }
}
