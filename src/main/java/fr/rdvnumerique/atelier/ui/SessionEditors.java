package fr.rdvnumerique.atelier.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationResult;
import fr.rdvnumerique.atelier.SeriesForm;
import fr.rdvnumerique.atelier.SessionService;
import fr.rdvnumerique.atelier.SessionForm;
import fr.rdvnumerique.atelier.WorkshopSummary;
import fr.rdvnumerique.atelier.domain.Workshop;
import fr.rdvnumerique.base.ui.DomainValidators;
import fr.rdvnumerique.base.ui.EditorDialog;
import fr.rdvnumerique.base.ui.Pickers;
import fr.rdvnumerique.territory.AdvisorSummary;
import fr.rdvnumerique.territory.PlaceSummary;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/** The dialogs that plan a session or a series: same choosers, checked by the domain's rules. */
final class SessionEditors {

    private final Component owner;
    private List<WorkshopSummary> workshops = List.of();
    private List<PlaceSummary> places = List.of();
    private List<AdvisorSummary> advisors = List.of();

    SessionEditors(Component owner) {
        this.owner = owner;
    }

    void setChoices(List<WorkshopSummary> workshops, List<PlaceSummary> places, List<AdvisorSummary> advisors) {
        this.workshops = workshops;
        this.places = places;
        this.advisors = advisors;
    }

    private String t(String key, Object... args) {
        return owner.getTranslation(key, args);
    }

    /** Chooser fields shared by both dialogs. */
    private final class Common {
        final ComboBox<WorkshopSummary> workshop = new ComboBox<>(t("atelier.session.workshop"));
        final ComboBox<PlaceSummary> place = new ComboBox<>(t("atelier.session.place"));
        final ComboBox<AdvisorSummary> advisor = new ComboBox<>(t("atelier.session.advisor"));
        final TimePicker start = timePicker("atelier.session.start", "session-start");
        final TimePicker end = timePicker("atelier.session.end", "session-end");
        final IntegerField capacity = new IntegerField(t("atelier.session.capacity"));
        final ClosingDelayField closes = new ClosingDelayField(t("atelier.session.closes-before"),
                t("atelier.session.closes-before.hours"), t("atelier.session.closes-before.minutes"),
                SessionService.MAX_CLOSES_BEFORE.toHours());

        Common() {
            workshop.setId("session-workshop");
            workshop.setItems(workshops);
            workshop.setItemLabelGenerator(WorkshopSummary::title);
            place.setId("session-place");
            place.setItems(places);
            place.setItemLabelGenerator(PlaceSummary::name);
            advisor.setId("session-advisor");
            advisor.setItems(advisors);
            advisor.setItemLabelGenerator(AdvisorSummary::displayName);
            capacity.setId("session-capacity");
            capacity.setStepButtonsVisible(true);
            closes.setHelperText(t("atelier.session.closes-before.help"));
            // A chosen workshop brings its usual capacity and length.
            workshop.addValueChangeListener(e -> {
                if (e.isFromClient() && e.getValue() != null) {
                    capacity.setValue(e.getValue().defaultCapacity());
                    if (start.getValue() != null) {
                        end.setValue(start.getValue().plusMinutes(e.getValue().durationMinutes()));
                    }
                }
            });
            start.addValueChangeListener(e -> {
                if (e.isFromClient() && e.getValue() != null && workshop.getValue() != null) {
                    end.setValue(e.getValue().plusMinutes(workshop.getValue().durationMinutes()));
                }
            });
        }

