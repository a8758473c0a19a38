package fr.rdvnumerique.reporting;

import fr.rdvnumerique.base.audit.AuditChanges;
import fr.rdvnumerique.base.audit.AuditKind;
import fr.rdvnumerique.base.audit.AuditTrail;
import fr.rdvnumerique.appointment.AppointmentStatistics;
import fr.rdvnumerique.appointment.IndividualFigures;
import fr.rdvnumerique.atelier.AtelierFigures;
import fr.rdvnumerique.atelier.AtelierStatistics;
import fr.rdvnumerique.base.domain.InvalidValueException;
import fr.rdvnumerique.base.domain.Versioned;
import fr.rdvnumerique.base.security.CurrentStaff;
import fr.rdvnumerique.reporting.domain.HoursPerCommune;
import fr.rdvnumerique.reporting.domain.ReportObjectives;
import fr.rdvnumerique.reporting.domain.ReportObjectivesRepository;
import fr.rdvnumerique.territory.CommuneSummary;
import fr.rdvnumerique.territory.ConventionService;
import fr.rdvnumerique.territory.ConventionSummary;
import fr.rdvnumerique.territory.PlaceSummary;
import fr.rdvnumerique.territory.TerritoryDirectory;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The activity report for the coordinator of a structure: figures, documents, and the objectives they write. */
@Service
@PreAuthorize("hasRole('COORDINATOR')")
public class ActivityReportService {

    /** Longer periods are a different question (and a heavy query): three years covers a convention's life. */
    static final Period LONGEST = Period.ofYears(3);
    /** A structure signs a convention every year or two: far fewer than this. */
    private static final int MAX_CONVENTIONS = 200;
    public static final int OBJECTIVES_MAX_LENGTH = ReportObjectives.MAX_LENGTH;

    private final AppointmentStatistics appointments;
    private final AtelierStatistics ateliers;
    private final ConventionService conventions;
    private final TerritoryDirectory directory;
    private final CurrentStaff staff;
    private final ReportObjectivesRepository objectives;
    private final ReportDocuments documents;
    private final Clock clock;

    private final AuditTrail audit;

    ActivityReportService(AppointmentStatistics appointments, AtelierStatistics ateliers, ConventionService conventions,
                          TerritoryDirectory directory, CurrentStaff staff, ReportObjectivesRepository objectives,
                          ReportDocuments documents, Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.appointments = appointments;
        this.ateliers = ateliers;
        this.conventions = conventions;
        this.directory = directory;
        this.staff = staff;
        this.objectives = objectives;
        this.documents = documents;
        this.clock = clock;
    }

    /** The communes a report can be narrowed to. */
    @Transactional(readOnly = true)
    public List<CommuneSummary> communes() {
        return directory.communes(staff.structureId());
    }

