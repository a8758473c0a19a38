package fr.rdvnumerique.notification;

import fr.rdvnumerique.base.db.ConflictRetry;
import fr.rdvnumerique.base.web.PublicUrls;
import fr.rdvnumerique.notification.domain.OutboxRepository;
import fr.rdvnumerique.notification.domain.QuietHours;
import fr.rdvnumerique.notification.domain.ReminderRepository;
import fr.rdvnumerique.notification.internal.CalendarMethod;
import fr.rdvnumerique.notification.internal.MailContent;
import fr.rdvnumerique.notification.internal.MailEvent;
import fr.rdvnumerique.notification.internal.MailRequest;
import fr.rdvnumerique.notification.internal.MailSettings;
import fr.rdvnumerique.notification.internal.MessageKind;
import fr.rdvnumerique.notification.internal.NotificationChannel;
import fr.rdvnumerique.notification.internal.NotificationSettings;
import fr.rdvnumerique.notification.internal.Outbox;
import fr.rdvnumerique.notification.internal.Recipient;
import fr.rdvnumerique.notification.internal.ResidentNotices;
import fr.rdvnumerique.notification.internal.SubjectRef;
import fr.rdvnumerique.notification.jobs.ReminderComposer;
import fr.rdvnumerique.notification.jobs.ReminderJob;
import fr.rdvnumerique.notification.mail.Dispatcher;
import fr.rdvnumerique.notification.mail.EmailChannel;
import fr.rdvnumerique.notification.mail.ManagementLinkIssuer;
import fr.rdvnumerique.notification.mail.ManagementLinks;
import fr.rdvnumerique.territory.TerritoryFixtures.TestTerritory;
import fr.rdvnumerique.testing.EventListeners;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Builds notification jobs the way a second application instance (or a restarted one) would have them: the
 * same database, no memory of their own, their own mail server; the application's link issuers (atelier
 * registrations, appointments) and any test one. Also waits for the event listeners of a test to finish.
 */
@Component
public class NotificationTestKit {

    private static final AtomicInteger SUBJECTS = new AtomicInteger(100_000);
    private volatile boolean autoIdsMovedAway;

    private final OutboxRepository messages;
    private final ReminderRepository reminders;
    private final Outbox outbox;
    private final ResidentNotices notices;
    private final ConflictRetry retry;
    private final Clock clock;
    private final MailSettings mail;
    private final NotificationSettings settings;
    private final JdbcTemplate jdbc;
    private final PublicUrls urls;
    private final List<ManagementLinkIssuer> issuers;
    private final String publicUrl;

    NotificationTestKit(OutboxRepository messages, ReminderRepository reminders, Outbox outbox,
                        ResidentNotices notices, ConflictRetry retry,
                        Clock clock, MailSettings mail, NotificationSettings settings, JdbcTemplate jdbc,
                        PublicUrls urls, List<ManagementLinkIssuer> issuers, @Value("${rdv.public-url}") String publicUrl) {
        this.messages = messages;
        this.reminders = reminders;
        this.outbox = outbox;
        this.notices = notices;
        this.retry = retry;
        this.clock = clock;
        this.mail = mail;
        this.settings = settings;
        this.jdbc = jdbc;
        this.urls = urls;
        this.issuers = List.copyOf(issuers);
        this.publicUrl = publicUrl;
    }

    public String publicUrl() {
        return publicUrl;
    }

    public Dispatcher dispatcher(MailServer server, ManagementLinkIssuer issuer) {
        return dispatcher(server, issuer, settings.dispatcher().batchSize());
    }

    public Dispatcher dispatcher(MailServer server, ManagementLinkIssuer issuer, int batchSize) {
        return dispatcher(new EmailChannel(server.sender(), mail, clock), issuer, batchSize);
    }

    /** A dispatcher on any channel (e.g. a slow one), with the application's link issuers and the test's. */
    public Dispatcher dispatcher(NotificationChannel channel, ManagementLinkIssuer issuer, int batchSize) {
        return dispatcher(channel, issuer, batchSize, settings.dispatcher().chunkSize());
    }