        <T> void bind(Binder<T> binder) {
            binder.forField(workshop).asRequired(t("atelier.session.workshop.required"))
                    .withConverter(w -> w == null ? null : w.id(), id -> find(workshops, id, WorkshopSummary::id))
                    .bind("workshopId");
            binder.forField(place).asRequired(t("atelier.session.place.required"))
                    .withConverter(p -> p == null ? null : p.id(), id -> find(places, id, PlaceSummary::id)).bind("placeId");
            binder.forField(advisor).asRequired(t("atelier.session.advisor.required"))
                    .withConverter(a -> a == null ? null : a.id(), id -> find(advisors, id, AdvisorSummary::id))
                    .bind("advisorId");
            binder.forField(start).asRequired(t("validation.required")).bind("startTime");
            binder.forField(end).asRequired(t("validation.required"))
                    .withValidator((value, context) -> start.getValue() == null || value == null || value.isAfter(start.getValue())
                            ? ValidationResult.ok() : ValidationResult.error(t("atelier.session.end-before-start")))
                    .bind("endTime");
            binder.forField(capacity).asRequired(t("validation.required"))
                    .withValidator(DomainValidators.of(Workshop::checkCapacity)).bind("capacity");
            binder.forField(closes).withValidator((value, context) -> {
                if (!closes.minutesInRange()) {
                    return ValidationResult.error(t("atelier.session.closes.minutes"));
                }
                if (value == null) {
                    return ValidationResult.ok(); // the usual delay
                }
                return DomainValidators.<Duration>of(SessionService::checkClosesBefore).apply(value, context);
            }).bind("closesBefore");
        }
    }

    EditorDialog<SessionForm> sessionDialog() {
        var common = new Common();
        var binder = new Binder<>(SessionForm.class);
        var date = Pickers.datePicker(t("atelier.session.date"));
        date.setId("session-date");
        DatePicker opens = Pickers.datePicker(t("atelier.session.opens-on"));
        opens.setHelperText(t("atelier.session.opens-on.help"));
        opens.setId("session-opens");
        common.bind(binder);
        binder.forField(date).asRequired(t("validation.required")).bind("date");
        // Registration must open before it closes: said next to the field, before anything is saved.
        binder.forField(opens).withValidator((value, context) -> {
            if (value == null || date.getValue() == null || common.start.getValue() == null) {
                return ValidationResult.ok();
            }
            Duration before = common.closes.getValue() == null ? Duration.ZERO : common.closes.getValue();
            LocalDateTime closesAt = date.getValue().atTime(common.start.getValue()).minus(before);
            return value.atStartOfDay().isBefore(closesAt) ? ValidationResult.ok()
                    : ValidationResult.error(t("atelier.session.opens-on.too-late"));
        }).bind("registrationOpensOn");
        return new EditorDialog<>(binder, common.workshop, common.place, common.advisor, date, common.start, common.end,
                common.capacity, opens, common.closes);
    }

    EditorDialog<SeriesForm> seriesDialog() {
        var common = new Common();
        var binder = new Binder<>(SeriesForm.class);
        var first = Pickers.datePicker(t("atelier.series.first-date"));
        first.setId("series-first-date");
        var occurrences = new IntegerField(t("atelier.series.occurrences"));
        occurrences.setId("series-occurrences");
        occurrences.setStepButtonsVisible(true);
        occurrences.setMin(2);
        occurrences.setMax(SeriesForm.MAX_OCCURRENCES);
        var interval = new Select<Integer>();
        interval.setLabel(t("atelier.series.interval"));
        interval.setItems(1, 2, 3, 4);
        interval.setItemLabelGenerator(n -> n == null ? "" : n == 1 ? t("atelier.series.interval.one")
                : t("atelier.series.interval.many", n));
        common.bind(binder);
        binder.forField(first).asRequired(t("validation.required")).bind("firstDate");
        binder.forField(occurrences).asRequired(t("validation.required"))
                .withValidator(n -> n != null && n >= 2 && n <= SeriesForm.MAX_OCCURRENCES,
                        t("atelier.series.occurrences.invalid", SeriesForm.MAX_OCCURRENCES))
                .bind("occurrences");
        binder.forField(interval).withValidator(DomainValidators.required("atelier.series.interval.invalid")).bind("intervalWeeks");
        return new EditorDialog<>(binder, common.workshop, common.place, common.advisor, first, common.start, common.end,
                common.capacity, occurrences, interval, common.closes);
    }

    private TimePicker timePicker(String labelKey, String id) {
        var picker = new TimePicker(t(labelKey));
        picker.setId(id);
        picker.setLocale(Locale.FRANCE);
        picker.setStep(Duration.ofMinutes(15));
        picker.setMin(LocalTime.of(7, 0));
        picker.setMax(LocalTime.of(22, 0));
        return picker;
    }

    private static <T> T find(List<T> items, Long id, Function<T, Long> idOf) {
        return id == null ? null : items.stream().filter(i -> Objects.equals(idOf.apply(i), id)).findFirst().orElse(null);
    }
}
