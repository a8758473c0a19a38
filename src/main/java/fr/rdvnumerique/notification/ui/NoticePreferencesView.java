package fr.rdvnumerique.notification.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import fr.rdvnumerique.base.i18n.FrenchDates;
import fr.rdvnumerique.base.ui.UiMessages;
import fr.rdvnumerique.notification.internal.CalendarFeeds;
import fr.rdvnumerique.notification.internal.NoticeMode;
import fr.rdvnumerique.notification.internal.StaffNoticePreferences;
import jakarta.annotation.security.PermitAll;

/**
 * Every staff member: what they hear about their agenda (every event, a morning digest, nothing), and, for
 * advisors, the private address of their agenda for their own calendar application.
 */
@Route("staff/mes-notifications")
@Menu(title = "notification.preferences.menu", order = 95, icon = "BELL")
@PermitAll
@StyleSheet("styles/notification.css")
class NoticePreferencesView extends Div implements HasDynamicTitle {

    private final StaffNoticePreferences preferences;
    private final CalendarFeeds feeds;
    final RadioButtonGroup<NoticeMode> mode = new RadioButtonGroup<>();
    final Div feedPanel = new Div();

    NoticePreferencesView(StaffNoticePreferences preferences, CalendarFeeds feeds) {
        this.preferences = preferences;
        this.feeds = feeds;
        addClassNames("staff-page", "notification-preferences");

        mode.setLabel(getTranslation("notification.preferences.question"));
        mode.setId("notice-mode");
        mode.setItems(NoticeMode.values());
        mode.setItemLabelGenerator(m -> getTranslation(m.labelKey()));
        mode.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        mode.setValue(preferences.mine());
        var save = new Button(getTranslation("action.save"), e -> save());
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.setId("notice-mode-save");
        var saveRow = new Div(save);
        saveRow.addClassName("notification-actions");
        var notices = new Div(new H2(getTranslation("notification.preferences.notices")),
                new Paragraph(getTranslation("notification.preferences.notices.intro")), mode, saveRow);
        notices.addClassName("notification-panel");

        add(new H1(getTranslation("notification.preferences.title")), notices);
        if (feeds.canHaveFeed()) {
            feedPanel.addClassName("notification-panel");
            feedPanel.setId("feed-panel");
            showFeed(null);
            add(feedPanel);
        }
    }

    private void save() {
        try {
            preferences.chooseMine(mode.getValue());
            UiMessages.success(this, "notification.preferences.saved");
        } catch (RuntimeException e) {
            UiMessages.error(this, e);
        }
    }

    /** @param newAddress the address just made (shown this once), or null */
    private void showFeed(String newAddress) {
        feedPanel.removeAll();
        feedPanel.add(new H2(getTranslation("notification.feed.title")),
                new Paragraph(getTranslation("notification.feed.intro")));
        var since = feeds.myFeedSince();
        if (newAddress != null) {
            var address = new TextField(getTranslation("notification.feed.address"));
            address.setValue(newAddress);
            address.setReadOnly(true);
            address.setWidthFull();
            address.setId("feed-address");
            address.setHelperText(getTranslation("notification.feed.address.help"));
            feedPanel.add(address);
        } else if (since.isPresent()) {
            feedPanel.add(new Paragraph(getTranslation("notification.feed.active", FrenchDates.dayAndTime(since.get()))));
        } else {
            feedPanel.add(new Paragraph(getTranslation("notification.feed.none")));
        }
        var create = new Button(getTranslation(since.isPresent() ? "notification.feed.renew" : "notification.feed.create"), e -> {
            try {
                showFeed(feeds.createMyFeed());
            } catch (RuntimeException ex) {
                UiMessages.error(this, ex);
            }
        });
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.setId("feed-create");
        var actions = new Div(create);
        actions.addClassName("notification-actions");
        if (since.isPresent()) {
            var revoke = new Button(getTranslation("notification.feed.revoke"), e -> {
                try {
                    feeds.revokeMyFeed();
                    UiMessages.success(this, "notification.feed.revoked");
                    showFeed(null);
                } catch (RuntimeException ex) {
                    UiMessages.error(this, ex);
                }
            });
            revoke.addThemeVariants(ButtonVariant.ERROR);
            revoke.setId("feed-revoke");
            actions.add(revoke);
        }
        feedPanel.add(actions);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.page-title", getTranslation("notification.preferences.title"));
    }
}
