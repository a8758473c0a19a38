package fr.rdvnumerique.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import fr.rdvnumerique.base.time.ParisTime;
import fr.rdvnumerique.notification.domain.ReminderSettingRepository;
import fr.rdvnumerique.notification.domain.StaffNote;
import fr.rdvnumerique.notification.domain.StaffNote.Code;
import fr.rdvnumerique.notification.internal.ReminderActivity;
import fr.rdvnumerique.notification.internal.ReminderSubject;
import fr.rdvnumerique.notification.internal.Reminders;
import fr.rdvnumerique.notification.internal.ScheduledReminder;
import fr.rdvnumerique.notification.internal.SubjectRef;
import fr.rdvnumerique.notification.jobs.ReminderJob;
import fr.rdvnumerique.territory.TerritoryFixtures;
import fr.rdvnumerique.territory.TerritoryFixtures.TestTerritory;
import fr.rdvnumerique.testing.IntegrationTest;
import fr.rdvnumerique.testing.SnapshotIsolation;
import fr.rdvnumerique.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reminders go out at the right time, never at night, once — with two runners and across restarts. */
@IntegrationTest
class RemindersTest {

    @Autowired TerritoryFixtures fixtures;
    @Autowired Reminders reminders;
    @Autowired ReminderSettingRepository settingRows;
    @Autowired NotificationTestKit kit;
    @Autowired TestClock clock;
    @Autowired JdbcTemplate jdbc;
    @Autowired DataSource dataSource;

    TestTerritory territory;
    String domain;
    TestReminderComposer composer;
    boolean snapshotIsolation;

    @BeforeEach
    void setUp() {
        territory = fixtures.create("Rappels");
        domain = "r" + NotificationTestKit.newSubjectId() + ".example.org";
        composer = new TestReminderComposer(territory, domain);
        clock.setParis(2026, 11, 23, 10, 0);
        snapshotIsolation = SnapshotIsolation.current(dataSource);
    }

    @AfterEach
    void tearDown() {
        kit.discard(domain);
        clock.reset();
        SnapshotIsolation.set(dataSource, snapshotIsolation);
    }

    static Instant paris(int month, int day, int hour, int minute) {
        return ZonedDateTime.of(2026, month, day, hour, minute, 0, 0, ParisTime.ZONE).toInstant();
    }

    private SubjectRef newSubject() {
        return SubjectRef.of(TestLinkIssuer.SUBJECT_TYPE, NotificationTestKit.newSubjectId());
    }

    /** Plans a subject's reminders with its own offsets (an override for an owner only it uses). */
    private void plan(SubjectRef subject, Instant start, List<Duration> offsets, boolean wanted) {
        long owner = NotificationTestKit.newSubjectId();
        settingRows.save(ReminderActivity.APPOINTMENT, ReminderSettingRepository.OVERRIDE, owner, territory.structureId(),
                offsets, clock.instant());
        reminders.plan(new ReminderSubject(subject, territory.structureId(), ReminderActivity.APPOINTMENT, owner, start,
                wanted));
    }

    private ReminderSubject atelier(SubjectRef subject, Instant start) {
        return new ReminderSubject(subject, territory.structureId(), ReminderActivity.ATELIER, null, start, true);
    }

    private List<String> reminderKeys(SubjectRef subject) {
        return jdbc.queryForList("select dedup_key from outbound_message where kind = 'REMINDER' and subject_type = ?"
                + " and subject_id = ? order by id", String.class, subject.type(), subject.id());
    }