    /** The report of a period (both days included), for the whole territory or one commune ({@code communeId}). */
    @Transactional(readOnly = true)
    public ActivityReport report(LocalDate from, LocalDate to, Long communeId) {
        checkPeriod(from, to);
        long structureId = staff.structureId();
        String communeName = null;
        if (communeId != null) {
            CommuneSummary commune = directory.commune(communeId)
                    .filter(c -> c.structureId() == structureId)
                    .orElseThrow(() -> new AccessDeniedException("Commune of another structure"));
            communeName = commune.name();
        }
        IndividualFigures individual = appointments.figures(from, to, null);
        AtelierFigures workshops = ateliers.figures(from, to, null);

        Map<Long, Long> communeOfPlace = directory.allPlaces(structureId).stream()
                .collect(Collectors.toMap(PlaceSummary::id, PlaceSummary::communeId));
        Map<Long, Long> delivered = new HashMap<>();
        individual.minutesByPlace().forEach((place, minutes) -> delivered.merge(communeOfPlace.get(place), minutes, Long::sum));
        individual.minutesByCommune().forEach((commune, minutes) -> delivered.merge(commune, minutes, Long::sum));
        workshops.minutesByPlace().forEach((place, minutes) -> delivered.merge(communeOfPlace.get(place), minutes, Long::sum));

        List<ConventionSummary> all = conventions.list(PageRequest.of(0, MAX_CONVENTIONS)).getContent();
        // A switched-off convention was withdrawn: it no longer allocates hours nor shares costs.
        List<HoursPerCommune.Terms> terms = all.stream().filter(ConventionSummary::active)
                .map(c -> new HoursPerCommune.Terms(c.id(), c.validFrom(), c.validUntil(), c.weeklyHoursByCommune(),
                        c.otherAnnualCosts()))
                .toList();
        Map<Long, String> names = directory.allCommunes(structureId).stream()
                .collect(Collectors.toMap(CommuneSummary::id, CommuneSummary::name));
        List<CommuneHours> hours = HoursPerCommune.lines(from, to, delivered, terms, names, conventions::splitCost);

        if (communeId != null) {
            individual = appointments.figures(from, to, communeId);
            workshops = ateliers.figures(from, to, communeId);
            hours = hours.stream().filter(h -> h.communeId() == communeId).toList();
        }
        // The same dates one year earlier (29 February becomes the 28th).
        LocalDate previousFrom = from.minusYears(1);
        LocalDate previousTo = to.minusYears(1);
        var previous = new ActivityReport.Previous(previousFrom, previousTo,
                appointments.figures(previousFrom, previousTo, communeId),
                ateliers.figures(previousFrom, previousTo, communeId));
        int year = to.getYear();
        String text = objectives.findByStructureIdAndYear(structureId, year).map(ReportObjectives::getText).orElse("");
        String structureName = directory.structure(structureId).map(s -> s.name()).orElse("");
        return new ActivityReport(structureName, from, to, communeId, communeName, clock.instant(), individual, workshops,
                hours, names, year, text, previous);
    }

    /** A chart of the report as inline SVG for the screen (ADR 013). */
    public String svg(ReportSection.Chart chart) {
        return ReportCharts.svg(chart);
    }

    /** The report as a PDF document for the council (read-write: the export leaves its entry in the journal). */
    @Transactional
    public byte[] pdf(LocalDate from, LocalDate to, Long communeId) {
        byte[] file = documents.pdf(report(from, to, communeId));
        auditExport(AuditKind.EXPORT_PDF, from, to, communeId);
        return file;
    }

    /** The report's figures as a CSV file (semicolons, UTF-8 with BOM) for a spreadsheet. */
    @Transactional
    public byte[] csv(LocalDate from, LocalDate to, Long communeId) {
        byte[] file = documents.csv(report(from, to, communeId));
        auditExport(AuditKind.EXPORT_CSV, from, to, communeId);
        return file;
    }

    private void auditExport(AuditKind kind, LocalDate from, LocalDate to, Long communeId) {
        audit.record(kind, null, staff.structureId(), AuditChanges.value("list", "activity report")
                .and("from", null, from).and("to", null, to).and("commune", null, communeId));
    }

    /** The objectives written for a report year, with the version to save them back. */
    @Transactional(readOnly = true)
    public Versioned<String> objectives(int year) {
        return objectives.findByStructureIdAndYear(staff.structureId(), year)
                .map(o -> new Versioned<>(year, o.getVersion(), o.getText()))
                .orElse(new Versioned<>(year, -1, ""));
    }

    /** Saves the objectives; {@code version} -1 for the first text of the year. */
    @Transactional
    public void saveObjectives(int year, long version, String text) {
        checkYear(year);
        long structureId = staff.structureId();
        ReportObjectives current = objectives.findByStructureIdAndYear(structureId, year).orElse(null);
        if (current == null) {
            Versioned.check(version, -1);
            current = new ReportObjectives(structureId, year);
        } else {
            Versioned.check(version, current.getVersion());
        }
        current.rewrite(text, clock.instant());
        objectives.save(current);
    }

    static void checkPeriod(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            throw new InvalidValueException("reporting.period.required");
        }
        if (to.isBefore(from)) {
            throw new InvalidValueException("reporting.period.order");
        }
        if (to.isAfter(from.plus(LONGEST))) {
            throw new InvalidValueException("reporting.period.too-long", LONGEST.getYears());
        }
        checkYear(to.getYear());
    }

    private static void checkYear(int year) {
        if (year < 2000 || year > 2200) {
            throw new InvalidValueException("reporting.period.year");
        }
    }
}
