package fr.rdvnumerique.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import fr.rdvnumerique.base.db.Constraints;
import fr.rdvnumerique.base.domain.BusinessRuleException;
import org.springframework.security.access.AccessDeniedException;

/** Says things to the user in their language: domain refusals, successes, and unexpected failures. */
public final class UiMessages {

    private static final int DURATION_MS = 6000;
    /** Optional bundle keys: {@code constraint.<constraint name>} gives the sentence for a refused save. */
    public static final String CONSTRAINT_KEYS = "constraint.";

    private UiMessages() {
    }

    /** The sentence to show for an error, never a technical message. */
    public static String describe(Component context, Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof BusinessRuleException rule) {
                return context.getTranslation(rule.messageKey(), rule.arguments());
            }
            if (cause instanceof AccessDeniedException) {
                return context.getTranslation("error.access-denied");
            }
            if (cause instanceof org.springframework.dao.OptimisticLockingFailureException) {
                return context.getTranslation("error.concurrent-change");
            }
        }
        // A rule checked by the service, broken by someone saving at the same moment: the database's constraint
        // refused it, and its name says which sentence fits ("constraint.uk_commune_insee" in the bundles).
        var constraint = Constraints.violated(error);
        if (constraint.isPresent()) {
            String key = CONSTRAINT_KEYS + constraint.get();
            String text = context.getTranslation(key);
            if (!text.equals("!" + key)) {
                return text;
            }
        }
        return context.getTranslation("error.unexpected");
    }

    public static void success(Component context, String key, Object... args) {
        show(context.getTranslation(key, args), NotificationVariant.SUCCESS);
    }

    public static void error(Component context, Throwable error) {
        show(describe(context, error), NotificationVariant.ERROR);
    }

    public static void error(Component context, String key, Object... args) {
        show(context.getTranslation(key, args), NotificationVariant.ERROR);
    }

    private static void show(String text, NotificationVariant variant) {
        var notification = new Notification(text, DURATION_MS, Notification.Position.TOP_CENTER);
        notification.addThemeVariants(variant);
        // Read out by screen readers without moving the focus.
        notification.getElement().setAttribute("role", variant == NotificationVariant.ERROR ? "alert" : "status");
        notification.open();
    }
}
