package fr.rdvnumerique.notification.domain;

import fr.rdvnumerique.base.web.SecretTokens;

/**
 * Deterministic Message-IDs: the same message (same deduplication key) always carries the same id, so a
 * mail client or server that sees it twice (a crash between sending and recording) can drop the copy.
 */
public final class MessageIds {

    private MessageIds() {
    }

    public static String of(String dedupKey, String domain) {
        return "<" + SecretTokens.hash(dedupKey).substring(0, 40) + "@" + domain + ">";
    }
}
