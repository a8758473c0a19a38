package fr.rdvnumerique.base.retention;

import fr.rdvnumerique.base.audit.AuditChanges;
import fr.rdvnumerique.base.audit.AuditKind;
import fr.rdvnumerique.base.audit.AuditTrail;
import fr.rdvnumerique.base.db.UtcColumns;
import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.base.domain.InvalidValueException;
import fr.rdvnumerique.base.domain.Texts;
import fr.rdvnumerique.base.security.CurrentStaff;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Residents' data requests (RGPD), answered by staff: find everything held about a person by e-mail or phone in
 * every module (each answers through its {@link PersonalDataHolder}, over its own tables), export it (JSON, and a
 * PDF in French the person can read), or erase it on request, with a reason. Coordinators act on their structure's
 * data, administrators on every structure's.
 * <p>
 * An erasure anonymises as the retention job does, and each of the person's keys becomes a key of nobody's, the
 * same for every record that shared it: every report of every past period keeps its totals. Every search, export and
 * erasure leaves an audit entry (counts and which contacts were given, never the contacts); the erasure's reason,
 * which staff type freely, stays in the register {@code personal_data_erasure} the audit entry points to.
 */
@Service
@PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
public class PersonalDataRequests {

    public static final int MAX_REASON = 500;
    /** The reason's form field, as {@link InvalidValueException#field()} names it. */
    public static final String REASON = "reason";

    /** What was found about a person: every module's records, oldest first. */
    public record Findings(PersonQuery person, List<HeldItem> items) {

        public Findings {
            items = List.copyOf(items);
        }

        /** How many records each module holds (module i18n key → count), in the modules' order. */
        public Map<String, Integer> perModule() {
            var counts = new TreeMap<String, Integer>();
            items.forEach(item -> counts.merge(item.module(), 1, Integer::sum));
            return counts;
        }

        /** The records grouped by module (modules in a fixed order), oldest first within each. */
        public List<HeldItem> byModule() {
            var sorted = new ArrayList<>(items);
            sorted.sort(Comparator.comparing(HeldItem::module));
            return sorted;
        }

        /** Activities still to come that hold a slot or a seat: they are cancelled before an erasure. */
        public long upcoming() {
            return items.stream().filter(HeldItem::upcoming).count();
        }
    }

    /** What an erasure did: its number in the register and how many records lost the person's data. */
    public record Erasure(long id, int records) {
    }

    /**
     * An erasure in the register, for the screen: when, by whom, which contacts were given ("email", "phone",
     * "email+phone"), how many records, why.
     */
    public record ErasureEntry(long id, Instant at, String staffName, String given, int records, String reason) {
    }

    private final List<PersonalDataHolder> holders;
    private final PersonKeys personKeys;
    private final CurrentStaff staff;
    private final AuditTrail audit;
    private final PersonalDataDocuments documents;
    private final JdbcClient jdbc;
    private final Clock clock;

