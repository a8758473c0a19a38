package fr.rdvnumerique.atelier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.rdvnumerique.atelier.AtelierFixtures.TestAtelier;
import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.base.domain.CancelledBy;
import fr.rdvnumerique.base.domain.Channel;
import fr.rdvnumerique.base.domain.InvalidValueException;
import fr.rdvnumerique.base.domain.PlaceResult;
import fr.rdvnumerique.base.security.StaffLogin;
import fr.rdvnumerique.base.taxonomy.AtelierLevel;
import fr.rdvnumerique.base.taxonomy.Theme;
import fr.rdvnumerique.base.time.ParisTime;
import fr.rdvnumerique.territory.AdvisorSchedule;
import fr.rdvnumerique.territory.BusyPeriod;
import fr.rdvnumerique.territory.ScheduleConflictException;
import fr.rdvnumerique.testing.IntegrationTest;
import fr.rdvnumerique.testing.TestClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Staff plan and run their sessions; other structures and visitors cannot. */
@IntegrationTest
@RecordApplicationEvents
class StaffServicesTest {

    @Autowired AtelierFixtures fixtures;
    @Autowired WorkshopService workshops;
    @Autowired SessionService sessions;
    @Autowired RosterService rosters;
    @Autowired RegistrationService registrations;
    @Autowired AdvisorSchedule schedule;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;
    @Autowired ApplicationEvents events;

    @AfterEach
    void reset() {
        StaffLogin.signOut();
        clock.reset();
    }

    private LocalDate inDays(int days) {
        return LocalDate.now(clock.withZone(ParisTime.ZONE)).plusDays(days);
    }

    private SessionForm form(TestAtelier a, LocalDate date, int hour, int capacity) {
        return new SessionForm(a.workshopId(), a.territory().placeId(), a.territory().advisorId(), date,
                LocalTime.of(hour, 0), LocalTime.of(hour + 2, 0), capacity, null, Duration.ofHours(2));
    }

    @Test
    void a_workshop_keeps_markup_as_text_and_refuses_over_long_input() {
        TestAtelier a = fixtures.create("Catalogue", 5);
        StaffLogin.advisor(a.territory().structureId(), a.territory().advisorId());
        String title = "<b>Tablette</b> <script>alert(1)</script>";
        long id = workshops.create(new WorkshopForm(title, "Décrire l’atelier", Set.of(Theme.EMAIL), AtelierLevel.DEBUTANT,
                90, 8, null, null));
        assertThat(workshops.load(id).value().title()).isEqualTo(title);
        assertThatThrownBy(() -> workshops.create(new WorkshopForm("x".repeat(10_000), "d", Set.of(Theme.EMAIL),
                AtelierLevel.DEBUTANT, 90, 8, null, null))).isInstanceOf(InvalidValueException.class)
                .hasFieldOrPropertyWithValue("messageKey", "validation.too-long");
        assertThatThrownBy(() -> workshops.create(new WorkshopForm("Titre", "d", Set.of(), AtelierLevel.DEBUTANT, 90, 8,
                null, null))).hasFieldOrPropertyWithValue("messageKey", "atelier.workshop.themes.required");
        assertThatThrownBy(() -> workshops.create(new WorkshopForm("Titre", "d", Set.of(Theme.EMAIL), AtelierLevel.DEBUTANT,
                7, 8, null, null))).hasFieldOrPropertyWithValue("messageKey", "atelier.workshop.duration.invalid");
    }

    @Test
    void a_session_claims_the_advisors_time_and_an_overlapping_one_is_refused_with_the_other_named() {
        TestAtelier a = fixtures.create("Agenda atelier", 5, 20);
        StaffLogin.coordinator(a.territory().structureId());
        long id = sessions.create(form(a, inDays(10), 14, 6));
        var summary = sessions.summary(id);
        assertThat(schedule.busy(a.territory().advisorId(), summary.start(), summary.end()))
                .singleElement().satisfies(p -> {
                    assertThat(p.ownerKind()).isEqualTo("ATELIER_SESSION");
                    assertThat(p.label()).startsWith("Atelier « Découvrir sa tablette Agenda atelier », ")
                            .contains(" à 14 h 00");
                });
        assertThatThrownBy(() -> sessions.create(form(a, inDays(10), 15, 6)))
                .isInstanceOf(ScheduleConflictException.class)
                .satisfies(e -> assertThat(((ScheduleConflictException) e).conflictingLabel())
                        .startsWith("Atelier « Découvrir sa tablette Agenda atelier »"));
    }

