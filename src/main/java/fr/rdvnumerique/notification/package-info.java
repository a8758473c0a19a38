/**
 * Notifications: mail with calendar invitations, reminders, staff notices, "Ajouter à mon agenda" files and
 * calendar feeds.
 *
 * <p>The module reacts to the events of the atelier and appointment modules ({@code atelier} and
 * {@code appointment} sub-packages: {@code @ApplicationModuleListener}s backed by the event publication registry)
 * and reads what it needs through their public services; those modules never depend on this one. A listener
 * calls {@link fr.rdvnumerique.notification.Outbox#enqueue(MailRequest)}, which renders the message and stores it in
 * the listener's transaction; a cluster-safe job delivers it later, retries with backoff, and never sends a message
 * twice on purpose. Private management links are only minted at send time, so no working link is ever stored in
 * clear.
 *
 * <p>API (this package): {@code Outbox}, {@code MailRequest} and its parts, {@code CalendarInvitations},
 * {@code CalendarDownloads}, {@code Reminders}, {@code StaffNotices}, {@code CalendarFeeds}, the staff screens'
 * services, and {@code NotificationChannel} for a future channel (there is no SMS provider, and nothing pretends to
 * send one).
 */
@ApplicationModule(displayName = "Notifications", allowedDependencies = {"base", "territory", "atelier", "appointment"})
package fr.rdvnumerique.notification;

import org.springframework.modulith.ApplicationModule;
