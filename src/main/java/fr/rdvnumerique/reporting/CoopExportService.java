package fr.rdvnumerique.reporting;

import fr.rdvnumerique.appointment.ActivityRecordExport;
import fr.rdvnumerique.appointment.ActivityRecordExportService;
import fr.rdvnumerique.appointment.ActivityRecordService;
import fr.rdvnumerique.base.taxonomy.CoopVocabulary;
import fr.rdvnumerique.territory.AdvisorSummary;
import fr.rdvnumerique.territory.CommuneSummary;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * A period's activity leaves for La Coop de la médiation numérique, the national tool where advisors declare it, as
 * files in the Coop's own vocabulary: one row per activity, and the people helped in the columns of the Coop's
 * beneficiaries import template. The Coop has no write API yet (docs/adr): when it gets one, this service is the one
 * place to change; the rows and the vocabulary ({@link CoopVocabulary}) stay.
 */
@Service
@PreAuthorize("hasRole('ADVISOR')")
public class CoopExportService {

    /** The file a spreadsheet or the Coop's import opens. */
    public enum Format {
        CSV("csv", "text/csv;charset=UTF-8"),
        XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        private final String extension;
        private final String contentType;

        Format(String extension, String contentType) {
            this.extension = extension;
            this.contentType = contentType;
        }

        public String extension() {
            return extension;
        }

        public String contentType() {
            return contentType;
        }
    }

    /** The columns of an activity, named as the Coop's activity record names its fields. */
    static final List<String> ACTIVITY_COLUMNS = List.of("id", "type", "date", "duree", "typeLieu", "lieuActivite",
            "lieuCommune", "lieuCodePostal", "lieuCodeInsee", "thematiques", "thematiquesDemarche", "precisionsDemarche",
            "materiel", "autonomie", "orienteVersStructure", "structureDeRedirection", "genre", "trancheAge",
            "statutSocial", "communeResidence", "communeResidenceCodePostal", "communeResidenceCodeInsee", "mediateur",
            "notes", "versionTaxonomie", "vocabulaireCoop");

    private final ActivityRecordExportService records;
    private final ActivityRecordService recordService;
    private final MessageSource messages;

    CoopExportService(ActivityRecordExportService records, ActivityRecordService recordService, MessageSource messages) {
        this.records = records;
        this.recordService = recordService;
        this.messages = messages;
    }

    /** The advisors whose records the signed-in person may export (a coordinator: all; an advisor: their own). */
    public List<AdvisorSummary> advisors() {
        return recordService.advisors();
    }

    /** Refuses a period the exports cannot cover, before any file is offered. */
    public void checkPeriod(LocalDate from, LocalDate to) {
        ActivityRecordExportService.checkPeriod(from, to);
    }

    /** The activities of the period, one row each, in the Coop's vocabulary. */
    public byte[] activities(LocalDate from, LocalDate to, Long advisorId, Format format) {
        var rows = new ArrayList<List<Object>>();
        for (ActivityRecordExport r : records.records(from, to, advisorId)) {
            rows.add(activityRow(r));
        }
        return SheetFiles.write(format, t("reporting.coop.sheet.activities"), ACTIVITY_COLUMNS, rows);
    }

    /**
     * The people helped during the period whose names the records know (rendez-vous not anonymised; walk-in help
     * records no name), once each, in the columns of the Coop's beneficiaries import template.
     */
    public byte[] beneficiaries(LocalDate from, LocalDate to, Long advisorId, Format format) {
        Map<String, List<Object>> people = new LinkedHashMap<>();
        for (ActivityRecordExport r : records.records(from, to, advisorId)) {
            var person = r.person();
            if (person == null) {
                continue;
            }
            String key = (person.familyName() + "|" + person.givenName() + "|" + nullToEmpty(person.email()) + "|"
                    + nullToEmpty(person.phone())).toLowerCase(Locale.ROOT);
            CommuneSummary residence = r.residence();
            // The latest record says where the person lives now and how they describe themselves.
            people.put(key, List.of(person.familyName(), person.givenName(), "", nullToEmpty(person.phone()),
                    residence == null ? "" : residence.name(), nullToEmpty(person.email()),
                    CoopVocabulary.genderLetter(r.gender()), ""));
        }
        List<String> headers = List.of(t("reporting.coop.beneficiary.family-name"), t("reporting.coop.beneficiary.given-name"),
                t("reporting.coop.beneficiary.birth-year"), t("reporting.coop.beneficiary.phone"),
                t("reporting.coop.beneficiary.commune"), t("reporting.coop.beneficiary.email"),
                t("reporting.coop.beneficiary.gender"), t("reporting.coop.beneficiary.notes"));
        return SheetFiles.write(format, t("reporting.coop.sheet.beneficiaries"), headers, List.copyOf(people.values()));
    }

    private static List<Object> activityRow(ActivityRecordExport r) {
        CommuneSummary where = r.commune();
        CommuneSummary residence = r.residence();
        var row = new ArrayList<Object>(ACTIVITY_COLUMNS.size());
        row.add(r.id());
        row.add("individuel");
        row.add(r.date().toString());
        row.add(r.durationMinutes());
        row.add(CoopVocabulary.coop(r.location()));
        row.add(nullToEmpty(r.placeName()));
        row.add(where == null ? "" : where.name());
        row.add(where == null ? "" : where.postalCode());
        row.add(where == null ? "" : where.inseeCode());
        row.add(words(r.themes()));
        row.add(words(r.administrativeThemes()));
        row.add("");
        row.add(words(r.equipment()));
        row.add(nullToEmpty(CoopVocabulary.coop(r.autonomy())));
        row.add(r.referred() ? "oui" : "non");
        row.add(nullToEmpty(CoopVocabulary.coop(r.referralKind())));
        row.add(CoopVocabulary.coop(r.gender()));
        row.add(CoopVocabulary.coop(r.ageBand()));
        row.add(CoopVocabulary.coop(r.occupation()));
        row.add(residence == null ? "" : residence.name());
        row.add(residence == null ? "" : residence.postalCode());
        row.add(residence == null ? "" : residence.inseeCode());
        row.add(r.advisorName());
        row.add(nullToEmpty(r.notes()));
        row.add(r.taxonomyVersion());
        row.add(CoopVocabulary.VERSION);
        return row;
    }

    /** Several values in one cell, comma-separated, in a stable order (our enums' order). */
    private static String words(Collection<? extends Enum<?>> values) {
        return values.stream().sorted().map(CoopVocabulary::coop).collect(Collectors.joining(","));
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private String t(String key) {
        return messages.getMessage(key, null, Locale.FRENCH);
    }
}
