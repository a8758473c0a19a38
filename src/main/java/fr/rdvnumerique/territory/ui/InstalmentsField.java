package fr.rdvnumerique.territory.ui;

import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.IntegerField;
import fr.rdvnumerique.territory.ConventionForm;
import java.util.ArrayList;
import java.util.List;

/** Up to four subsidy instalments: a percentage and the months after signature when it is paid. */
class InstalmentsField extends CustomField<List<ConventionForm.Instalment>> {

    private static final int ROWS = 4;
    private final List<IntegerField> percents = new ArrayList<>();
    private final List<IntegerField> months = new ArrayList<>();

    InstalmentsField(String label) {
        setLabel(label);
        var grid = new Div();
        grid.addClassName("instalments-field");
        for (int i = 0; i < ROWS; i++) {
            var percent = new IntegerField(getTranslation("territory.convention.instalment.percent", i + 1));
            percent.setMin(1);
            percent.setMax(100);
            var month = new IntegerField(getTranslation("territory.convention.instalment.months", i + 1));
            month.setMin(0);
            percent.addValueChangeListener(e -> updateValue());
            month.addValueChangeListener(e -> updateValue());
            percents.add(percent);
            months.add(month);
            grid.add(percent, month);
        }
        add(grid);
    }

    @Override
    protected List<ConventionForm.Instalment> generateModelValue() {
        var instalments = new ArrayList<ConventionForm.Instalment>();
        for (int i = 0; i < ROWS; i++) {
            Integer percent = percents.get(i).getValue();
            if (percent != null) {
                Integer month = months.get(i).getValue();
                instalments.add(new ConventionForm.Instalment(percent, month == null ? 0 : month));
            }
        }
        return instalments;
    }

    @Override
    protected void setPresentationValue(List<ConventionForm.Instalment> instalments) {
        for (int i = 0; i < ROWS; i++) {
            boolean present = instalments != null && i < instalments.size();
            percents.get(i).setValue(present ? instalments.get(i).percent() : null);
            months.get(i).setValue(present ? instalments.get(i).monthsAfterSignature() : null);
        }
    }
}
