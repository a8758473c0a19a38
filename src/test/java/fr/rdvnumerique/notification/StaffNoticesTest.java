package fr.rdvnumerique.notification;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdvnumerique.base.security.StaffLogin;
import fr.rdvnumerique.notification.internal.NoticeMode;
import fr.rdvnumerique.notification.internal.StaffNotice;
import fr.rdvnumerique.notification.internal.StaffNoticePreferences;
import fr.rdvnumerique.notification.internal.StaffNotices;
import fr.rdvnumerique.notification.internal.SubjectRef;
import fr.rdvnumerique.notification.jobs.DigestJob;
import fr.rdvnumerique.territory.TerritoryFixtures;
import fr.rdvnumerique.territory.TerritoryFixtures.TestTerritory;
import fr.rdvnumerique.testing.IntegrationTest;
import fr.rdvnumerique.testing.TestClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Staff hear about their agenda as they chose: every event, one digest a day, or nothing. */
@IntegrationTest
class StaffNoticesTest {

    @Autowired TerritoryFixtures fixtures;
    @Autowired StaffNotices notices;
    @Autowired StaffNoticePreferences preferences;
    @Autowired DigestJob digest;
    @Autowired NotificationTestKit kit;
    @Autowired TestClock clock;
    @Autowired JdbcTemplate jdbc;

    TestTerritory territory;
    String domain;

    @BeforeEach
    void setUp() {
        territory = fixtures.create("Avis");
        domain = "s" + NotificationTestKit.newSubjectId() + ".example.org";
        clock.setParis(2026, 11, 23, 15, 0);
    }

    @AfterEach
    void tearDown() {
        kit.discard(domain);
        clock.reset();
        StaffLogin.signOut();
    }

    private StaffNotice booked(long subjectId) {
        return new StaffNotice(territory.structureId(), territory.advisorId(),
                SubjectRef.of("APPOINTMENT", subjectId), "BOOKED", 0,
                "Nouveau rendez-vous le jeudi 3 décembre à 14 h 00", List.of("Motif : démarches en ligne"));
    }

    private void choose(long accountId, NoticeMode mode) {
        jdbc.update("insert into staff_notice_preference (account_id, mode, updated_at) values (?, ?, now())"
                + " on duplicate key update mode = values(mode)", accountId, mode.name());
    }

    private List<String> kindsFor(String email) {
        return jdbc.queryForList("select kind from outbound_message where recipient = ? order by id", String.class, email);
    }

    @Test
    void an_advisor_who_wants_every_event_gets_a_mail_per_event_and_only_once() {
        long account = kit.staffAccount(null, territory.structureId(), territory.advisorId(), "conseil@" + domain, "ADVISOR");
        choose(account, NoticeMode.EVERY_EVENT);
        var notice = booked(NotificationTestKit.newSubjectId());

        notices.notify(notice);
        notices.notify(notice); // the same event delivered twice

        assertThat(kindsFor("conseil@" + domain)).containsExactly("STAFF_NOTICE");
        assertThat(jdbc.queryForObject("select subject from outbound_message where recipient = ?", String.class,
                "conseil@" + domain)).isEqualTo("Votre agenda : Nouveau rendez-vous le jeudi 3 décembre à 14 h 00");
    }

    @Test
    void the_daily_digest_goes_out_once_a_day_per_person_with_everything_since_the_last_one() throws Exception {
        long account = kit.staffAccount(null, territory.structureId(), territory.advisorId(), "resume@" + domain, "ADVISOR");
        choose(account, NoticeMode.DAILY_DIGEST);
        notices.notify(booked(NotificationTestKit.newSubjectId()));
        notices.notify(booked(NotificationTestKit.newSubjectId()));
        assertThat(kindsFor("resume@" + domain)).as("nothing right away").isEmpty();

        clock.setParis(2026, 11, 24, 7, 0);
        // Two runs at once, even without the ShedLock lock of the scheduled job: row locks and the dated key keep it to one.
        var first = CompletableFuture.supplyAsync(digest::runOnce);
        var second = CompletableFuture.supplyAsync(digest::runOnce);
        first.get();
        second.get();
        digest.runOnce();
        assertThat(kindsFor("resume@" + domain)).containsExactly("STAFF_DIGEST");
        String body = jdbc.queryForObject("select body_text from outbound_message where recipient = ?", String.class,
                "resume@" + domain);
        assertThat(body).contains("Résumé du mardi 24 novembre 2026", "depuis le dernier résumé : 2.",
                "lundi 23 novembre 2026 à 15 h 00 – Nouveau rendez-vous le jeudi 3 décembre à 14 h 00");

        // A notice later that day waits for tomorrow's digest.
        clock.advance(Duration.ofHours(3));
        notices.notify(booked(NotificationTestKit.newSubjectId()));
        clock.advance(Duration.ofMinutes(1));
        digest.runOnce();
        assertThat(kindsFor("resume@" + domain)).hasSize(1);
        clock.setParis(2026, 11, 25, 7, 0);
        digest.runOnce();
        assertThat(kindsFor("resume@" + domain)).hasSize(2);
    }

    @Test
    void nobody_is_told_when_they_chose_nothing_and_coordinators_stand_in_for_an_advisor_without_account() {
        long advisorAccount = kit.staffAccount(null, territory.structureId(), territory.advisorId(), "rien@" + domain, "ADVISOR");
        choose(advisorAccount, NoticeMode.NONE);
        notices.notify(booked(NotificationTestKit.newSubjectId()));
        assertThat(kindsFor("rien@" + domain)).isEmpty();

        long otherAdvisor = fixtures.addAdvisor(territory, "Sans compte");
        long coordinator = kit.staffAccount(null, territory.structureId(), null, "coordination@" + domain, "COORDINATOR");
        choose(coordinator, NoticeMode.EVERY_EVENT);
        notices.notify(new StaffNotice(territory.structureId(), otherAdvisor, SubjectRef.of("APPOINTMENT", 9), "CANCELLED",
                1, "Rendez-vous annulé le jeudi 3 décembre à 14 h 00", List.of()));
        assertThat(kindsFor("coordination@" + domain)).containsExactly("STAFF_NOTICE");
    }

    @Test
    void each_staff_member_chooses_for_themselves() {
        var principal = StaffLogin.as(territory.structureId(), territory.advisorId(), fr.rdvnumerique.base.security.Role.ADVISOR);
        kit.staffAccount(principal.accountId(), territory.structureId(), territory.advisorId(), "moi@" + domain, "ADVISOR");
        assertThat(preferences.mine()).as("the default").isEqualTo(NoticeMode.DAILY_DIGEST);
        preferences.chooseMine(NoticeMode.EVERY_EVENT);
        assertThat(preferences.mine()).isEqualTo(NoticeMode.EVERY_EVENT);
    }
}
