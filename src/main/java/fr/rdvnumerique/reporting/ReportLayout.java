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
        return List.of(people(report), appointments(report.individual()), themes(report), ateliers(report.ateliers()),
                objectives(report), hours(report));
    }

    private ReportSection people(ActivityReport r) {
        IndividualFigures i = r.individual();
        AtelierFigures a = r.ateliers();
        var key = table("reporting.people.key", List.of("reporting.col.what", "reporting.col.count"));
        key.add(figure(t("reporting.people.help-given"), r.helpGiven()));
        key.add(figure(t("reporting.people.individual-records"), i.recordCount()));
        key.add(figure(t("reporting.people.appointment-people"), i.distinctPeople()));
        key.add(figure(t("reporting.people.atelier-participants"), a.participants()));
        key.add(figure(t("reporting.people.atelier-people"), a.distinctPeople()));
        key.add(figure(t("reporting.people.atelier-walk-ins"), a.walkIns()));

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
        return section("reporting.section.people", null, key, autonomy, ages, gender, occupation, residence);
    }

    private ReportSection appointments(IndividualFigures i) {
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
        return section("reporting.section.appointments", null, status, kinds,
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
        return section("reporting.section.themes", null, themes,
                counts("reporting.themes.administrative", r.individual().byAdministrativeTheme(),
                AdministrativeTheme.class));
    }

    private ReportSection ateliers(AtelierFigures a) {
        var key = table("reporting.ateliers.key", List.of("reporting.col.what", "reporting.col.count"));
        key.add(figure(t("reporting.ateliers.held"), a.sessionsHeld()));
        key.add(figure(t("reporting.ateliers.cancelled"), a.sessionsCancelled()));
        key.add(figure(t("reporting.ateliers.seats"), a.seatsOffered()));
        key.add(figure(t("reporting.ateliers.participants"), a.participants()));
        key.add(new ReportSection.Row(List.of(t("reporting.ateliers.fill-rate"), a.fillRatePercent() + " %"), 0));
        key.add(figure(t("reporting.ateliers.present"), a.present()));
        key.add(figure(t("reporting.ateliers.absent"), a.absent()));
        key.add(figure(t("reporting.ateliers.excused"), a.excused()));
        key.add(figure(t("reporting.ateliers.not-marked"), a.attendanceNotMarked()));
        key.add(figure(t("reporting.ateliers.walk-ins"), a.walkIns()));
        key.add(figure(t("reporting.ateliers.walk-ins-helped"), a.walkInsAlreadyHelped()));
        key.add(figure(t("reporting.ateliers.recorded"), a.sessionsRecorded()));
        key.add(figure(t("reporting.ateliers.waiting"), a.waitingAtStart()));
        var workshops = table("reporting.ateliers.workshops", List.of("reporting.col.workshop", "reporting.col.level",
                "reporting.col.sessions", "reporting.col.participants", "reporting.col.present"));
        a.workshops().forEach(w -> workshops.add(new ReportSection.Row(List.of(w.title(), t(w.level().labelKey()),
                Long.toString(w.sessions()), Long.toString(w.participants()), Long.toString(w.present())), w.participants())));
        return section("reporting.section.ateliers", null, key, workshops, counts("reporting.ateliers.levels",
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
        return section("reporting.section.hours", note, hours);
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

    /** A key figure: figures of different kinds side by side, so no bar compares them. */
    private ReportSection.Row figure(String label, long count) {
        return new ReportSection.Row(List.of(label, Long.toString(count)), 0);
    }

    private ReportSection.Row row(String label, long count) {
        return new ReportSection.Row(List.of(label, Long.toString(count)), count);
    }

    private RowList table(String captionKey, List<String> headerKeys) {
        return new RowList(t(captionKey), new ArrayList<>(headerKeys.stream().map(this::t).toList()));
    }

    private ReportSection section(String titleKey, String text, RowList... tables) {
        return new ReportSection(t(titleKey), List.of(tables).stream()
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
