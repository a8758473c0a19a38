package fr.rdvnumerique.territory.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import fr.rdvnumerique.base.domain.Texts;
import fr.rdvnumerique.base.i18n.FrenchDates;
import fr.rdvnumerique.base.security.Role;
import fr.rdvnumerique.base.ui.DomainValidators;
import fr.rdvnumerique.base.ui.EditorDialog;
import fr.rdvnumerique.base.ui.Pickers;
import fr.rdvnumerique.base.ui.StaffGridPage;
import fr.rdvnumerique.territory.CommuneService;
import fr.rdvnumerique.territory.CommuneSummary;
import fr.rdvnumerique.territory.ConventionForm;
import fr.rdvnumerique.territory.ConventionService;
import fr.rdvnumerique.territory.ConventionSummary;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Conventions de mutualisation: which commune hosts the advisor, the weekly hours of each partner commune,
 * and how the State subsidy is paid. Reporting splits the costs with them.
 */
@Route("staff/conventions")
@Menu(title = "territory.conventions.menu", order = 53, icon = "HANDSHAKE")
@RolesAllowed(Role.COORDINATOR_NAME)
class ConventionsView extends StaffGridPage<ConventionSummary> {

    private final ConventionService conventions;
    private final CommuneService communes;
    private final Clock clock;
    private final ComboBox<CommuneSummary> host = new ComboBox<>();
    private final SharesField shares = new SharesField("");
    private Map<Long, CommuneSummary> communesById = Map.of();
    private final EditorDialog<ConventionForm> editor;

    ConventionsView(ConventionService conventions, CommuneService communes, Clock clock) {
        super("territory.conventions.title", "territory.conventions.add");
        this.conventions = conventions;
        this.communes = communes;
        this.clock = clock;
        this.editor = editor();
        var money = NumberFormat.getCurrencyInstance(Locale.FRANCE);
        grid.addColumn(ConventionSummary::title).setHeader(getTranslation("territory.convention.title")).setFlexGrow(1);
        grid.addColumn(ConventionSummary::hostCommuneName).setHeader(getTranslation("territory.convention.host")).setAutoWidth(true);
        grid.addColumn(c -> FrenchDates.day(c.validFrom()) + " → " + FrenchDates.day(c.validUntil()))
                .setHeader(getTranslation("territory.convention.period")).setAutoWidth(true);
        grid.addColumn(c -> getTranslation("territory.convention.hours-total", c.totalWeeklyHours().stripTrailingZeros().toPlainString()))
                .setHeader(getTranslation("territory.convention.hours")).setAutoWidth(true);
        grid.addColumn(c -> money.format(c.subsidyAmount())).setHeader(getTranslation("territory.convention.subsidy")).setAutoWidth(true);
        addStatusAndActions(ConventionSummary::active, this::edit, (row, active) -> conventions.setActive(row.id(), active));
        setItems(conventions::list);
    }

    /**
     * Active communes to choose from, plus the deactivated ones the convention already names: shown as such, with
     * their hours, so that saving keeps them.
     */
    private void loadCommunes(Set<Long> current) {
        List<CommuneSummary> all = communes.all();
        communesById = all.stream().collect(Collectors.toMap(CommuneSummary::id, Function.identity()));
        List<CommuneSummary> shown = all.stream().filter(c -> c.active() || current.contains(c.id())).toList();
        host.setItems(shown);
        shares.setCommunes(shown);
    }

    @Override
    protected void onAdd() {
        loadCommunes(Set.of());
        LocalDate today = LocalDate.now(clock);
        var blank = new ConventionForm("", null, today, today, today.plusYears(2), 1, new BigDecimal("50000"),
                BigDecimal.ZERO, List.of(), List.of(new ConventionForm.Instalment(20, 0),
                new ConventionForm.Instalment(30, 6), new ConventionForm.Instalment(50, 12)));
        editor.edit(getTranslation("territory.conventions.add"), blank, conventions::create, this::refresh);
    }

    private void edit(ConventionSummary row) {
        var loaded = conventions.load(row.id());
        var current = new HashSet<Long>();
        current.add(loaded.value().hostCommuneId());
        loaded.value().shares().forEach(share -> current.add(share.communeId()));
        loadCommunes(current);
        editor.edit(getTranslation("territory.conventions.edit", row.title()), loaded.value(),
                form -> conventions.update(loaded.id(), loaded.version(), form), this::refresh);
    }

    private EditorDialog<ConventionForm> editor() {
        var binder = new Binder<>(ConventionForm.class);
        var title = new TextField(getTranslation("territory.convention.title"));
        title.setMaxLength(160);
        host.setLabel(getTranslation("territory.convention.host"));
        host.setItemLabelGenerator(c -> Labels.commune(this, c));
        host.setId("convention-host");
        var signedOn = Pickers.datePicker(getTranslation("territory.convention.signed-on"));
        var validFrom = Pickers.datePicker(getTranslation("territory.convention.valid-from"));
        var validUntil = Pickers.datePicker(getTranslation("territory.convention.valid-until"));
        var posts = new IntegerField(getTranslation("territory.convention.posts"));
        posts.setMin(1);
        posts.setStepButtonsVisible(true);
        var subsidy = new BigDecimalField(getTranslation("territory.convention.subsidy"));
        subsidy.setSuffixComponent(new com.vaadin.flow.component.html.Span("€"));
        var otherCosts = new BigDecimalField(getTranslation("territory.convention.other-costs"));
        otherCosts.setSuffixComponent(new com.vaadin.flow.component.html.Span("€"));
        otherCosts.setHelperText(getTranslation("territory.convention.other-costs.help"));
        shares.setLabel(getTranslation("territory.convention.shares"));
        var instalments = new InstalmentsField(getTranslation("territory.convention.instalments"));

        binder.forField(title).asRequired(getTranslation("validation.required"))
                .withValidator(DomainValidators.of(v -> Texts.required(v, 160))).bind("title");
        binder.forField(host).asRequired(getTranslation("territory.convention.host.required"))
                .withConverter(c -> c == null ? null : c.id(), id -> id == null ? null : communesById.get(id)).bind("hostCommuneId");
        binder.forField(signedOn).asRequired(getTranslation("validation.required")).bind("signedOn");
        binder.forField(validFrom).asRequired(getTranslation("validation.required")).bind("validFrom");
        binder.forField(validUntil).asRequired(getTranslation("validation.required"))
                .withValidator(until -> validFrom.getValue() == null || until.isAfter(validFrom.getValue()),
                        getTranslation("territory.convention.period.invalid"))
                .bind("validUntil");
        binder.forField(posts).asRequired(getTranslation("validation.required"))
                .withValidator(p -> p >= 1, getTranslation("territory.convention.posts.invalid")).bind("posts");
        binder.forField(subsidy).asRequired(getTranslation("validation.required"))
                .withValidator(a -> a.signum() >= 0, getTranslation("territory.convention.amount.invalid")).bind("subsidyAmount");
        binder.forField(otherCosts).asRequired(getTranslation("validation.required"))
                .withValidator(a -> a.signum() >= 0, getTranslation("territory.convention.amount.invalid")).bind("otherAnnualCosts");
        binder.forField(shares).bind("shares");
        binder.forField(instalments).bind("instalments");
        var dialog = new EditorDialog<>(binder, title, host, signedOn, validFrom, validUntil, posts, subsidy, otherCosts,
                shares, instalments);
        dialog.setWidth("min(56rem, 100%)");
        return dialog;
    }
}
