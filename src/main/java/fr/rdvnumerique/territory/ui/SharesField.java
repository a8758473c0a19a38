package fr.rdvnumerique.territory.ui;

import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.BigDecimalField;
import fr.rdvnumerique.territory.CommuneSummary;
import fr.rdvnumerique.territory.ConventionForm;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Weekly hours per commune: one number field per commune of the structure; empty means not a partner. */
class SharesField extends CustomField<List<ConventionForm.Share>> {

    private final Div rows = new Div();
    private final Map<Long, BigDecimalField> fields = new LinkedHashMap<>();
    private final List<ConventionForm.Share> kept = new ArrayList<>();

    SharesField(String label) {
        setLabel(label);
        rows.addClassName("shares-field");
        add(rows);
    }

    void setCommunes(List<CommuneSummary> communes) {
        rows.removeAll();
        fields.clear();
        for (CommuneSummary commune : communes) {
            var hours = new BigDecimalField(getTranslation("territory.convention.hours-of", Labels.commune(this, commune)));
            hours.setSuffixComponent(new Div(getTranslation("territory.convention.hours-unit")));
            hours.addValueChangeListener(e -> updateValue());
            fields.put(commune.id(), hours);
            rows.add(hours);
        }
    }

    @Override
    protected List<ConventionForm.Share> generateModelValue() {
        var shares = new ArrayList<ConventionForm.Share>();
        fields.forEach((communeId, field) -> {
            BigDecimal hours = field.getValue();
            if (hours != null) {
                shares.add(new ConventionForm.Share(communeId, hours));
            }
        });
        // Hours of a commune the form has no field for stay as they were: nobody could have changed them here.
        shares.addAll(kept);
        return shares;
    }

    @Override
    protected void setPresentationValue(List<ConventionForm.Share> shares) {
        fields.values().forEach(f -> f.setValue(null));
        kept.clear();
        if (shares != null) {
            shares.forEach(s -> {
                var field = fields.get(s.communeId());
                if (field != null) {
                    field.setValue(s.weeklyHours());
                } else {
                    kept.add(s);
                }
            });
        }
    }
}
