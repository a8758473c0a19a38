package fr.rdvnumerique.notification.mail;

import fr.rdvnumerique.base.web.PublicUrls;
import fr.rdvnumerique.notification.domain.IcsText;
import fr.rdvnumerique.notification.domain.OutboxRepository.StoredMessage;
import fr.rdvnumerique.notification.domain.StaffNote;
import fr.rdvnumerique.notification.domain.StaffNote.Code;
import fr.rdvnumerique.notification.internal.OutgoingMessage;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Puts the private management link into a stored message just before it leaves: a fresh token from the
 * subject's {@link ManagementLinkIssuer}, so the outbox never holds a working link.
 */
@Component
public class ManagementLinks {

    private final List<ManagementLinkIssuer> issuers;
    private final PublicUrls urls;

    public ManagementLinks(List<ManagementLinkIssuer> issuers, PublicUrls urls) {
        this.issuers = List.copyOf(issuers);
        this.urls = urls;
    }

    /** The link could not be made: the message cannot leave now (or ever, when {@code permanent}). */
    public static final class LinkUnavailable extends Exception {

        private final transient StaffNote note;
        private final boolean permanent;

        LinkUnavailable(StaffNote note, boolean permanent) {
            super(note.code().name());
            this.note = note;
            this.permanent = permanent;
        }

        /** Why, for the outbox screen. */
        public StaffNote note() {
            return note;
        }

        public boolean permanent() {
            return permanent;
        }
    }

    public OutgoingMessage prepare(StoredMessage m) throws LinkUnavailable {
        String text = m.text();
        String html = m.html();
        String ics = m.ics();
        if (needsLink(m)) {
            Links links = links(m);
            String link = links.management();
            text = text.replace(ManagementLinkIssuer.PRESENCE_PLACEHOLDER, links.presence())
                    .replace(ManagementLinkIssuer.PLACEHOLDER, link);
            html = html.replace(ManagementLinkIssuer.PRESENCE_PLACEHOLDER, HtmlUtils.htmlEscape(links.presence()))
                    .replace(ManagementLinkIssuer.PLACEHOLDER, HtmlUtils.htmlEscape(link));
            if (ics != null) {
                // Replaced in unfolded lines, then folded again: the link changes the line lengths.
                ics = IcsText.fold(IcsText.unfold(ics)
                        .replace(ManagementLinkIssuer.URL_PLACEHOLDER, link)
                        .replace(ManagementLinkIssuer.PLACEHOLDER, IcsText.escapeText(link)));
            }
        }
        return new OutgoingMessage(m.id(), m.messageId(), m.recipient(), m.recipientName(), m.replyTo(), m.subjectLine(),
                text, html, ics, m.icsMethod());
    }

    static boolean needsLink(StoredMessage m) {
        return m.text().contains(ManagementLinkIssuer.PLACEHOLDER) || m.html().contains(ManagementLinkIssuer.PLACEHOLDER)
                || m.text().contains(ManagementLinkIssuer.PRESENCE_PLACEHOLDER)
                || m.html().contains(ManagementLinkIssuer.PRESENCE_PLACEHOLDER)
                || (m.ics() != null && (m.ics().contains(ManagementLinkIssuer.URL_PLACEHOLDER)
                || IcsText.unfold(m.ics()).contains(ManagementLinkIssuer.PLACEHOLDER)));
    }

    /** The management page and the presence page of one token. */
    private record Links(String management, String presence) {
    }

    private Links links(StoredMessage m) throws LinkUnavailable {
        String type = m.subject().type();
        var issuer = issuers.stream().filter(i -> i.supports(type)).findFirst()
                .orElseThrow(() -> new LinkUnavailable(StaffNote.of(Code.LINK_NO_ISSUER, type), true));
        String token;
        try {
            token = issuer.issueToken(m.subject().id());
        } catch (RuntimeException e) {
            throw new LinkUnavailable(StaffNote.of(Code.LINK_UNAVAILABLE, String.valueOf(e.getMessage())), false);
        }
        String link = urls.of(issuer.path(token));
        String presence = urls.of(issuer.presencePath(token));
        if (!link.matches("https?://[^\\s\"<>]+") || !presence.matches("https?://[^\\s\"<>]+")) {
            throw new LinkUnavailable(StaffNote.of(Code.LINK_INVALID, type), true);
        }
        return new Links(link, presence);
    }
}
