package fr.rdvnumerique.territory;

import java.time.LocalDate;

/**
 * What a coordinator completes of the structure's legal pages; everything else is the template's. Blank fields show
 * as « à compléter » on the public pages.
 *
 * @param publicationDirector  « directeur ou directrice de la publication » (usually the mayor or the president)
 * @param publisherAddress     the structure's postal address
 * @param dpoContact           the data protection officer's address (e-mail or postal), where residents use their rights
 * @param accessibilityState   the declaration's compliance state
 * @param complianceRate       percentage of RGAA criteria met, when an audit was made
 * @param auditDate            when the audit was made
 * @param auditedBy            who made it
 * @param nonAccessibleContent what is not accessible, and why
 * @param accessibilityContact where to report an accessibility problem (e-mail or web address)
 * @param declarationDate      the date of the declaration
 */
public record LegalPagesForm(String publicationDirector, String publisherAddress, String dpoContact,
                             AccessibilityState accessibilityState, Integer complianceRate, LocalDate auditDate,
                             String auditedBy, String nonAccessibleContent, String accessibilityContact,
                             LocalDate declarationDate) {

    public static final int MAX_NON_ACCESSIBLE = 4000;
}
