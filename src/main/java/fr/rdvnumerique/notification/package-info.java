/**
 * Notifications: mail with calendar invitations, reminders, staff notices and calendar feeds.
 *
 * <p>Other modules never send anything themselves. Their event listeners (added in this module) call
 * {@link fr.rdvnumerique.notification.Outbox#enqueue(MailRequest)}, which renders the message and stores it
 * in the database in the caller's transaction; a cluster-safe job delivers it later, retries with backoff,
 * and never sends a message twice on purpose. Private management links are only minted at send time through
 * {@link fr.rdvnumerique.notification.ManagementLinkIssuer}, so no working link is ever stored in clear.
 *
 * <p>API (this package): {@code Outbox}, {@code MailRequest} and its parts, {@code CalendarInvitations},
 * {@code Reminders}, {@code StaffNotices}, {@code CalendarFeeds}, and the SPIs other modules implement:
 * {@code ManagementLinkIssuer}, {@code ReminderComposer}, {@code PublicProgrammeSource}, {@code NotificationChannel}.
 */
@ApplicationModule(displayName = "Notifications")
package fr.rdvnumerique.notification;

import org.springframework.modulith.ApplicationModule;
