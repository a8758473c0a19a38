package fr.rdvnumerique.territory.ui;

import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import fr.rdvnumerique.base.domain.EmailAddress;
import fr.rdvnumerique.base.domain.Texts;
import fr.rdvnumerique.base.security.CurrentStaff;
import fr.rdvnumerique.base.security.Role;
import fr.rdvnumerique.base.security.StaffAccountForm;
import fr.rdvnumerique.base.security.StaffAccountService;
import fr.rdvnumerique.base.security.StaffAccountView;
import fr.rdvnumerique.base.ui.DomainValidators;
import fr.rdvnumerique.base.ui.EditorDialog;
import fr.rdvnumerique.base.ui.Fields;
import fr.rdvnumerique.base.ui.StaffGridPage;
import fr.rdvnumerique.base.ui.UiMessages;
import fr.rdvnumerique.territory.AdvisorSummary;
import fr.rdvnumerique.territory.StructureService;
import fr.rdvnumerique.territory.StructureSummary;
import fr.rdvnumerique.territory.TerritoryDirectory;
import jakarta.annotation.security.RolesAllowed;
import java.util.EnumSet;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Staff accounts: an administrator's for every structure, a coordinator's for their own (advisors and coordinators).
 * It lives here rather than in base because an account is tied to a structure and, for advisors, to the advisor
 * record it stands for. No password is typed here: a new account gets an invitation, a forgotten password a link.
 */
@Route("staff/comptes")
@Menu(title = "territory.accounts.menu", order = 91, icon = "KEY")
@RolesAllowed({Role.ADMIN_NAME, Role.COORDINATOR_NAME})
class StaffAccountsView extends StaffGridPage<StaffAccountView> {

    private final StaffAccountService accounts;
    private final StructureService structures;
    private final TerritoryDirectory directory;
    private final ComboBox<StructureSummary> structure = new ComboBox<>();
    private final ComboBox<AdvisorSummary> advisor = new ComboBox<>();
    private final EmailField email = new EmailField();
    private Map<Long, StructureSummary> structuresById = Map.of();
    private final EditorDialog<StaffAccountForm> editor;
    /** The edited account's advisor, offered even if deactivated since. */
    private AdvisorSummary keptAdvisor;

    private final boolean admin;
    private final CurrentStaff currentStaff;

    StaffAccountsView(StaffAccountService accounts, StructureService structures, TerritoryDirectory directory,
                      CurrentStaff currentStaff) {
        super("territory.accounts.title", "territory.accounts.add");
        this.currentStaff = currentStaff;
        this.admin = currentStaff.isAdmin();
        this.accounts = accounts;
        this.structures = structures;
        this.directory = directory;
        this.editor = editor();
        loadStructures();
        grid.addColumn(StaffAccountView::displayName).setHeader(getTranslation("territory.account.name")).setFlexGrow(1);
        grid.addColumn(StaffAccountView::email).setHeader(getTranslation("territory.account.email")).setFlexGrow(1);
        grid.addColumn(a -> a.roles().stream().map(r -> getTranslation(r.labelKey())).sorted().collect(Collectors.joining(", ")))
                .setHeader(getTranslation("territory.account.roles")).setAutoWidth(true);
        grid.addColumn(this::structureName).setHeader(getTranslation("territory.account.structure")).setAutoWidth(true);
        grid.addComponentColumn(this::passwordCell).setHeader(getTranslation("territory.account.password"))
                .setAutoWidth(true);
        grid.addComponentColumn(this::secondFactorCell).setHeader(getTranslation("territory.account.second-factor"))
                .setAutoWidth(true);
        addStatusAndActions(StaffAccountView::active, this::edit, (row, active) -> accounts.setActive(row.id(), active));
        setItems(accounts::list);
    }

    /** Whether the person has chosen a password yet, and the way to send them a link to choose one. */
    private Component passwordCell(StaffAccountView row) {
        var state = new Span(getTranslation(row.awaitingPassword() ? "territory.account.password.invited"
                : "territory.account.password.chosen"));
        var send = new Button(getTranslation("territory.account.password.send-link"), e -> {
            try {
                accounts.sendPasswordLink(row.id());
                UiMessages.success(this, "territory.account.password.link-sent", row.email());
                refresh();
            } catch (RuntimeException ex) {
                UiMessages.error(this, ex);
            }
        });
        send.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
        send.setEnabled(row.active());
        send.getElement().setAttribute("aria-label",
                getTranslation("territory.account.password.send-link-to", row.displayName()));
        var cell = new Div(state, send);
        cell.addClassName("row-actions");
        return cell;
    }

    /** Whether the person has a second factor, and the way to remove it when they lost their phone. */
    private Component secondFactorCell(StaffAccountView row) {
        var state = new Span(getTranslation(row.secondFactor() ? "territory.account.second-factor.on"
                : "territory.account.second-factor.off"));
        if (!row.secondFactor()) {
            return state;
        }
        var reset = new Button(getTranslation("territory.account.second-factor.reset"), e -> {
            try {
                accounts.resetSecondFactor(row.id());
                UiMessages.success(this, "territory.account.second-factor.done", row.displayName());
                refresh();
            } catch (RuntimeException ex) {
                UiMessages.error(this, ex);
            }
        });
        reset.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
        reset.getElement().setAttribute("aria-label",
                getTranslation("territory.account.second-factor.reset-for", row.displayName()));
        var cell = new Div(state, reset);
        cell.addClassName("row-actions");
        return cell;
    }