    @Test
    void an_atelier_gets_its_reminders_48_and_24_hours_before_each_exactly_at_its_time() {
        SubjectRef subject = newSubject();
        Instant start = paris(12, 3, 14, 0);
        var offsets = reminders.offsetsFor(territory.structureId(), ReminderActivity.ATELIER, null);
        assertThat(offsets).containsExactly(Duration.ofHours(48), Duration.ofHours(24));
        reminders.plan(atelier(subject, start));
        ReminderJob job = kit.reminderJob(composer);

        clock.set(paris(12, 1, 13, 59));
        job.runOnce();
        assertThat(reminderKeys(subject)).isEmpty();

        clock.set(paris(12, 1, 14, 0));
        assertThat(job.runOnce().queued()).isEqualTo(1);
        assertThat(job.runOnce().queued()).as("not twice").isZero();
        assertThat(reminderKeys(subject)).singleElement().asString().contains(":rappel-2880-");

        clock.set(paris(12, 2, 14, 0));
        job.runOnce();
        assertThat(reminderKeys(subject)).hasSize(2);
        assertThat(composer.calls(subject.id())).isEqualTo(2);
        assertThat(reminders.of(subject)).extracting(ScheduledReminder::status).containsOnly("QUEUED");
    }

    @Test
    void a_reminder_due_at_night_waits_for_eight_in_the_morning() {
        SubjectRef subject = newSubject();
        // 9:00 appointment, reminders 12 h and 48 h before: 21:00 the evening before → 8:00 the same day.
        plan(subject, paris(12, 3, 9, 0), List.of(Duration.ofHours(12), Duration.ofHours(48)), true);
        assertThat(reminders.of(subject)).extracting(ScheduledReminder::dueAt)
                .containsExactly(paris(12, 1, 9, 0), paris(12, 3, 8, 0));
    }

    @Test
    void no_reminder_for_people_who_refused_them_nor_for_a_cancelled_booking() {
        SubjectRef refused = newSubject();
        SubjectRef cancelled = newSubject();
        plan(refused, paris(12, 3, 14, 0), List.of(Duration.ofHours(48)), false);
        plan(cancelled, paris(12, 3, 14, 0), List.of(Duration.ofHours(48)), true);
        reminders.cancel(cancelled);

        clock.set(paris(12, 2, 12, 0));
        kit.reminderJob(composer).runOnce();
        assertThat(reminderKeys(refused)).isEmpty();
        assertThat(reminderKeys(cancelled)).isEmpty();
        assertThat(reminders.of(cancelled)).extracting(ScheduledReminder::status).containsOnly("CANCELLED");
    }

    @Test
    void when_there_is_nothing_left_to_remind_the_reminder_is_skipped() {
        SubjectRef subject = newSubject();
        plan(subject, paris(12, 3, 14, 0), List.of(Duration.ofHours(48)), true);
        composer.nothingToRemindFor(subject.id());
        clock.set(paris(12, 2, 12, 0));
        kit.reminderJob(composer).runOnce();
        assertThat(reminderKeys(subject)).isEmpty();
        assertThat(reminders.of(subject)).extracting(ScheduledReminder::status).containsOnly("SKIPPED");
    }

    @Test
    void a_move_sends_the_reminder_again_for_the_new_date_but_a_repeated_event_does_not() {
        SubjectRef subject = newSubject();
        Instant first = paris(12, 3, 14, 0);
        reminders.plan(atelier(subject, first));
        ReminderJob job = kit.reminderJob(composer);
        clock.set(paris(12, 1, 15, 0));
        job.runOnce();
        assertThat(reminderKeys(subject)).hasSize(1);

        // The booking event arrives again (redelivery): nothing changes, nothing is sent again.
        reminders.plan(atelier(subject, first));
        job.runOnce();
        assertThat(reminderKeys(subject)).hasSize(1);

        // Moved a week later: both reminders are planned again, and go out once more at the new times.
        reminders.plan(atelier(subject, first.plus(Duration.ofDays(7))));
        assertThat(reminders.of(subject)).extracting(ScheduledReminder::status, ScheduledReminder::dueAt)
                .containsExactly(tuple("PENDING", paris(12, 8, 14, 0)), tuple("PENDING", paris(12, 9, 14, 0)));
        clock.set(paris(12, 8, 14, 0));
        job.runOnce();
        assertThat(reminderKeys(subject)).hasSize(2).doesNotHaveDuplicates();
    }