    @Test
    void a_series_is_created_in_one_go_or_not_at_all() {
        TestAtelier a = fixtures.create("Serie", 5, 40);
        StaffLogin.coordinator(a.territory().structureId());
        var ids = sessions.createSeries(new SeriesForm(a.workshopId(), a.territory().placeId(), a.territory().advisorId(),
                inDays(2), LocalTime.of(9, 0), LocalTime.of(11, 0), 8, 6, 1, Duration.ofHours(2)));
        assertThat(ids).hasSize(6);
        assertThat(jdbc.queryForObject("select count(distinct series_key) from atelier_session where id in (" +
                String.join(",", ids.stream().map(String::valueOf).toList()) + ")", Integer.class)).isEqualTo(1);
        // A session in week 8 from 9:00 to 11:00; a series of weeks 6 to 9 from 10:00 collides with it in its third week.
        long blocker = sessions.create(form(a, inDays(2).plusWeeks(8), 9, 5));
        assertThatThrownBy(() -> sessions.createSeries(new SeriesForm(a.workshopId(), a.territory().placeId(),
                a.territory().advisorId(), inDays(2).plusWeeks(6), LocalTime.of(10, 0), LocalTime.of(12, 0), 8, 4, 1, Duration.ofHours(2))))
                .isInstanceOf(ScheduleConflictException.class);
        assertThat(jdbc.queryForObject("select count(*) from atelier_session where structure_id = ?", Integer.class,
                a.territory().structureId())).as("the refused series left nothing").isEqualTo(1 + 6 + 1);
        assertThat(blocker).isPositive();
        assertThatThrownBy(() -> sessions.createSeries(new SeriesForm(a.workshopId(), a.territory().placeId(),
                a.territory().advisorId(), inDays(2), LocalTime.of(9, 0), LocalTime.of(11, 0), 8, 30, 1, Duration.ofHours(2))))
                .hasFieldOrPropertyWithValue("messageKey", "atelier.series.occurrences.invalid");
    }

    @Test
    void lowering_capacity_is_refused_unless_staff_move_the_latest_back_and_raising_it_promotes() {
        TestAtelier a = fixtures.create("Capacite", 3);
        long first = ((PlaceResult.Confirmed<Seats, Void>) registrations.register(AtelierFixtures.request(a.sessionId(), "Anne", "Un"))).id();
        registrations.register(AtelierFixtures.request(a.sessionId(), "Bruno", "Deux"));
        long latest = ((PlaceResult.Confirmed<Seats, Void>) registrations.register(AtelierFixtures.request(a.sessionId(), "Chloé", "Trois"))).id();
        long waiting = ((PlaceResult.Waitlisted<Seats, Void>) registrations.register(AtelierFixtures.request(a.sessionId(), "Denis", "Quatre"))).id();
        StaffLogin.advisor(a.territory().structureId(), a.territory().advisorId());

        assertThatThrownBy(() -> sessions.changeCapacity(a.sessionId(), 2, false))
                .isInstanceOf(BusinessRuleException.class)
                .hasFieldOrPropertyWithValue("messageKey", "atelier.capacity.below-confirmed");
        assertThat(sessions.changeCapacity(a.sessionId(), 2, true)).isEqualTo(new CapacityResult(2, 0, 1));
        var roster = rosters.roster(a.sessionId());
        assertThat(roster.waiting()).extracting(RosterEntry::registrationId).containsExactly(latest, waiting);
        assertThat(roster.waiting()).extracting(RosterEntry::position).containsExactly(1, 2);
        assertThat(events.stream(RegistrationMovedToWaitingList.class)).singleElement()
                .satisfies(e -> assertThat(e.position()).isEqualTo(1));

        assertThat(sessions.changeCapacity(a.sessionId(), 4, false)).isEqualTo(new CapacityResult(4, 2, 0));
        assertThat(events.stream(RegistrationPromoted.class)).extracting(RegistrationPromoted::registrationId)
                .containsExactly(latest, waiting);
        var counts = fixtures.counts(a.sessionId());
        assertThat(counts.confirmedSeats()).isEqualTo(4).isEqualTo(counts.confirmedRowSeats());
        assertThat(first).isPositive();
    }

