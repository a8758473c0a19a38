package fr.rdvnumerique.notification;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdvnumerique.notification.domain.IcsLines;
import fr.rdvnumerique.notification.internal.CalendarEntry;
import fr.rdvnumerique.notification.internal.CalendarInvitations;
import fr.rdvnumerique.notification.internal.CalendarMethod;
import fr.rdvnumerique.notification.internal.MailSettings;
import fr.rdvnumerique.notification.internal.SubjectRef;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

/** Invitations that calendar clients accept: one UID across book → move → cancel, SEQUENCE going up. */
class CalendarInvitationsTest {

    static final Instant START = Instant.parse("2026-12-01T13:00:00Z");
    static final SubjectRef SUBJECT = SubjectRef.of("ATELIER_REGISTRATION", 42);

    static final CalendarEntry.Party ORGANIZER = new CalendarEntry.Party("Mairie de Ludres", "numerique@ludres.example.org");

    final CalendarInvitations invitations = new CalendarInvitations(
            new MailSettings("RDV Numérique <ne-pas-repondre@rdv.example.org>"), "", "https://rdv.example.org/",
            Clock.fixed(Instant.parse("2026-11-20T09:00:00Z"), ZoneOffset.UTC));

    CalendarEntry entry(int sequence, CalendarMethod method, Instant start) {
        return new CalendarEntry(invitations.uid(SUBJECT), sequence, method, start, start.plus(Duration.ofHours(2)),
                "Atelier « Découvrir sa tablette » ; niveau 1, débutants",
                "Médiathèque Jules-Verne, 1 rue de la Paix, 54710 Ludres",
                "Première ligne, avec une virgule ; et un point-virgule\nDeuxième ligne : accès de plain-pied, "
                        + "ascenseur à gauche de l’accueil, salle « Numérique » au premier étage",
                "https://rdv.example.org/ateliers/gerer/abc", ORGANIZER,
                new CalendarEntry.Party("Jeanne Dupont-Léger, née Martin", "jeanne@example.org"));
    }

    static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    static VEvent event(Calendar calendar) {
        return calendar.<VEvent>getComponents("VEVENT").getFirst();
    }

