package fr.rdvnumerique.notification.mail;

import fr.rdvnumerique.base.i18n.FrenchDates;
import fr.rdvnumerique.notification.internal.CalendarMethod;
import fr.rdvnumerique.notification.internal.MailContent;
import fr.rdvnumerique.notification.internal.MailRequest;
import fr.rdvnumerique.territory.PlaceSummary;
import fr.rdvnumerique.territory.StructureSummary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Lays a {@link MailContent} out as plain text and HTML with Thymeleaf templates
 * ({@code templates/mail/message.txt|html}); every fixed text comes from {@code i18n/notification.properties}.
 * The HTML is one column of large text with inline styles (mail clients drop style sheets), no image at all
 * and so no tracking pixel.
 */
@Component
public class MailComposer {

    static final Locale LOCALE = Locale.FRENCH;

    private final TemplateEngine engine = new TemplateEngine();
    private final MessageSource messages;

    public MailComposer(MessageSource messages) {
        this.messages = messages;
        engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 1));
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 2));
        engine.setMessageResolver(new SpringMessageResolver(messages));
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
        var resolver = new ClassLoaderTemplateResolver(MailComposer.class.getClassLoader());
        resolver.setPrefix("templates/mail/");
        resolver.setTemplateMode(mode);
        resolver.setResolvablePatterns(java.util.Set.of(pattern));
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        resolver.setCheckExistence(true);
        resolver.setOrder(order);
        return resolver;
    }

    /** A mail ready to store: the management link is still {@link ManagementLinkIssuer#PLACEHOLDER}. */
    public record Rendered(String subject, String text, String html) {
    }

    /** What the templates show about the activity. */
    public record EventView(String what, String when, String placeName, String address, String access,
                            String transport, String parking, String notes) {
    }

    /**
     * How to reach the service.
     *
     * @param named the name with its article (« le Conseiller numérique de Ludres »)
     * @param toNamed the name after « à » (« au Conseiller numérique de Ludres »)
     */
    public record ContactView(String name, String named, String toNamed, String phone, String phoneUri, String email) {
    }

    /** What the private link lets the person do, said in the mail's « manage » block. */
    public record LinkView(String title, String text, String button) {
    }

    /**
     * @param place the place of {@code request.content().event()}, or null without event
     */
    public Rendered render(MailRequest request, StructureSummary structure, PlaceSummary place) {
        MailContent content = request.content();
        var variables = new HashMap<String, Object>();
        variables.put("subject", content.subject());
        variables.put("heading", content.heading());
        variables.put("greeting", request.recipient().name() == null ? message("notification.mail.greeting")
                : message("notification.mail.greeting.named", request.recipient().name()));
        variables.put("paragraphs", content.paragraphs());
        variables.put("event", content.event() == null ? null : eventView(content, place));
        variables.put("toBring", content.toBring());
        variables.put("link", content.managementLink() ? ManagementLinkIssuer.PLACEHOLDER : null);
        variables.put("presence", content.presenceLink() ? ManagementLinkIssuer.PRESENCE_PLACEHOLDER : null);
        variables.put("linkView", linkView(request));
        variables.put("invitation", request.invitation());
        variables.put("cancelled", request.invitation() == CalendarMethod.CANCEL);
        variables.put("contact", contact(structure));
        return new Rendered(content.subject(), tidyText(process("message.txt", variables)), process("message.html", variables));
    }

    /** "Médiathèque, 1 rue de la Paix, 54710 Ludres". */
    public static String location(PlaceSummary place) {
        return place.name() + ", " + place.fullAddress();
    }

    public String accessSentence(PlaceSummary place) {
        return message("territory.portal.access." + place.stepFreeAccess().name());
    }

    /**
     * An atelier registration's link shows it and cancels it; an appointment's also moves it: the mail offers only
     * what the page does.
     */
    private LinkView linkView(MailRequest request) {
        String prefix = request.subject().type().startsWith("ATELIER") ? "notification.mail.manage.atelier."
                : "notification.mail.manage.";
        return new LinkView(message(prefix + "title"), message(prefix + "text"), message(prefix + "button"));
    }

    public static ContactView contact(StructureSummary structure) {
        return new ContactView(structure.name(), structure.named().withArticle(), structure.named().after("à"),
                structure.phone() == null ? null : structure.phone().display(),
                structure.phone() == null ? null : "tel:" + structure.phone().e164(), structure.email());
    }

    private EventView eventView(MailContent content, PlaceSummary place) {
        var event = content.event();
        return new EventView(event.what(), FrenchDates.dayAndTimeRange(event.start(), event.end()), place.name(),
                place.fullAddress(), accessSentence(place), place.transport(), place.parking(), place.publicNotes());
    }

    private String process(String template, Map<String, Object> variables) {
        return engine.process(template, new Context(LOCALE, variables));
    }

    public String message(String key, Object... args) {
        return messages.getMessage(key, args, LOCALE);
    }

    /** Templates leave blank lines where optional parts were left out: at most one blank line in a row. */
    static String tidyText(String text) {
        var lines = new ArrayList<String>();
        for (String line : text.split("\n", -1)) {
            // "-- " (with its space) is the signature separator mail clients know.
            String trimmed = line.equals("-- ") ? line : line.stripTrailing();
            if (trimmed.isEmpty() && (lines.isEmpty() || lines.getLast().isEmpty())) {
                continue;
            }
            lines.add(trimmed);
        }
        while (!lines.isEmpty() && lines.getLast().isEmpty()) {
            lines.removeLast();
        }
        return String.join("\n", lines) + "\n";
    }
}