    @Test
    void staff_register_someone_by_phone_cancel_promote_and_mark_attendance() {
        TestAtelier a = fixtures.create("Equipe", 1, 3); // beyond the late-seat window: the freed seat goes straight to the next person
        registrations.register(AtelierFixtures.request(a.sessionId(), "Anne", "Petit"));
        StaffLogin.advisor(a.territory().structureId(), a.territory().advisorId());
        var walkIn = rosters.registerOnBehalf(RegistrationRequest.simple(a.sessionId(), "Gérard", "Lemoine", null,
                "03 53 01 10 09", AtelierFixtures.web()));
        assertThat(walkIn).isInstanceOfSatisfying(PlaceResult.Waitlisted.class, w -> assertThat(w.position()).isEqualTo(1));
        long walkInId = ((PlaceResult.Waitlisted<Seats, Void>) walkIn).id();
        assertThat(registrations.details(walkInId).channel()).as("staff registrations say so").isEqualTo(Channel.STAFF);

        assertThatThrownBy(() -> rosters.promote(walkInId)).hasFieldOrPropertyWithValue("messageKey", "atelier.promote.no-seat");
        long anne = rosters.roster(a.sessionId()).confirmed().getFirst().registrationId();
        rosters.cancel(anne);
        assertThat(registrations.details(walkInId).status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(events.stream(RegistrationCancelled.class)).singleElement()
                .satisfies(e -> assertThat(e.cancelledBy()).isEqualTo(CancelledBy.STAFF));

        assertThatThrownBy(() -> rosters.markAttendance(walkInId, Attendance.PRESENT))
                .hasFieldOrPropertyWithValue("messageKey", "atelier.attendance.too-early");
        clock.set(a.start().plus(Duration.ofMinutes(10)));
        rosters.markAttendance(walkInId, Attendance.PRESENT);
        assertThat(rosters.roster(a.sessionId()).confirmed()).extracting(RosterEntry::attendance).containsExactly(Attendance.PRESENT);
    }

    @Test
    void cancelling_a_session_cancels_every_registration_with_one_event_each_and_frees_the_advisor() {
        TestAtelier a = fixtures.create("Annulee", 1);
        registrations.register(AtelierFixtures.request(a.sessionId(), "Anne", "Petit"));
        registrations.register(AtelierFixtures.request(a.sessionId(), "Jean", "Dupont"));
        StaffLogin.coordinator(a.territory().structureId());
        assertThat(sessions.cancelSession(a.sessionId())).isEqualTo(2);
        assertThat(events.stream(RegistrationCancelled.class)).hasSize(2)
                .allSatisfy(e -> assertThat(e.reason()).isEqualTo(CancellationReason.SESSION_CANCELLED));
        assertThat(events.stream(SessionCancelled.class)).singleElement()
                .satisfies(e -> assertThat(e.cancelledRegistrations()).isEqualTo(2));
        assertThat(schedule.busy(a.territory().advisorId(), a.start(), a.end())).isEmpty();
        assertThat(registrations.register(AtelierFixtures.request(a.sessionId(), "Léa", "Morel")))
                .isEqualTo(new PlaceResult.Refused<>("atelier.registration.refused.cancelled", java.util.List.of()));
    }

    @Test
    void moving_a_session_tells_each_person_and_moves_the_advisors_time() {
        TestAtelier a = fixtures.create("Deplacee", 4, 12);
        long r = ((PlaceResult.Confirmed<Seats, Void>) registrations.register(AtelierFixtures.request(a.sessionId(), "Anne", "Petit"))).id();
        StaffLogin.coordinator(a.territory().structureId());
        var loaded = sessions.load(a.sessionId());
        assertThat(loaded.value().startTime()).isEqualTo(LocalTime.of(14, 0));
        var moved = new SessionForm(a.workshopId(), a.territory().secondPlaceId(), a.territory().advisorId(),
                loaded.value().date().plusDays(1), LocalTime.of(10, 0), LocalTime.of(12, 0), 4, null, Duration.ofHours(2));
        sessions.update(a.sessionId(), loaded.version(), moved);
        assertThat(events.stream(SessionRescheduled.class)).singleElement().satisfies(e -> {
            assertThat(e.registrationId()).isEqualTo(r);
            assertThat(e.previousStart()).isEqualTo(a.start());
            assertThat(e.placeId()).isEqualTo(a.territory().secondPlaceId());
            assertThat(e.sequence()).isEqualTo(1);
        });
        assertThat(schedule.busy(a.territory().advisorId(), a.start(), a.end())).isEmpty();
        var summary = sessions.summary(a.sessionId());
        assertThat(schedule.busy(a.territory().advisorId(), summary.start(), summary.end())).extracting(BusyPeriod::ownerId)
                .containsExactly(a.sessionId());
        assertThatThrownBy(() -> sessions.update(a.sessionId(), loaded.version(), moved))
                .hasFieldOrPropertyWithValue("messageKey", "error.concurrent-change");
    }

    @Test
    void the_list_exports_as_csv_and_the_sign_in_sheet_as_pdf() {
        TestAtelier a = fixtures.create("Export", 2);
        registrations.register(new RegistrationRequest(a.sessionId(), "Marie-Hélène", "N’Diaye", "=cmd@exemple.fr", null,
                "Paul", "N’Diaye", null, false, null, Set.of(), true, AtelierFixtures.web()));
        registrations.register(AtelierFixtures.request(a.sessionId(), "Jean", "Dupont"));
        StaffLogin.advisor(a.territory().structureId(), a.territory().advisorId());
        String csv = new String(rosters.exportCsv(a.sessionId()), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFStatut;Position;Nom;Prénom;Accompagnant;Places;E-mail;Téléphone;Canal;Inscrit le;Présence")
                .contains("Inscrit;;N’Diaye;Marie-Hélène;Paul N’Diaye;2;'=cmd@exemple.fr;;Site internet;")
                .contains("Liste d’attente;1;Dupont;Jean;;1;");
        byte[] pdf = rosters.signInSheet(a.sessionId());
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        String sheet = pdfText(pdf);
        assertThat(sheet).contains("Feuille d’émargement", "Découvrir sa tablette Export", "N’Diaye", "Marie-Hélène",
                "Paul N’Diaye", "Signature");
        assertThat(sheet).as("only confirmed people sign").doesNotContain("Dupont");
    }

    @Test
    void the_sign_in_sheet_prints_names_beyond_latin_1_and_markup_as_plain_text() {
        TestAtelier a = fixtures.create("Unicode", 4);
        registrations.register(RegistrationRequest.simple(a.sessionId(), "Łukasz", "Nguyễn", AtelierFixtures.email("lukasz"),
                null, AtelierFixtures.web()));
        registrations.register(RegistrationRequest.simple(a.sessionId(), "<script>alert(1)</script>", "Đặng",
                AtelierFixtures.email("script"), null, AtelierFixtures.web()));
        registrations.register(RegistrationRequest.simple(a.sessionId(), "Jean", "=SOMME(A1)", AtelierFixtures.email("formule"),
                null, AtelierFixtures.web()));
        StaffLogin.advisor(a.territory().structureId(), a.territory().advisorId());

        String sheet = pdfText(rosters.signInSheet(a.sessionId()));

        assertThat(sheet).contains("Łukasz", "Nguyễn", "Đặng", "<script>alert(1)</script>", "Découvrir sa tablette Unicode");
        String csv = new String(rosters.exportCsv(a.sessionId()), StandardCharsets.UTF_8);
        assertThat(csv).contains("Nguyễn;Łukasz;", "Đặng;<script>alert(1)</script>;")
                .as("a name a spreadsheet would run as a formula is written as text").contains(";'=SOMME(A1);Jean;");
    }

    private static String pdfText(byte[] pdf) {
        try (var reader = new com.lowagie.text.pdf.PdfReader(pdf)) {
            var extractor = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader);
            var text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            return text.toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void the_closing_delay_is_kept_to_the_minute_and_checked() {
        TestAtelier a = fixtures.create("Cloture minutes", 5, 20);
        StaffLogin.coordinator(a.territory().structureId());
        var ninetyMinutes = new SessionForm(a.workshopId(), a.territory().placeId(), a.territory().advisorId(), inDays(10),
                LocalTime.of(14, 0), LocalTime.of(16, 0), 6, null, Duration.ofMinutes(90));
        long id = sessions.create(ninetyMinutes);
        var loaded = sessions.load(id);
        assertThat(loaded.value().closesBefore()).isEqualTo(Duration.ofMinutes(90));
        var closes = jdbc.queryForObject("select registration_closes_at from atelier_session where id = ?", java.sql.Timestamp.class, id);

        sessions.update(id, loaded.version(), loaded.value());
        assertThat(jdbc.queryForObject("select registration_closes_at from atelier_session where id = ?", java.sql.Timestamp.class, id))
                .as("saving the form unchanged keeps the closing time").isEqualTo(closes);
        assertThat(sessions.load(id).value().closesBefore()).isEqualTo(Duration.ofMinutes(90));

        assertThatThrownBy(() -> sessions.create(new SessionForm(a.workshopId(), a.territory().placeId(),
                a.territory().advisorId(), inDays(11), LocalTime.of(14, 0), LocalTime.of(16, 0), 6, null,
                Duration.ofMinutes(-5)))).hasFieldOrPropertyWithValue("messageKey", "atelier.session.closes.invalid");
        assertThatThrownBy(() -> sessions.create(new SessionForm(a.workshopId(), a.territory().placeId(),
                a.territory().advisorId(), inDays(11), LocalTime.of(14, 0), LocalTime.of(16, 0), 6, null,
                Duration.ofDays(15)))).hasFieldOrPropertyWithValue("messageKey", "atelier.session.closes.invalid");
    }

    @Test
    void another_structure_can_neither_read_nor_change_a_session_and_visitors_cannot_at_all() {
        TestAtelier ludres = fixtures.create("Portee Ludres", 3);
        TestAtelier other = fixtures.create("Portee autre", 3);
        long r = ((PlaceResult.Confirmed<Seats, Void>) registrations.register(AtelierFixtures.request(ludres.sessionId(), "Anne", "Petit"))).id();
        StaffLogin.coordinator(other.territory().structureId());
        assertThatThrownBy(() -> rosters.roster(ludres.sessionId())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> rosters.cancel(r)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> sessions.changeCapacity(ludres.sessionId(), 10, false)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> sessions.cancelSession(ludres.sessionId())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> rosters.exportCsv(ludres.sessionId())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> workshops.load(ludres.workshopId())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> sessions.create(form(ludres, inDays(30), 9, 5))).isInstanceOf(AccessDeniedException.class);
        assertThat(sessions.list(false, Pageable.ofSize(50)).getContent()).extracting(SessionSummary::id)
                .contains(other.sessionId()).doesNotContain(ludres.sessionId());
        StaffLogin.signOut();
        assertThatThrownBy(() -> sessions.list(false, Pageable.ofSize(10)))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThat(registrations.details(r).status()).isEqualTo(RegistrationStatus.CONFIRMED);
    }
}
