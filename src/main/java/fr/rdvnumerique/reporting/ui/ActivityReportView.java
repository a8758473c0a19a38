package fr.rdvnumerique.reporting.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCaption;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeader;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.base.domain.Versioned;
import fr.rdvnumerique.base.security.Role;
import fr.rdvnumerique.base.ui.Downloads;
import fr.rdvnumerique.base.ui.Pickers;
import fr.rdvnumerique.base.ui.UiMessages;
import fr.rdvnumerique.base.time.ParisTime;
import fr.rdvnumerique.reporting.ActivityReport;
import fr.rdvnumerique.reporting.ActivityReportService;
import fr.rdvnumerique.reporting.ReportLayout;
import fr.rdvnumerique.reporting.ReportSection;
import fr.rdvnumerique.territory.CommuneSummary;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;

/**
 * The activity report on screen: choose a period (a calendar year or any dates) and a commune, read the figures
 * section by section, download the PDF for the council or the CSV, and write the objectives for next year.
 */
@StyleSheet("styles/reporting.css")
@Route("staff/rapport")
@Menu(title = "reporting.menu", order = 25, icon = "BAR_CHART")
@RolesAllowed(Role.COORDINATOR_NAME)
class ActivityReportView extends Div implements HasDynamicTitle {

    /** The years offered as presets: this one and the previous ones. */
    static final int PRESET_YEARS = 4;

    private final ActivityReportService reports;
    private final Select<Integer> year = new Select<>();
    private final DatePicker from = Pickers.datePicker("");
    private final DatePicker to = Pickers.datePicker("");
    private final Select<CommuneSummary> commune = new Select<>();
    private final Div downloads = new Div();
    private final Div content = new Div();
    private final Paragraph error = new Paragraph();
    private final ProgressBar progress = new ProgressBar();

