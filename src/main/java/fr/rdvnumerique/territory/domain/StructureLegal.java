package fr.rdvnumerique.territory.domain;

import fr.rdvnumerique.base.domain.InvalidValueException;
import fr.rdvnumerique.base.domain.Texts;
import fr.rdvnumerique.territory.AccessibilityState;
import fr.rdvnumerique.territory.LegalPagesForm;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;

/** What a structure completed of its legal pages (one row per structure, created at the first save). */
@Entity
@Table(name = "structure_legal")
public class StructureLegal {

    @Id
    @Column(name = "structure_id")
    private Long structureId;

    @Version
    private long version;

    @Column(length = 120)
    private String publicationDirector;

    @Column(length = 300)
    private String publisherAddress;

    @Column(length = 254)
    private String dpoContact;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private AccessibilityState accessibilityState = AccessibilityState.NON_COMPLIANT;

    private Integer complianceRate;

    private LocalDate auditDate;

    @Column(length = 200)
    private String auditedBy;

    @Column(length = LegalPagesForm.MAX_NON_ACCESSIBLE)
    private String nonAccessibleContent;

    @Column(length = 254)
    private String accessibilityContact;

    private LocalDate declarationDate;

    protected StructureLegal() {
    }

    public StructureLegal(long structureId) {
        this.structureId = structureId;
    }

    /**
     * Takes the completed fields. A state other than « non conforme » needs an audit: its rate and date (the RGAA
     * declaration states the results); « totalement conforme » means every criterion met, « partiellement » at least
     * half.
     */
    public void update(LegalPagesForm form) {
        AccessibilityState state = form.accessibilityState() == null ? AccessibilityState.NON_COMPLIANT
                : form.accessibilityState();
        Integer rate = form.complianceRate();
        if (rate != null && (rate < 0 || rate > 100)) {
            throw InvalidValueException.forField("complianceRate", "territory.legal.rate.range");
        }
        if (state != AccessibilityState.NON_COMPLIANT && (rate == null || form.auditDate() == null)) {
            throw InvalidValueException.forField("complianceRate", "territory.legal.rate.required");
        }
        if (state == AccessibilityState.FULLY_COMPLIANT && rate != 100) {
            throw InvalidValueException.forField("complianceRate", "territory.legal.rate.full");
        }
        if (state == AccessibilityState.PARTIALLY_COMPLIANT && (rate < 50 || rate == 100)) {
            throw InvalidValueException.forField("complianceRate", "territory.legal.rate.partial");
        }
        this.publicationDirector = Texts.optional(form.publicationDirector(), 120);
        this.publisherAddress = Texts.optional(form.publisherAddress(), 300);
        this.dpoContact = Texts.optional(form.dpoContact(), 254);
        this.accessibilityState = state;
        this.complianceRate = rate;
        this.auditDate = form.auditDate();
        this.auditedBy = Texts.optional(form.auditedBy(), 200);
        this.nonAccessibleContent = Texts.optional(form.nonAccessibleContent(), LegalPagesForm.MAX_NON_ACCESSIBLE);
        this.accessibilityContact = Texts.optional(form.accessibilityContact(), 254);
        this.declarationDate = form.declarationDate();
    }

    public LegalPagesForm form() {
        return new LegalPagesForm(publicationDirector, publisherAddress, dpoContact, accessibilityState, complianceRate,
                auditDate, auditedBy, nonAccessibleContent, accessibilityContact, declarationDate);
    }

    public long getStructureId() {
        return structureId;
    }

    public long getVersion() {
        return version;
    }

    public AccessibilityState getAccessibilityState() {
        return accessibilityState;
    }
}
