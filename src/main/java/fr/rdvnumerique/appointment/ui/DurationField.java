package fr.rdvnumerique.appointment.ui;

import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import fr.rdvnumerique.appointment.domain.ActivityRecord;

/**
 * A duration in minutes: the usual ones in one tap (15, 30, 45, 60, 90, 120), any other typed beside them.
 * Choosing one clears the other, so the value is never ambiguous.
 */
class DurationField extends CustomField<Integer> {

    private final RadioButtonGroup<Integer> presets = new RadioButtonGroup<>();
    private final IntegerField other = new IntegerField();

    DurationField(String label) {
        setLabel(label);
        presets.setItems(ActivityRecord.DURATION_PRESETS);
        presets.setItemLabelGenerator(minutes -> getTranslation("appointment.records.minutes", minutes));
        presets.setId("record-duration-presets");
        presets.addClassName("record-duration-presets");
        presets.setAriaLabel(label);
        other.setId("record-duration-other");
        other.setMin(1);
        other.setMax(ActivityRecord.MAX_DURATION);
        other.setPlaceholder(getTranslation("appointment.record.duration.other"));
        other.setAriaLabel(getTranslation("appointment.record.duration.other"));
        other.setSuffixComponent(new Span(getTranslation("appointment.record.duration.unit")));
        other.addClassName("record-duration-other");
        presets.addValueChangeListener(e -> {
            if (e.isFromClient() || e.getValue() != null) {
                if (e.getValue() != null) {
                    other.clear();
                }
                updateValue();
            }
        });
        other.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                presets.clear();
            }
            updateValue();
        });
        var row = new Div(presets, other);
        row.addClassName("record-duration");
        add(row);
    }

    @Override
    protected Integer generateModelValue() {
        return presets.getValue() != null ? presets.getValue() : other.getValue();
    }

    @Override
    protected void setPresentationValue(Integer minutes) {
        if (minutes != null && ActivityRecord.DURATION_PRESETS.contains(minutes)) {
            presets.setValue(minutes);
            other.clear();
        } else {
            presets.clear();
            other.setValue(minutes);
        }
    }

    /** The preset buttons (for tests and journeys). */
    RadioButtonGroup<Integer> presets() {
        return presets;
    }

    IntegerField other() {
        return other;
    }
}
