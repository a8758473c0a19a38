package fr.rdvnumerique.appointment.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import fr.rdvnumerique.base.ui.UiMessages;
import java.util.function.Consumer;

/** "Modifier" and "Supprimer" per row, for lists whose rows are deleted rather than deactivated. */
final class RowActions {

    private RowActions() {
    }

    static <R> void add(Grid<R> grid, Consumer<R> edit, Consumer<R> delete, Runnable refresh) {
        grid.addComponentColumn(row -> {
            var actions = new Div();
            actions.addClassName("row-actions");
            if (edit != null) {
                var editButton = new Button(grid.getTranslation("action.edit"), e -> edit.accept(row));
                editButton.addThemeVariants(ButtonVariant.SMALL);
                actions.add(editButton);
            }
            var deleteButton = new Button(grid.getTranslation("appointment.action.delete"), e -> {
                try {
                    delete.accept(row);
                    refresh.run();
                } catch (RuntimeException ex) {
                    UiMessages.error(grid, ex);
                }
            });
            deleteButton.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY, ButtonVariant.ERROR);
            actions.add(deleteButton);
            return actions;
        }).setHeader(grid.getTranslation("column.actions")).setAutoWidth(true).setFlexGrow(0);
    }
}
