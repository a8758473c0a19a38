package fr.rdvnumerique.atelier.ui;

import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.IntegerField;
import java.time.Duration;

/**
 * "Online registration closes N hours and M minutes before the start": a delay to the minute, so a session whose
 * registration closes 90 minutes before keeps it when staff save its form.
 */
class ClosingDelayField extends CustomField<Duration> {

    private final IntegerField hours = new IntegerField();
    private final IntegerField minutes = new IntegerField();
    private boolean presenting;

    ClosingDelayField(String label, String hoursLabel, String minutesLabel, long maxHours) {
        setLabel(label);
        setId("session-closes");
        hours.setId("session-closes-hours");
        hours.setAriaLabel(label + " – " + hoursLabel);
        hours.setSuffixComponent(new Div(hoursLabel));
        hours.setMin(0);
        hours.setMax((int) maxHours);
        hours.setStepButtonsVisible(true);
        minutes.setId("session-closes-minutes");
        minutes.setAriaLabel(label + " – " + minutesLabel);
        minutes.setSuffixComponent(new Div(minutesLabel));
        minutes.setMin(0);
        minutes.setMax(59);
        minutes.setStep(5);
        minutes.setStepButtonsVisible(true);
        // Browsers send a change event; server-side changes (and tests) come through the fields' own listeners.
        hours.addValueChangeListener(e -> changed());
        minutes.addValueChangeListener(e -> changed());
        var both = new Div(hours, minutes);
        both.addClassName("atelier-closing-delay");
        add(both);
    }

    private void changed() {
        if (!presenting) {
            updateValue();
        }
    }

    /** Whether the minutes typed are a number of minutes (0 to 59), so the message can say so. */
    boolean minutesInRange() {
        Integer m = minutes.getValue();
        return m == null || m >= 0 && m <= 59;
    }

    @Override
    protected Duration generateModelValue() {
        Integer h = hours.getValue();
        Integer m = minutes.getValue();
        if (h == null && m == null) {
            return null;
        }
        return Duration.ofHours(h == null ? 0 : h).plusMinutes(m == null ? 0 : m);
    }

    @Override
    protected void setPresentationValue(Duration value) {
        presenting = true;
        try {
            hours.setValue(value == null ? null : (int) value.toHours());
            minutes.setValue(value == null ? null : value.toMinutesPart());
        } finally {
            presenting = false;
        }
    }
}
