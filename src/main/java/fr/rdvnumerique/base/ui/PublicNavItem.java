package fr.rdvnumerique.base.ui;

import com.vaadin.flow.component.Component;

/**
 * An entry of the public portal's menu, contributed by a module as a Spring bean, so the public layout
 * lists "Ateliers" or "Rendez-vous" without knowing those modules. The view's route takes the structure's
 * {@code slug} as its only parameter.
 *
 * @param labelKey i18n key of the label
 * @param view     the view to open, whose route template is {@code territoire/:slug/...}
 * @param order    position in the menu
 */
public record PublicNavItem(String labelKey, Class<? extends Component> view, int order) {
}
