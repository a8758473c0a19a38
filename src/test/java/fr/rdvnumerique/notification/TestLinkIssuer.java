package fr.rdvnumerique.notification;

import fr.rdvnumerique.base.web.SecretTokens;
import fr.rdvnumerique.notification.mail.ManagementLinkIssuer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Stands for the atelier and appointment modules' link issuers: hands out tokens and remembers them. */
public class TestLinkIssuer implements ManagementLinkIssuer {

    public static final String SUBJECT_TYPE = "TEST_BOOKING";
    public static final String PATH = "/essai/gerer/";

    private final Map<Long, List<String>> tokens = new ConcurrentHashMap<>();

    @Override
    public boolean supports(String subjectType) {
        return SUBJECT_TYPE.equals(subjectType);
    }

    @Override
    public String issueToken(long subjectId) {
        String token = SecretTokens.generate();
        tokens.computeIfAbsent(subjectId, id -> new CopyOnWriteArrayList<>()).add(token);
        return token;
    }

    @Override
    public String path(String token) {
        return PATH + token;
    }

    public List<String> tokensOf(long subjectId) {
        return tokens.getOrDefault(subjectId, List.of());
    }
}