    @Test
    void book_move_and_cancel_keep_the_uid_and_raise_the_sequence() throws Exception {
        Calendar booked = parse(invitations.build(entry(0, CalendarMethod.REQUEST, START)));
        Calendar moved = parse(invitations.build(entry(1, CalendarMethod.REQUEST, START.plus(Duration.ofDays(7)))));
        Calendar cancelled = parse(invitations.build(entry(2, CalendarMethod.CANCEL, START.plus(Duration.ofDays(7)))));

        for (Calendar calendar : new Calendar[] {booked, moved, cancelled}) {
            assertThat(calendar.validate().hasErrors()).as(calendar.toString()).isFalse();
            assertThat(event(calendar).getUid().orElseThrow().getValue()).isEqualTo("atelier-registration-42@rdv.example.org");
        }
        assertThat(booked.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("REQUEST");
        assertThat(moved.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("REQUEST");
        assertThat(cancelled.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("CANCEL");
        assertThat(event(booked).getSequence().getSequenceNo()).isZero();
        assertThat(event(moved).getSequence().getSequenceNo()).isEqualTo(1);
        assertThat(event(cancelled).getSequence().getSequenceNo()).isEqualTo(2);
        assertThat(event(moved).getStartDate().orElseThrow().getValue()).isEqualTo("20261208T130000Z");
        assertThat(event(booked).getStatus().getValue()).isEqualTo("CONFIRMED");
        assertThat(event(cancelled).getStatus().getValue()).isEqualTo("CANCELLED");
        assertThat(event(booked).getAlarms()).hasSize(1);
        assertThat(event(cancelled).getAlarms()).as("RFC 5546: no alarm in a CANCEL").isEmpty();
        assertThat(event(booked).getDateStamp().orElseThrow().getValue()).isEqualTo("20261120T090000Z");
    }

    @Test
    void text_round_trips_with_its_commas_semicolons_new_lines_and_accents() throws Exception {
        String ics = invitations.build(entry(0, CalendarMethod.REQUEST, START));
        VEvent event = event(parse(ics));
        assertThat(event.getSummary().getValue()).isEqualTo("Atelier « Découvrir sa tablette » ; niveau 1, débutants");
        assertThat(event.getDescription().getValue()).isEqualTo(entry(0, CalendarMethod.REQUEST, START).description());
        assertThat(event.getLocation().getValue()).isEqualTo("Médiathèque Jules-Verne, 1 rue de la Paix, 54710 Ludres");
        assertThat(ics).contains("SUMMARY:Atelier « Découvrir sa tablette » \\; niveau 1\\, débutants");
        assertThat(event.getProperty("ORGANIZER").orElseThrow().getValue()).isEqualTo("mailto:numerique@ludres.example.org");
        assertThat(event.getProperty("ORGANIZER").orElseThrow().getParameter("CN").orElseThrow().getValue())
                .isEqualTo("Mairie de Ludres");
        assertThat(event.getProperty("ATTENDEE").orElseThrow().getParameter("CN").orElseThrow().getValue())
                .isEqualTo("Jeanne Dupont-Léger, née Martin");
        assertThat(event.getUrl().getValue()).isEqualTo("https://rdv.example.org/ateliers/gerer/abc");
    }

    @Test
    void lines_end_with_crlf_and_are_folded_at_75_octets_without_splitting_a_character() throws Exception {
        String ics = invitations.build(entry(0, CalendarMethod.REQUEST, START));
        assertThat(ics.split("\r\n")).as("long lines are folded").anyMatch(line -> line.startsWith(" "));
        // On the octets that leave: each line decodes as UTF-8 on its own (see IcsLines).
        IcsLines.assertRfc5545Lines(invitations.download(entry(0, CalendarMethod.REQUEST, START)));
    }

    @Test
    void without_an_address_of_its_own_the_structure_is_represented_by_the_application_sender() throws Exception {
        var entry = entry(0, CalendarMethod.REQUEST, START);
        var anonymous = new CalendarEntry(entry.uid(), 0, CalendarMethod.REQUEST, entry.start(), entry.end(),
                entry.summary(), null, null, null, null, entry.attendee());
        VEvent event = event(parse(invitations.build(anonymous)));
        assertThat(event.getProperty("ORGANIZER").orElseThrow().getValue()).isEqualTo("mailto:ne-pas-repondre@rdv.example.org");
    }

    @Test
    void a_copy_for_the_person_s_own_agenda_is_a_publish_without_attendee_and_validates() throws Exception {
        Calendar copy = parse(invitations.build(entry(3, CalendarMethod.PUBLISH, START)));
        assertThat(copy.validate().hasErrors()).as(copy.toString()).isFalse();
        assertThat(copy.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("PUBLISH");
        assertThat(event(copy).getProperties("ATTENDEE")).isEmpty();
        assertThat(event(copy).getUid().orElseThrow().getValue()).isEqualTo("atelier-registration-42@rdv.example.org");
        assertThat(event(copy).getSequence().getSequenceNo()).isEqualTo(3);
        assertThat(event(copy).getAlarms()).hasSize(1);
    }

    @Test
    void the_uid_domain_can_be_set_and_otherwise_follows_the_public_address() {
        var mail = new MailSettings("RDV Numérique <ne-pas-repondre@rdv.example.org>");
        var clock = Clock.systemUTC();
        assertThat(new CalendarInvitations(mail, "", "https://rdv.ludres.fr", clock).uid(SUBJECT))
                .isEqualTo("atelier-registration-42@rdv.ludres.fr");
        assertThat(new CalendarInvitations(mail, "Agenda.Ludres.fr", "https://rdv.ludres.fr", clock).uid(SUBJECT))
                .isEqualTo("atelier-registration-42@agenda.ludres.fr");
        assertThat(new CalendarInvitations(mail, "", "pas une adresse", clock).uid(SUBJECT))
                .as("the mail domain when the public address has no host").isEqualTo("atelier-registration-42@rdv.example.org");
    }
}