    ActivityReportView(ActivityReportService reports, Clock clock) {
        this.reports = reports;
        addClassName("staff-page");
        addClassName("report-page");

        int current = LocalDate.now(clock.withZone(ParisTime.ZONE)).getYear();
        var years = new ArrayList<Integer>();
        for (int i = 0; i < PRESET_YEARS; i++) {
            years.add(current - i);
        }
        year.setLabel(getTranslation("reporting.filter.year"));
        year.setId("report-year");
        year.setItems(years);
        year.setItemLabelGenerator(y -> y == null ? getTranslation("reporting.filter.custom")
                : getTranslation("reporting.filter.year.item", Integer.toString(y)));
        year.setEmptySelectionAllowed(true);
        year.setEmptySelectionCaption(getTranslation("reporting.filter.custom"));
        from.setLabel(getTranslation("reporting.filter.from"));
        from.setId("report-from");
        to.setLabel(getTranslation("reporting.filter.to"));
        to.setId("report-to");
        commune.setLabel(getTranslation("reporting.filter.commune"));
        commune.setId("report-commune");
        commune.setItems(reports.communes());
        commune.setItemLabelGenerator(c -> c == null ? getTranslation("reporting.filter.all") : c.name());
        commune.setEmptySelectionAllowed(true);
        commune.setEmptySelectionCaption(getTranslation("reporting.filter.all"));

        year.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                from.setValue(Year.of(e.getValue()).atDay(1));
                to.setValue(Year.of(e.getValue()).atMonth(12).atEndOfMonth());
            }
        });
        var show = new Button(getTranslation("reporting.filter.show"), e -> refresh());
        show.setId("report-show");
        show.addThemeVariants(ButtonVariant.PRIMARY);
        var filters = new Div(year, from, to, commune, show);
        filters.addClassName("report-filters");
        downloads.addClassName("report-downloads");
        error.addClassName("report-error");
        error.setId("report-error");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);
        content.addClassName("report-content");
        content.setId("report-content");
        // Shown by the browser as soon as « Afficher » is pressed, hidden by the answer that brings the report.
        progress.setIndeterminate(true);
        progress.setId("report-progress");
        progress.getElement().setAttribute("aria-label", getTranslation("reporting.progress"));
        progress.getElement().setAttribute("hidden", true);
        show.getElement().executeJs("""
                const bar = $0;
                this.addEventListener('click', () => { bar.hidden = false; });""", progress.getElement());
        add(new H1(getTranslation("reporting.title")), filters, progress, error, downloads, content);

        // Councils receive last year's report in the first months of a year; later on, the year under way is asked.
        int shown = LocalDate.now(clock.withZone(ParisTime.ZONE)).getMonthValue() <= 3 ? current - 1 : current;
        year.setValue(shown);
        from.setValue(Year.of(shown).atDay(1));
        to.setValue(Year.of(shown).atMonth(12).atEndOfMonth());
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.page-title", getTranslation("reporting.title"));
    }

    private void refresh() {
        LocalDate start = from.getValue();
        LocalDate end = to.getValue();
        Long communeId = commune.getValue() == null ? null : commune.getValue().id();
        if (year.getValue() != null && (start == null || end == null
                || !start.equals(Year.of(year.getValue()).atDay(1)) || !end.equals(Year.of(year.getValue()).atMonth(12).atEndOfMonth()))) {
            year.clear();
        }
        ActivityReport report;
        try {
            report = reports.report(start, end, communeId);
        } catch (BusinessRuleException e) {
            error.setText(UiMessages.describe(this, e));
            error.setVisible(true);
            content.removeAll();
            downloads.removeAll();
            hideProgress();
            return;
        }
        error.setVisible(false);
        showDownloads(start, end, communeId);
        render(report);
        hideProgress();
    }

    private void hideProgress() {
        progress.getElement().executeJs("this.hidden = true");
    }

    private void showDownloads(LocalDate start, LocalDate end, Long communeId) {
        downloads.removeAll();
        String name = "rapport-activite-" + start + "-" + end + (communeId == null ? "" : "-" + communeId);
        var pdf = new Anchor(Downloads.of(() -> reports.pdf(start, end, communeId), name + ".pdf", "application/pdf"),
                getTranslation("reporting.download.pdf"));
        pdf.setId("report-pdf");
        var csv = new Anchor(Downloads.of(() -> reports.csv(start, end, communeId), name + ".csv", "text/csv;charset=UTF-8"),
                getTranslation("reporting.download.csv"));
        csv.setId("report-csv");
        downloads.add(pdf, csv);
    }

    private void render(ActivityReport report) {
        content.removeAll();
        var layout = new ReportLayout(this::getTranslation);
        var subtitle = new Paragraph(layout.subtitle(report));
        subtitle.addClassName("report-subtitle");
        content.add(subtitle);
        int number = 0;
        for (ReportSection section : layout.sections(report)) {
            number++;
            var block = new Section(new H2(number + ". " + section.title()));
            block.addClassName("report-section");
            block.setId("report-section-" + number);
            if (section.tables().isEmpty() && section.text() != null) {
                block.add(objectivesEditor(report.objectivesYear()));
            } else if (section.text() != null) {
                var note = new Paragraph(section.text());
                note.addClassName("report-note");
                block.add(note);
            }
            for (ReportSection.Chart chart : section.charts()) {
                block.add(chart(chart));
            }
            for (ReportSection.Table table : section.tables()) {
                block.add(table(table));
            }
            content.add(block);
        }
    }

    /**
     * A chart drawn on the server as inline SVG ({@code role="img"}, named by its title and where its values are),
     * with a sentence under it saying which table holds its values.
     */
    private Div chart(ReportSection.Chart chart) {
        var figure = new Div();
        figure.addClassName("report-chart");
        figure.setId("report-chart-" + chart.id());
        var title = new Paragraph(chart.title());
        title.addClassName("report-chart-title");
        var drawing = new Html("<div class=\"report-chart-drawing\">" + reports.svg(chart) + "</div>");
        var text = new Paragraph(chart.description());
        text.addClassName("report-chart-text");
        figure.add(title, drawing, text);
        return figure;
    }

    /** An accessible table; the bars only repeat the numbers, so they are hidden from screen readers. */
    private NativeTable table(ReportSection.Table table) {
        var html = new NativeTable();
        html.addClassName("report-table");
        var caption = new NativeTableCaption();
        caption.setText(table.caption());
        html.add(caption);
        boolean bars = table.maxWeight() > 0;
        var header = new NativeTableRow();
        for (String h : table.headers()) {
            var cell = new NativeTableHeaderCell(h);
            cell.getElement().setAttribute("scope", "col");
            header.add(cell);
        }
        if (bars) {
            var cell = new NativeTableHeaderCell(new Span(getTranslation("reporting.col.bar")));
            cell.addClassName("report-bar-header");
            header.add(cell);
        }
        var head = new NativeTableHeader();
        head.add(header);
        var body = new NativeTableBody();
        if (table.rows().isEmpty()) {
            var row = new NativeTableRow();
            var cell = new NativeTableCell(getTranslation("reporting.empty"));
            cell.getElement().setAttribute("colspan", Integer.toString(table.headers().size() + (bars ? 1 : 0)));
            row.add(cell);
            body.add(row);
        }
        for (ReportSection.Row r : table.rows()) {
            var row = new NativeTableRow();
            List<String> cells = r.cells();
            for (int i = 0; i < cells.size(); i++) {
                if (i == 0) {
                    var th = new NativeTableHeaderCell(cells.get(i));
                    th.getElement().setAttribute("scope", "row");
                    row.add(th);
                } else {
                    var td = new NativeTableCell(cells.get(i));
                    td.addClassName("report-number");
                    row.add(td);
                }
            }
            if (bars) {
                var bar = new Div();
                bar.addClassName("report-bar");
                // The one style computed from data: the bar's length.
                bar.getElement().getStyle().set("width", (100.0 * r.weight() / table.maxWeight()) + "%");
                var cell = new NativeTableCell(bar);
                cell.addClassName("report-bar-cell");
                cell.getElement().setAttribute("aria-hidden", "true");
                row.add(cell);
            }
            body.add(row);
        }
        html.add(head, body);
        return html;
    }

    private Div objectivesEditor(int reportYear) {
        Versioned<String> current = reports.objectives(reportYear);
        long[] version = {current.version()};
        var text = new TextArea(getTranslation("reporting.objectives.label", Integer.toString(reportYear + 1)));
        text.setId("report-objectives");
        text.setValue(current.value());
        text.setMaxLength(ActivityReportService.OBJECTIVES_MAX_LENGTH);
        text.setHelperText(getTranslation("reporting.objectives.help"));
        text.setWidthFull();
        var save = new Button(getTranslation("reporting.objectives.save"), e -> {
            try {
                reports.saveObjectives(reportYear, version[0], text.getValue());
                version[0] = reports.objectives(reportYear).version();
                text.setInvalid(false);
                UiMessages.success(this, "reporting.objectives.saved");
            } catch (BusinessRuleException ex) {
                text.setErrorMessage(UiMessages.describe(this, ex));
                text.setInvalid(true);
            }
        });
        save.setId("report-objectives-save");
        var editor = new Div(text, save);
        editor.addClassName("report-objectives");
        return editor;
    }
}
