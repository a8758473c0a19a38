package fr.rdvnumerique.base.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import fr.rdvnumerique.base.audit.AuditActor;
import fr.rdvnumerique.base.audit.AuditEntry;
import fr.rdvnumerique.base.audit.AuditFilter;
import fr.rdvnumerique.base.audit.AuditKind;
import fr.rdvnumerique.base.audit.AuditProperties;
import fr.rdvnumerique.base.audit.AuditTrail;
import fr.rdvnumerique.base.i18n.FrenchDates;
import fr.rdvnumerique.base.security.Role;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * « Journal des actions »: who did what, when, newest first, lazily paged and filtered in the query by staff
 * member, period, kind and record number. Coordinators read their structure's journal, administrators everyone's.
 */
@Route("staff/journal")
@Menu(title = "audit.menu", order = 92, icon = "RECORDS")
@RolesAllowed({Role.COORDINATOR_NAME, Role.ADMIN_NAME})
public class AuditTrailView extends StaffGridPage<AuditEntry> {

    final ComboBox<AuditActor> actor = new ComboBox<>();
    final Select<Optional<AuditKind>> kind = new Select<>();
    final DatePicker from = Pickers.datePicker(getTranslation("audit.filter.from"));
    final DatePicker to = Pickers.datePicker(getTranslation("audit.filter.to"));
    final IntegerField record = new IntegerField(getTranslation("audit.filter.record"));

    AuditTrailView(AuditTrail trail, AuditProperties properties) {
        super("audit.title");
        addClassName("audit-page");

        actor.setLabel(getTranslation("audit.filter.actor"));
        actor.setPlaceholder(getTranslation("audit.filter.actor.all"));
        actor.setId("audit-actor");
        actor.setClearButtonVisible(true);
        actor.setItems(trail.actors());
        actor.setItemLabelGenerator(AuditActor::name);

        kind.setLabel(getTranslation("audit.filter.kind"));
        kind.setId("audit-kind");
        var kinds = new ArrayList<Optional<AuditKind>>();
        kinds.add(Optional.empty());
        List.of(AuditKind.values()).forEach(k -> kinds.add(Optional.of(k)));
        kind.setItems(kinds);
        kind.setItemLabelGenerator(k -> k.map(value -> getTranslation(value.labelKey()))
                .orElseGet(() -> getTranslation("audit.filter.kind.all")));
        kind.setValue(Optional.empty());

        from.setId("audit-from");
        to.setId("audit-to");
        record.setId("audit-record");
        record.setHelperText(getTranslation("audit.filter.record.help"));
        record.setMin(1);
        record.setClearButtonVisible(true);

        actor.addValueChangeListener(e -> refresh());
        kind.addValueChangeListener(e -> refresh());
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        record.addValueChangeListener(e -> refresh());

        var filters = new Div(actor, kind, from, to, record);
        filters.addClassName("audit-filters");
        var intro = new Paragraph(getTranslation("audit.intro", properties.retentionMonths()));
        addComponentAtIndex(1, intro);
        addComponentAtIndex(2, filters);

        grid.setId("audit-grid");
        grid.addColumn(entry -> FrenchDates.dayAndTime(entry.occurredAt())).setHeader(getTranslation("audit.column.when"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(entry -> entry.actor().isSystem() ? getTranslation("audit.actor.system") : entry.actor().name())
                .setHeader(getTranslation("audit.column.who")).setAutoWidth(true);
        grid.addColumn(entry -> getTranslation(entry.kind().labelKey())).setHeader(getTranslation("audit.column.what"))
                .setAutoWidth(true);
        grid.addColumn(entry -> entry.recordId() == null ? getTranslation(entry.kind().recordType().labelKey())
                        : getTranslation("audit.record.label", getTranslation(entry.kind().recordType().labelKey()),
                        String.valueOf(entry.recordId())))
                .setHeader(getTranslation("audit.column.record")).setAutoWidth(true);
        grid.addColumn(entry -> entry.changes() == null ? "" : entry.changes())
                .setHeader(getTranslation("audit.column.changes")).setFlexGrow(2);
        setItems(pageable -> trail.list(filter(), pageable));
    }

    AuditFilter filter() {
        return new AuditFilter(actor.getValue() == null ? null : actor.getValue().accountId(), from.getValue(),
                to.getValue(), kind.getValue().orElse(null),
                record.getValue() == null ? null : record.getValue().longValue(), null);
    }
}
