package fr.rdvnumerique.reporting.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.base.i18n.FrenchDates;
import fr.rdvnumerique.base.security.Role;
import fr.rdvnumerique.base.time.ParisTime;
import fr.rdvnumerique.base.ui.Downloads;
import fr.rdvnumerique.base.ui.Pickers;
import fr.rdvnumerique.base.ui.UiMessages;
import fr.rdvnumerique.reporting.CoopExportService;
import fr.rdvnumerique.reporting.CoopExportService.Format;
import fr.rdvnumerique.territory.AdvisorSummary;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.function.Function;

/**
 * The period's activity records as files La Coop de la médiation numérique imports: choose the period (and, for a
 * coordinator, one advisor or all), prepare, download. The files are built when a link is clicked.
 */
@Route("staff/export-coop")
@Menu(title = "reporting.coop.menu", order = 26, icon = "UPLOAD")
@RolesAllowed(Role.ADVISOR_NAME)
class CoopExportView extends Div implements HasDynamicTitle {

    private final CoopExportService exports;
    private final DatePicker from = Pickers.datePicker("");
    private final DatePicker to = Pickers.datePicker("");
    private final Select<AdvisorSummary> advisor = new Select<>();
    private final Paragraph error = new Paragraph();
    private final Div downloads = new Div();

    CoopExportView(CoopExportService exports, Clock clock) {
        this.exports = exports;
        addClassName("staff-page");
        addClassName("report-page");

        // Declarations are due for the past year in its first months, then for the year under way.
        LocalDate today = LocalDate.now(clock.withZone(ParisTime.ZONE));
        int year = today.getMonthValue() <= 3 ? today.getYear() - 1 : today.getYear();
        from.setLabel(getTranslation("reporting.filter.from"));
        from.setId("coop-from");
        from.setValue(Year.of(year).atDay(1));
        to.setLabel(getTranslation("reporting.filter.to"));
        to.setId("coop-to");
        to.setValue(Year.of(year).atMonth(12).atEndOfMonth());

        List<AdvisorSummary> advisors = exports.advisors();
        advisor.setLabel(getTranslation("reporting.coop.filter.advisor"));
        advisor.setId("coop-advisor");
        advisor.setItems(advisors);
        advisor.setItemLabelGenerator(a -> a == null ? getTranslation("reporting.coop.filter.all") : a.displayName());
        if (advisors.size() == 1) {
            advisor.setValue(advisors.getFirst());
            advisor.setReadOnly(true);
        } else {
            advisor.setEmptySelectionAllowed(true);
            advisor.setEmptySelectionCaption(getTranslation("reporting.coop.filter.all"));
        }

        var prepare = new Button(getTranslation("reporting.coop.prepare"), e -> prepare());
        prepare.setId("coop-prepare");
        prepare.addThemeVariants(ButtonVariant.PRIMARY);
        var filters = new Div(from, to, advisor, prepare);
        filters.addClassName("report-filters");
        error.setId("coop-error");
        error.addClassName("report-error");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);
        downloads.setId("coop-downloads");
        downloads.addClassName("report-downloads");
        add(new H1(getTranslation("reporting.coop.title")), new Paragraph(getTranslation("reporting.coop.intro")),
                filters, error, downloads);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.page-title", getTranslation("reporting.coop.title"));
    }

    private void prepare() {
        downloads.removeAll();
        LocalDate start = from.getValue();
        LocalDate end = to.getValue();
        try {
            exports.checkPeriod(start, end);
        } catch (BusinessRuleException e) {
            error.setText(UiMessages.describe(this, e));
            error.setVisible(true);
            return;
        }
        error.setVisible(false);
        Long advisorId = advisor.getValue() == null ? null : advisor.getValue().id();
        String name = "coop-" + start + "-" + end + (advisorId == null ? "" : "-conseiller-" + advisorId);
        var ready = new Paragraph(getTranslation("reporting.coop.ready", FrenchDates.day(start), FrenchDates.day(end)));
        ready.setId("coop-ready");
        ready.getElement().setAttribute("role", "status");
        downloads.add(ready,
                link("coop-activities-csv", "reporting.coop.download.activities.csv", name + "-activites", Format.CSV,
                        f -> exports.activities(start, end, advisorId, f)),
                link("coop-activities-xlsx", "reporting.coop.download.activities.xlsx", name + "-activites", Format.XLSX,
                        f -> exports.activities(start, end, advisorId, f)),
                link("coop-beneficiaries-csv", "reporting.coop.download.beneficiaries.csv", name + "-beneficiaires",
                        Format.CSV, f -> exports.beneficiaries(start, end, advisorId, f)),
                link("coop-beneficiaries-xlsx", "reporting.coop.download.beneficiaries.xlsx", name + "-beneficiaires",
                        Format.XLSX, f -> exports.beneficiaries(start, end, advisorId, f)),
                new Paragraph(getTranslation("reporting.coop.personal-data")));
    }

    private Anchor link(String id, String textKey, String fileName, Format format,
                        Function<Format, byte[]> content) {
        var anchor = new Anchor(Downloads.of(() -> content.apply(format), fileName + "." + format.extension(),
                format.contentType()), getTranslation(textKey));
        anchor.setId(id);
        return anchor;
    }
}
