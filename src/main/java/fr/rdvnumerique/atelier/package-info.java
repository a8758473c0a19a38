/**
 * Ateliers: the workshop catalogue, sessions with a hard capacity, registrations with a waiting list that
 * promotes itself, attendance and the staff's session screens.
 *
 * <p>The root package is the module's API: {@link fr.rdvnumerique.atelier.AtelierCatalogue} (public reads, also for
 * the kiosk), {@link fr.rdvnumerique.atelier.RegistrationService} (residents, kiosk, notification module),
 * {@link fr.rdvnumerique.atelier.WorkshopService} and {@link fr.rdvnumerique.atelier.SessionService} (staff), and the
 * past-tense events. {@code domain} (entities, repositories, rules) and {@code ui} (views) are internal.
 */
@ApplicationModule(displayName = "Ateliers", allowedDependencies = {"base", "territory"})
package fr.rdvnumerique.atelier;

import org.springframework.modulith.ApplicationModule;
