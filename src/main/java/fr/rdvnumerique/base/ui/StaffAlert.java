package fr.rdvnumerique.base.ui;

import com.vaadin.flow.component.Component;
import java.util.List;
import java.util.Optional;

/**
 * A warning at the top of the staff home screen, contributed by a module as a Spring bean, so that the home screen
 * shows, say, « Des messages n’ont pas pu partir » without knowing the notification module. Asked each time the
 * home screen opens, for the person signed in.
 */
public interface StaffAlert {

    /** What to tell the signed-in person now; empty when all is well or when it is none of their business. */
    Optional<Notice> current();

    /**
     * @param messageKey i18n key of the sentence
     * @param arguments  its arguments
     * @param linkKey    i18n key of the link to the screen that says more, or null
     * @param view       that screen, or null when no screen says more
     */
    record Notice(String messageKey, List<Object> arguments, String linkKey, Class<? extends Component> view) {

        public Notice {
            arguments = List.copyOf(arguments);
        }
    }
}