    private void loadStructures() {
        // A coordinator's accounts belong to their structure: the only one offered.
        var all = admin ? structures.all() : directory.structure(currentStaff.structureId()).stream().toList();
        structuresById = all.stream().collect(Collectors.toMap(StructureSummary::id, Function.identity()));
        structure.setItems(all);
    }

    @Override
    protected void onAdd() {
        keptAdvisor = null;
        email.setReadOnly(false);
        loadStructures();
        structure.clear();
        Long structureId = admin ? null : structuresById.keySet().iterator().next();
        editor.edit(getTranslation("territory.accounts.add"),
                new StaffAccountForm("", "", EnumSet.of(Role.ADVISOR), structureId, null), this::invite, this::refresh);
    }

    private void invite(StaffAccountForm form) {
        accounts.invite(form);
        UiMessages.success(this, "territory.account.invited", form.email().strip());
    }

    private String structureName(StaffAccountView account) {
        if (account.structureId() == null) {
            return getTranslation("territory.account.structure.none");
        }
        var structure = structuresById.get(account.structureId());
        return structure == null ? getTranslation("territory.account.structure.unknown") : structure.name();
    }

    private void edit(StaffAccountView row) {
        // The sign-in address identifies the account; a new address means a new account.
        email.setReadOnly(true);
        loadStructures();
        var loaded = accounts.load(row.id());
        keptAdvisor = loaded.value().advisorId() == null ? null : directory.advisor(loaded.value().advisorId()).orElse(null);
        // Reading the form then sets the structure anew, which fills the advisor choices.
        structure.clear();
        editor.edit(getTranslation("territory.accounts.edit", row.displayName()), loaded.value(),
                form -> accounts.update(loaded.id(), loaded.version(), form), this::refresh);
    }

    private EditorDialog<StaffAccountForm> editor() {
        var binder = new Binder<>(StaffAccountForm.class);
        email.setLabel(getTranslation("territory.account.email"));
        email.setId("account-email");
        Fields.withMessages(email);
        var name = new TextField(getTranslation("territory.account.name"));
        name.setMaxLength(120);
        name.setId("account-name");
        var roles = new CheckboxGroup<Role>(getTranslation("territory.account.roles"));
        // Only administrators make administrators.
        roles.setItems(admin ? EnumSet.allOf(Role.class) : EnumSet.complementOf(EnumSet.of(Role.ADMIN)));
        roles.setItemLabelGenerator(r -> getTranslation(r.labelKey()));
        structure.setLabel(getTranslation("territory.account.structure"));
        structure.setId("account-structure");
        structure.setItemLabelGenerator(StructureSummary::name);
        structure.setClearButtonVisible(admin);
        structure.setReadOnly(!admin);
        // Only the advisors of the chosen structure (the service and the database refuse any other), and the
        // account's own advisor even if deactivated since, so that saving keeps the link.
        structure.addValueChangeListener(e -> {
            var choices = new java.util.ArrayList<AdvisorSummary>(e.getValue() == null ? java.util.List.of()
                    : directory.advisors(e.getValue().id()));
            if (keptAdvisor != null && e.getValue() != null && keptAdvisor.structureId() == e.getValue().id()
                    && choices.stream().noneMatch(a -> a.id() == keptAdvisor.id())) {
                choices.add(keptAdvisor);
            }
            var current = advisor.getValue();
            advisor.setItems(choices);
            advisor.setValue(current != null && choices.contains(current) ? current : null);
        });
        advisor.setLabel(getTranslation("territory.account.advisor"));
        advisor.setId("account-advisor");
        advisor.setItemLabelGenerator(a -> a.active() ? a.displayName()
                : getTranslation("territory.account.advisor.inactive-label", a.displayName()));
        advisor.setClearButtonVisible(true);
        advisor.setHelperText(getTranslation("territory.account.advisor.help"));
        email.setHelperText(getTranslation("territory.account.email.help"));

        binder.forField(email).asRequired(getTranslation("validation.required"))
                .withValidator(DomainValidators.of(EmailAddress::of)).bind("email");
        binder.forField(name).asRequired(getTranslation("validation.required"))
                .withValidator(DomainValidators.of(v -> Texts.required(v, 120))).bind("displayName");
        binder.forField(roles).withValidator(DomainValidators.required("staff.account.roles.required"))
                .bind("roles");
        binder.forField(structure).withConverter(s -> s == null ? null : s.id(),
                id -> id == null ? null : structuresById.get(id)).bind("structureId");
        binder.forField(advisor).withConverter(a -> a == null ? null : a.id(),
                id -> id == null ? null : directory.advisor(id).orElse(null)).bind("advisorId");
        return new EditorDialog<>(binder, email, name, roles, structure, advisor);
    }
}
