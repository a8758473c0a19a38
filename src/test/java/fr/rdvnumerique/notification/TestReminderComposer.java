package fr.rdvnumerique.notification;

import fr.rdvnumerique.notification.internal.MailContent;
import fr.rdvnumerique.notification.internal.MailEvent;
import fr.rdvnumerique.notification.internal.MailRequest;
import fr.rdvnumerique.notification.internal.MessageKind;
import fr.rdvnumerique.notification.internal.Recipient;
import fr.rdvnumerique.notification.internal.ResidentNotice;
import fr.rdvnumerique.notification.internal.SubjectRef;
import fr.rdvnumerique.notification.jobs.ReminderComposer;
import fr.rdvnumerique.territory.TerritoryFixtures.TestTerritory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Stands for the atelier and appointment modules' reminder composers; counts what it is asked. */
public class TestReminderComposer implements ReminderComposer {

    private final TestTerritory territory;
    private final String domain;
    private final Map<Long, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Set<Long> nothingToRemind = ConcurrentHashMap.newKeySet();
    private final Set<Long> failing = ConcurrentHashMap.newKeySet();

    public TestReminderComposer(TestTerritory territory, String domain) {
        this.territory = territory;
        this.domain = domain;
    }

    @Override
    public boolean supports(String subjectType) {
        return TestLinkIssuer.SUBJECT_TYPE.equals(subjectType);
    }

    @Override
    public Optional<ResidentNotice> compose(long subjectId, Duration offset, Instant start) {
        calls.computeIfAbsent(subjectId, id -> new AtomicInteger()).incrementAndGet();
        if (failing.contains(subjectId)) {
            throw new IllegalStateException("Données introuvables");
        }
        if (nothingToRemind.contains(subjectId)) {
            return Optional.empty();
        }
        var event = new MailEvent("Atelier « Messagerie »", start, start.plus(Duration.ofHours(2)), territory.placeId());
        var content = new MailContent("Rappel : votre atelier approche", "C’est bientôt", List.of("Nous vous attendons."),
                event, List.of(), true);
        return Optional.of(ResidentNotice.mailOnly(MailRequest.of(MessageKind.REMINDER, territory.structureId(),
                SubjectRef.of(TestLinkIssuer.SUBJECT_TYPE, subjectId), 0,
                Recipient.of("rappel-" + subjectId + "@" + domain, null), content, null)));
    }

    public void failFor(long subjectId) {
        failing.add(subjectId);
    }

    public void nothingToRemindFor(long subjectId) {
        nothingToRemind.add(subjectId);
    }

    public int calls(long subjectId) {
        return calls.getOrDefault(subjectId, new AtomicInteger()).get();
    }
}
