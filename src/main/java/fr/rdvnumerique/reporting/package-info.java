/**
 * The yearly activity report the municipal council receives: people helped and their autonomy, rendez-vous,
 * themes, ateliers, the objectives for next year, and the advisor's hours per commune with each commune's share
 * of the costs under the convention de mutualisation. For any period, per commune or overall.
 * <p>
 * Read-only over the other modules' public statistics ({@link fr.rdvnumerique.appointment.AppointmentStatistics},
 * {@link fr.rdvnumerique.atelier.AtelierStatistics}, {@link fr.rdvnumerique.territory.ConventionService}); its only
 * data of its own are the objectives the coordinator writes. It also hands a period's activity records to the
 * national tool, La Coop de la médiation numérique, as files in its vocabulary ({@link
 * fr.rdvnumerique.reporting.CoopExportService}, over {@link fr.rdvnumerique.appointment.ActivityRecordExportService}).
 * {@code domain} and {@code ui} are internal.
 */
@ApplicationModule(displayName = "Rapport d'activité", allowedDependencies = {"base", "territory", "atelier", "appointment"})
package fr.rdvnumerique.reporting;

import org.springframework.modulith.ApplicationModule;
