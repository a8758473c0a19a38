package fr.rdvnumerique.appointment.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import fr.rdvnumerique.appointment.ActivityRecordService;
import fr.rdvnumerique.appointment.ActivityRecordSummary;
import fr.rdvnumerique.base.i18n.FrenchDates;
import fr.rdvnumerique.base.security.Role;
import fr.rdvnumerique.territory.AdvisorSummary;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Recorded activities (comptes rendus, CRA codes) and walk-in help without an appointment ("accompagnement
 * ponctuel"), recorded in the same quick form.
 */
@StyleSheet("styles/appointment.css")
@Route("staff/comptes-rendus")
@Menu(title = "appointment.records.menu", order = 20, icon = "CHART")
@RolesAllowed(Role.ADVISOR_NAME)
class ActivityRecordsView extends fr.rdvnumerique.base.ui.StaffGridPage<ActivityRecordSummary> {

    private final ActivityRecordService records;

    ActivityRecordsView(ActivityRecordService records) {
        super("appointment.records.title", "appointment.records.add");
        this.records = records;
        grid.addColumn(r -> FrenchDates.shortDay(r.date())).setHeader(getTranslation("appointment.record.date")).setAutoWidth(true);
        grid.addColumn(r -> getTranslation(r.walkIn() ? "appointment.records.walk-in" : "appointment.records.appointment"))
                .setHeader(getTranslation("appointment.records.kind")).setAutoWidth(true);
        grid.addColumn(ActivityRecordSummary::advisorName).setHeader(getTranslation("appointment.hours.advisor")).setAutoWidth(true);
        grid.addColumn(r -> r.location() == null || r.location() == fr.rdvnumerique.base.taxonomy.ActivityLocation.LIEU_ACTIVITE
                ? r.placeName() : getTranslation("appointment.records.where", r.placeName(), getTranslation(r.location().labelKey())))
                .setHeader(getTranslation("appointment.hours.place")).setAutoWidth(true);
        grid.addColumn(r -> getTranslation("appointment.records.minutes", r.durationMinutes()))
                .setHeader(getTranslation("appointment.record.duration")).setAutoWidth(true);
        grid.addColumn(r -> r.themes().stream().map(t -> getTranslation(t.labelKey())).sorted().collect(Collectors.joining(", ")))
                .setHeader(getTranslation("appointment.record.themes")).setFlexGrow(1);
        grid.addColumn(r -> r.autonomy() == null ? "" : getTranslation(r.autonomy().labelKey()))
                .setHeader(getTranslation("appointment.record.autonomy")).setAutoWidth(true);
        setItems(records::list);
    }

    @Override
    protected void onAdd() {
        List<AdvisorSummary> advisors = records.advisors();
        var advisor = new Select<AdvisorSummary>();
        advisor.setLabel(getTranslation("appointment.hours.advisor"));
        advisor.setId("walk-in-advisor");
        advisor.setItems(advisors);
        advisor.setItemLabelGenerator(a -> a == null ? "" : a.displayName());
        if (advisors.size() == 1) {
            advisor.setValue(advisors.getFirst());
        }
        var editor = ActivityRecordEditor.create(this, records.places(), records.communes(), advisor);
        editor.edit(getTranslation("appointment.records.add"), records.blankWalkIn(), form -> records.recordWalkIn(
                advisor.getValue() == null ? null : advisor.getValue().id(), form), this::refresh);
    }
}
