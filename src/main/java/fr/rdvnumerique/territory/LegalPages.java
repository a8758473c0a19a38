package fr.rdvnumerique.territory;

import fr.rdvnumerique.base.audit.AuditChanges;
import fr.rdvnumerique.base.audit.AuditKind;
import fr.rdvnumerique.base.audit.AuditProperties;
import fr.rdvnumerique.base.audit.AuditTrail;
import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.base.domain.ShortLived;
import fr.rdvnumerique.base.domain.Versioned;
import fr.rdvnumerique.base.retention.RetentionProperties;
import fr.rdvnumerique.base.security.CurrentStaff;
import fr.rdvnumerique.base.ui.LegalFooterSource;
import fr.rdvnumerique.territory.domain.Structure;
import fr.rdvnumerique.territory.domain.StructureLegal;
import fr.rdvnumerique.territory.domain.StructureLegalRepository;
import fr.rdvnumerique.territory.domain.StructureRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The legal pages of each structure: « Mentions légales », « Données personnelles », « Déclaration
 * d'accessibilité ». Coordinators complete their structure's fields; the template, the host, the providers and the
 * retention periods (read from the configuration actually running) make up the rest.
 */
@Service
public class LegalPages implements LegalFooterSource {

    /** How long a public page's footer and form notice may show what was read before. */
    static final Duration FOOTER_LIFETIME = Duration.ofSeconds(30);

    private final StructureLegalRepository legal;
    private final StructureRepository structures;
    private final CurrentStaff staff;
    private final AuditTrail audit;
    private final LegalSettings settings;
    private final RetentionProperties retention;
    private final AuditProperties auditRetention;
    // The footer and the notice under forms are on every public page of every visitor: a few seconds' old answer
    // is as good, and saves three queries a page. Cleared here when a coordinator changes the pages.
    private final ShortLived<String, String> footerStates;
    private final ShortLived<String, NoticeFacts> notices;

    LegalPages(StructureLegalRepository legal, StructureRepository structures, CurrentStaff staff, AuditTrail audit,
               LegalSettings settings, RetentionProperties retention, AuditProperties auditRetention, Clock clock) {
        this.footerStates = new ShortLived<>(FOOTER_LIFETIME, 1_000, clock);
        this.notices = new ShortLived<>(FOOTER_LIFETIME, 1_000, clock);
        this.legal = legal;
        this.structures = structures;
        this.staff = staff;
        this.audit = audit;
        this.settings = settings;
        this.retention = retention;
        this.auditRetention = auditRetention;
    }

    /** Everything a public legal page shows. */
    public record LegalPage(StructureSummary structure, LegalPagesForm fields, LegalSettings settings,
                            int retentionMonths, int auditRetentionMonths) {
    }

    /** A structure's pages, for an active structure's address; empty otherwise. */
    @Transactional(readOnly = true)
    public Optional<LegalPage> bySlug(String slug) {
        return structures.findBySlug(slug).filter(Structure::isActive).map(s -> new LegalPage(summary(s),
                fields(s.getId()), settings, retention.months(), auditRetention.retentionMonths()));
    }

    /** Every active structure with its accessibility state, for the index of legal pages. */
    @Transactional(readOnly = true)
    public List<Map.Entry<StructureSummary, AccessibilityState>> index() {
        var result = new LinkedHashMap<StructureSummary, AccessibilityState>();
        for (Structure s : structures.findByActiveTrueOrderByName()) {
            result.put(summary(s), fields(s.getId()).accessibilityState());
        }
        return List.copyOf(result.entrySet());
    }

    @PreAuthorize("hasRole('COORDINATOR')")
    @Transactional(readOnly = true)
    public Versioned<LegalPagesForm> loadMine() {
        long structureId = staff.structureId();
        return legal.findById(structureId).map(l -> new Versioned<>(structureId, l.getVersion(), l.form()))
                .orElseGet(() -> new Versioned<>(structureId, -1, blank()));
    }

    /** Saves the coordinator's fields ({@code version} -1: the first save). */
    @PreAuthorize("hasRole('COORDINATOR')")
    @Transactional
    public void updateMine(long version, LegalPagesForm form) {
        long structureId = staff.structureId();
        StructureLegal row = legal.findById(structureId).orElse(null);
        AccessibilityState before;
        if (row == null) {
            if (version != -1) {
                throw new BusinessRuleException("error.concurrent-change");
            }
            row = new StructureLegal(structureId);
            before = null;
        } else {
            Versioned.check(version, row.getVersion());
            before = row.getAccessibilityState();
        }
        row.update(form);
        legal.save(row);
        // After the commit: a page read in between would otherwise keep the old state for the lifetime.
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                footerStates.clear();
                notices.clear();
            }
        });
        audit.record(AuditKind.LEGAL_PAGE_CHANGED, structureId, structureId,
                AuditChanges.of("accessibilityState", before, row.getAccessibilityState())
                        .and("complianceRate", null, form.complianceRate()));
    }

    /** Not in a transaction: an answer kept a few seconds needs no connection. */
    @Override
    public String accessibilityStateKey(String slug) {
        return footerStates.get(slug, this::readAccessibilityStateKey);
    }

    private String readAccessibilityStateKey(String slug) {
        if (slug != null) {
            var structure = structures.findBySlug(slug).filter(Structure::isActive);
            if (structure.isPresent()) {
                return fields(structure.get().getId()).accessibilityState().labelKey();
            }
        }
        // The whole portal is no more accessible than its least accessible structure.
        return index().stream().map(Map.Entry::getValue).min(Comparator.naturalOrder())
                .orElse(AccessibilityState.NON_COMPLIANT).labelKey();
    }

    /** Not in a transaction: an answer kept a few seconds needs no connection. */
    @Override
    public NoticeFacts noticeFacts(String slug) {
        return notices.get(slug, this::readNoticeFacts);
    }

    private NoticeFacts readNoticeFacts(String slug) {
        return structures.findBySlug(slug).filter(Structure::isActive)
                .map(s -> new NoticeFacts(s.getName(), s.getSlug(), retention.months())).orElse(null);
    }

    private LegalPagesForm fields(long structureId) {
        return legal.findById(structureId).map(StructureLegal::form).orElseGet(LegalPages::blank);
    }

    private static LegalPagesForm blank() {
        return new LegalPagesForm(null, null, null, AccessibilityState.NON_COMPLIANT, null, null, null, null, null,
                null);
    }

    private static StructureSummary summary(Structure s) {
        return TerritoryDirectory.summary(s);
    }
}
