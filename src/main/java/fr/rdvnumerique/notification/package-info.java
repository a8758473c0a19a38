/**
 * Notifications: mail with calendar invitations, reminders, staff notices, "Ajouter à mon agenda" files and
 * calendar feeds.
 *
 * <p>The module reacts to the events of the atelier and appointment modules ({@code atelier} and
 * {@code appointment} sub-packages: {@code @ApplicationModuleListener}s backed by the event publication registry)
 * and reads what it needs through their public services; those modules never depend on this one. A listener
 * calls {@code internal.Outbox#enqueue(MailRequest)}, which renders the message and stores it in the listener's
 * transaction; a cluster-safe job delivers it later, retries with backoff, and never sends a message twice on
 * purpose. Private management links are only minted at send time, so no working link is ever stored in clear.
 *
 * <p>No API: no other module calls this one (they publish events, and link to the calendar files through
 * {@code base.web.ResidentPaths}), so this package holds no type. The services the listeners, jobs and screens share
 * ({@code Outbox}, {@code Reminders}, {@code ResidentNotices}, {@code CallList}, the settings…) live in
 * {@code internal}; a type moves back here only when another module needs it.
 */
@ApplicationModule(displayName = "Notifications", allowedDependencies = {"base", "territory", "atelier", "appointment"})
package fr.rdvnumerique.notification;

import org.springframework.modulith.ApplicationModule;