    /** The same, sending {@code chunkSize} messages between two lease renewals. */
    public Dispatcher dispatcher(NotificationChannel channel, ManagementLinkIssuer issuer, int batchSize, int chunkSize) {
        var d = settings.dispatcher();
        var allIssuers = new ArrayList<>(issuers);
        allIssuers.add(issuer);
        return new Dispatcher(messages, List.of(channel), new ManagementLinks(allIssuers, urls), retry, clock,
                new NotificationSettings.Dispatcher(d.delay(), batchSize, chunkSize, 1000, d.lease(), d.backoff()),
                QuietHours.of(settings.reminders()));
    }

    public ReminderJob reminderJob(ReminderComposer composer) {
        return new ReminderJob(reminders, notices, List.of(composer), retry, clock, settings.reminders());
    }

    /**
     * Waits until every event published so far has been handled by its listeners (they run after the commit, on
     * other threads): the mails, reminders and notices they make are then in the database.
     */
    public void awaitEvents() {
        EventListeners.awaitIdle(jdbc);
    }

    /** A subject id no other test uses. */
    public static long newSubjectId() {
        return SUBJECTS.incrementAndGet() * 10L + (System.nanoTime() % 10);
    }

    /** A confirmation for an atelier-like booking at the territory's first place, with an invitation. */
    public static MailRequest confirmation(TestTerritory territory, long subjectId, String email, Instant start) {
        var event = new MailEvent("Atelier « Découvrir sa tablette », premiers pas", start, start.plus(Duration.ofHours(2)),
                territory.placeId());
        var content = new MailContent("Votre inscription est confirmée", "Votre place est réservée",
                List.of("Nous vous attendons.", "L’atelier est gratuit."), event,
                List.of("Votre tablette, chargée", "Vos lunettes si vous en portez"), true);
        return MailRequest.of(MessageKind.ATELIER_REGISTRATION_CONFIRMED, territory.structureId(),
                SubjectRef.of(TestLinkIssuer.SUBJECT_TYPE, subjectId), 0, Recipient.of(email, "Jeanne Dupont"), content,
                CalendarMethod.REQUEST);
    }

    /**
     * A staff account in the shared kernel's table, with the id of a test principal when given (so that a
     * {@code StaffLogin} principal has a real account behind it).
     */
    public long staffAccount(Long id, long structureId, Long advisorId, String email, String role) {
        if (!autoIdsMovedAway) {
            // StaffLogin's principals have ids from 1,000,001 up: accounts numbered by the database start far above,
            // so that an account given a principal's id never meets one the database numbered.
            jdbc.execute("alter table staff_account auto_increment = 2000000000");
            autoIdsMovedAway = true;
        }
        if (id == null) {
            jdbc.update("insert into staff_account (email, display_name, password_hash, structure_id, advisor_id)"
                    + " values (?, ?, 'x', ?, ?)", email, "Agent " + email, structureId, advisorId);
            id = jdbc.queryForObject("select id from staff_account where email = ?", Long.class, email);
        } else {
            jdbc.update("insert into staff_account (id, email, display_name, password_hash, structure_id, advisor_id)"
                    + " values (?, ?, ?, 'x', ?, ?)", id, email, "Agent " + email, structureId, advisorId);
        }
        jdbc.update("insert into staff_account_role (account_id, role) values (?, ?)", id, role);
        return id;
    }

    /** Status of every message to a domain's addresses. */
    public List<String> statusesFor(String domain) {
        return jdbc.queryForList("select status from outbound_message where recipient like ? order by id", String.class,
                "%@" + domain);
    }

    public List<Integer> attemptsFor(String domain) {
        return jdbc.queryForList("select attempts from outbound_message where recipient like ? order by id", Integer.class,
                "%@" + domain);
    }

    public List<Long> idsFor(String domain) {
        return jdbc.queryForList("select id from outbound_message where recipient like ? order by id", Long.class,
                "%@" + domain);
    }

    /** Leaves nothing due for later tests: their dispatchers would send these to their own servers. */
    public void discard(String domain) {
        jdbc.update("update outbound_message set status = 'FAILED', last_error = 'test terminé' "
                + "where recipient like ? and status in ('PENDING', 'SENDING')", "%@" + domain);
    }
}
