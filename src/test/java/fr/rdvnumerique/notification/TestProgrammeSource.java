package fr.rdvnumerique.notification;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Stands for the atelier module's public programme in test contexts: returns the sessions a test registered
 * for its own structure, nothing for the others.
 */
@Component
public class TestProgrammeSource implements PublicProgrammeSource {

    private final Map<Long, List<ProgrammeItem>> sessions = new ConcurrentHashMap<>();

    public void register(long structureId, List<ProgrammeItem> items) {
        sessions.put(structureId, List.copyOf(items));
    }

    @Override
    public List<ProgrammeItem> sessions(long structureId, Instant from, Instant to) {
        return sessions.getOrDefault(structureId, List.of()).stream()
                .filter(item -> !item.start().isBefore(from) && item.start().isBefore(to)).toList();
    }
}