    PersonalDataRequests(List<PersonalDataHolder> holders, PersonKeys personKeys, CurrentStaff staff, AuditTrail audit,
                         PersonalDataDocuments documents, JdbcClient jdbc, Clock clock) {
        this.holders = holders;
        this.personKeys = personKeys;
        this.staff = staff;
        this.audit = audit;
        this.documents = documents;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Everything held about the person where the signed-in staff member may look. Audited (a read of personal data). */
    @Transactional
    public Findings search(String email, String phone) {
        var findings = find(email, phone);
        trace(AuditKind.PERSONAL_DATA_SEARCHED, null, findings,
                AuditChanges.value("given", findings.person().given()).and("found", null, findings.items().size()));
        return findings;
    }

    /** The export as JSON (UTF-8): every record with its fields as stored (codes, ISO dates). Audited. */
    @Transactional
    public byte[] json(String email, String phone) {
        var findings = find(email, phone);
        trace(AuditKind.PERSONAL_DATA_EXPORTED, null, findings, AuditChanges.value("format", "JSON")
                .and("given", null, findings.person().given()).and("items", null, findings.items().size()));
        return documents.json(findings, clock.instant());
    }

    /** The export as a PDF in French, for the person: one table per record, grouped by module. Audited. */
    @Transactional
    public byte[] pdf(String email, String phone) {
        var findings = find(email, phone);
        trace(AuditKind.PERSONAL_DATA_EXPORTED, null, findings, AuditChanges.value("format", "PDF")
                .and("given", null, findings.person().given()).and("items", null, findings.items().size()));
        return documents.pdf(findings, clock.instant());
    }

    /**
     * Erases everything held about the person, on their request. {@code reason} is required (what the person asked,
     * how the request came); activities still to come are refused: staff cancel them first (the person is told, the
     * seat or slot freed), then erase.
     */
    @Transactional
    public Erasure erase(String email, String phone, String reason) {
        if (reason == null || reason.isBlank()) {
            throw InvalidValueException.forField(REASON, "rgpd.erase.reason.required");
        }
        String why = InvalidValueException.inField(REASON, () -> Texts.required(reason, MAX_REASON));
        var findings = find(email, phone);
        if (findings.upcoming() > 0) {
            throw new BusinessRuleException("rgpd.erase.upcoming", findings.upcoming());
        }
        Long scope = scope();
        Map<String, String> unlinked = new HashMap<>();
        var counts = new TreeMap<String, Integer>();
        int records = 0;
        for (PersonalDataHolder holder : holders) {
            int count = holder.erase(scope, findings.person(),
                    old -> unlinked.computeIfAbsent(old, k -> PersonKeys.unlinked()));
            counts.put(holder.name(), count);
            records += count;
        }
        var key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into personal_data_erasure (structure_id, account_id, given, reason, records, created_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(scope, staff.require().accountId(), findings.person().given(), why, records,
                        UtcColumns.toDb(clock.instant()))
                .update(key);
        long id = key.getKey().longValue();
        var changes = AuditChanges.value("given", findings.person().given());
        for (var count : counts.entrySet()) {
            changes = changes.and(count.getKey(), null, count.getValue());
        }
        trace(AuditKind.PERSONAL_DATA_ERASED, id, findings, changes);
        return new Erasure(id, records);
    }

    /** The register of erasures the signed-in staff member may read, newest first (the last 100). */
    @Transactional(readOnly = true)
    public List<ErasureEntry> erasures() {
        Long scope = scope();
        return jdbc.sql("""
                        select e.id, e.created_at, a.display_name, e.given, e.records, e.reason
                        from personal_data_erasure e left join staff_account a on a.id = e.account_id
                        where (? is null or e.structure_id = ?) order by e.created_at desc, e.id desc limit 100""")
                .params(scope, scope)
                .query((rs, n) -> new ErasureEntry(rs.getLong(1),
                        UtcColumns.fromDb(rs.getObject(2, java.time.LocalDateTime.class)), rs.getString(3),
                        rs.getString(4), rs.getInt(5), rs.getString(6)))
                .list();
    }

    private Findings find(String email, String phone) {
        var person = PersonQuery.parse(email, phone, personKeys);
        Long scope = scope();
        var items = new ArrayList<HeldItem>();
        for (PersonalDataHolder holder : holders) {
            items.addAll(holder.find(scope, person));
        }
        items.sort(Comparator.comparing(HeldItem::when, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(HeldItem::kind).thenComparingLong(HeldItem::id));
        return new Findings(person, items);
    }

    /** Null: every structure (administrators); else the coordinator's own. */
    private Long scope() {
        return staff.isAdmin() ? null : staff.structureId();
    }

    /**
     * One entry per structure concerned, so each structure's coordinators see in their journal what was done with
     * their residents' data (an administrator's search that found nothing has no structure).
     */
    private void trace(AuditKind kind, Long recordId, Findings findings, AuditChanges changes) {
        var structures = new LinkedHashSet<Long>();
        Long scope = scope();
        if (scope != null) {
            structures.add(scope);
        } else {
            findings.items().forEach(item -> structures.add(item.structureId()));
            if (structures.isEmpty()) {
                structures.add(null);
            }
        }
        for (Long structure : structures) {
            audit.record(kind, recordId, structure, changes);
        }
    }
}
