package fr.rdvnumerique.base.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.HasDynamicTitle;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;

/**
 * The common shape of a back-office list: a title, an "add" button, a lazy grid paged by the service, and
 * per row "Modifier" and "Désactiver/Réactiver".
 */
public abstract class StaffGridPage<R> extends Div implements HasDynamicTitle {

    protected final Grid<R> grid = new Grid<>();
    private final String titleKey;

    protected StaffGridPage(String titleKey, String addKey) {
        this.titleKey = titleKey;
        addClassName("staff-page");
        var add = new Button(getTranslation(addKey), VaadinIcon.PLUS.create(), e -> onAdd());
        add.addThemeVariants(ButtonVariant.PRIMARY);
        add.setId("grid-add");
        var header = new Div(new H1(getTranslation(titleKey)), add);
        header.addClassName("staff-page-header");
        grid.addThemeVariants(GridVariant.ROW_STRIPES);
        grid.setAllRowsVisible(false);
        grid.addClassName("staff-grid");
        add(header, grid);
    }

    /** A read-only list (no "add" button): the header holds the title and the given components (filters). */
    protected StaffGridPage(String titleKey, com.vaadin.flow.component.Component... headerParts) {
        this.titleKey = titleKey;
        addClassName("staff-page");
        var header = new Div(new H1(getTranslation(titleKey)));
        header.add(headerParts);
        header.addClassName("staff-page-header");
        grid.addThemeVariants(GridVariant.ROW_STRIPES);
        grid.setAllRowsVisible(false);
        grid.addClassName("staff-grid");
        add(header, grid);
    }

    /** Opens the form for a new record (lists built with an "add" button). */
    protected void onAdd() {
    }

    /** Rows come page by page from the service, which scopes them to the signed-in person's structure. */
    protected void setItems(Function<Pageable, Slice<R>> fetch) {
        grid.setItemsPageable(pageable -> fetch.apply(pageable).getContent());
    }

    protected void refresh() {
        grid.getDataProvider().refreshAll();
    }

    protected void addStatusAndActions(Predicate<R> isActive, Consumer<R> edit, BiConsumer<R, Boolean> setActive) {
        grid.addComponentColumn(row -> {
            var status = new Span(getTranslation(isActive.test(row) ? "status.active" : "status.inactive"));
            status.addClassName(isActive.test(row) ? "badge-ok" : "badge-off");
            return status;
        }).setHeader(getTranslation("column.status")).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(row -> {
            var editButton = new Button(getTranslation("action.edit"), e -> edit.accept(row));
            editButton.addThemeVariants(ButtonVariant.SMALL);
            boolean active = isActive.test(row);
            var toggle = new Button(getTranslation(active ? "action.deactivate" : "action.reactivate"), e -> {
                try {
                    setActive.accept(row, !active);
                    refresh();
                } catch (RuntimeException ex) {
                    UiMessages.error(this, ex);
                }
            });
            toggle.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
            var actions = new Div(editButton, toggle);
            actions.addClassName("row-actions");
            return actions;
        }).setHeader(getTranslation("column.actions")).setAutoWidth(true).setFlexGrow(0);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.page-title", getTranslation(titleKey));
    }
}