    @Test
    void a_reminder_found_due_at_night_after_a_stop_waits_for_the_morning_or_is_skipped() {
        SubjectRef morning = newSubject();
        SubjectRef early = newSubject();
        // Due at 19:00 on 2 December; the application was stopped and comes back at 22:00.
        plan(morning, paris(12, 3, 11, 0), List.of(Duration.ofHours(16)), true);
        plan(early, paris(12, 3, 7, 30), List.of(Duration.ofMinutes(750)), true);
        assertThat(reminders.of(morning)).singleElement().extracting(ScheduledReminder::dueAt).isEqualTo(paris(12, 2, 19, 0));
        assertThat(reminders.of(early)).singleElement().extracting(ScheduledReminder::dueAt).isEqualTo(paris(12, 2, 19, 0));
        ReminderJob job = kit.reminderJob(composer);

        clock.set(paris(12, 2, 22, 0));
        job.runOnce();
        assertThat(reminderKeys(morning)).as("not at night").isEmpty();
        assertThat(reminders.of(morning)).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo("PENDING");
            assertThat(r.dueAt()).isEqualTo(paris(12, 3, 8, 0));
        });
        assertThat(reminders.of(early)).as("8:00 is after the start").singleElement()
                .extracting(ScheduledReminder::status).isEqualTo("SKIPPED");

        clock.set(paris(12, 3, 7, 59));
        job.runOnce();
        assertThat(reminderKeys(morning)).isEmpty();
        clock.set(paris(12, 3, 8, 0));
        job.runOnce();
        assertThat(reminderKeys(morning)).hasSize(1);
        assertThat(reminderKeys(early)).isEmpty();
    }

    @Test
    void a_reminder_whose_mail_cannot_be_written_is_tried_five_times_then_fails_with_the_reason() {
        SubjectRef subject = newSubject();
        plan(subject, paris(12, 3, 14, 0), List.of(Duration.ofHours(48)), true);
        composer.failFor(subject.id());
        ReminderJob job = kit.reminderJob(composer);
        clock.set(paris(12, 1, 14, 0));
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(job.runOnce().errors()).as("attempt " + attempt).isEqualTo(1);
            assertThat(job.runOnce().errors()).as("not again before its time").isZero();
            clock.advance(Duration.ofMinutes(10));
        }
        assertThat(job.runOnce().errors()).as("given up").isZero();
        assertThat(composer.calls(subject.id())).isEqualTo(5);
        assertThat(reminders.of(subject)).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo("FAILED");
            assertThat(r.note()).isEqualTo(StaffNote.of(Code.REMINDER_ERROR, "IllegalStateException Données introuvables"));
        });
        assertThat(reminderKeys(subject)).isEmpty();
    }

    @ParameterizedTest(name = "innodb_snapshot_isolation={0}")
    @ValueSource(booleans = {true, false})
    void two_runners_on_one_database_send_each_reminder_once(boolean snapshot) throws Exception {
        SnapshotIsolation.set(dataSource, snapshot);
        var subjects = new ArrayList<SubjectRef>();
        for (int i = 0; i < 40; i++) {
            SubjectRef subject = newSubject();
            subjects.add(subject);
            plan(subject, paris(12, 3, 14, 0), List.of(Duration.ofHours(48)), true);
        }
        clock.set(paris(12, 1, 14, 0));
        // Two instances (or one restarted mid-way): nothing in memory, only the database.
        var runners = List.of(kit.reminderJob(composer), kit.reminderJob(composer));
        var barrier = new CyclicBarrier(2);
        var pool = Executors.newFixedThreadPool(2);
        var results = new ArrayList<Future<ReminderJob.Report>>();
        for (ReminderJob runner : runners) {
            Callable<ReminderJob.Report> run = () -> {
                barrier.await();
                return runner.runOnce();
            };
            results.add(pool.submit(run));
        }
        int queued = 0;
        for (var result : results) {
            queued += result.get().queued();
        }
        pool.shutdown();
        kit.reminderJob(composer).runOnce();

        assertThat(queued).isEqualTo(40);
        for (SubjectRef subject : subjects) {
            assertThat(reminderKeys(subject)).as(subject.toString()).hasSize(1);
            assertThat(composer.calls(subject.id())).as(subject.toString()).isEqualTo(1);
        }
    }
}
