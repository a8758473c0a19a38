package fr.rdvnumerique.territory.ui;

import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import fr.rdvnumerique.base.domain.EmailAddress;
import fr.rdvnumerique.base.domain.PhoneNumber;
import fr.rdvnumerique.base.domain.Texts;
import fr.rdvnumerique.base.i18n.Article;
import fr.rdvnumerique.base.security.Role;
import fr.rdvnumerique.base.ui.DomainValidators;
import fr.rdvnumerique.base.ui.EditorDialog;
import fr.rdvnumerique.base.ui.Fields;
import fr.rdvnumerique.base.ui.StaffGridPage;
import fr.rdvnumerique.territory.StructureForm;
import fr.rdvnumerique.territory.StructureKind;
import fr.rdvnumerique.territory.StructureService;
import fr.rdvnumerique.territory.StructureSummary;
import fr.rdvnumerique.territory.domain.Structure;
import jakarta.annotation.security.RolesAllowed;

/** The structures sharing this installation (administrators only). */
@Route("staff/structures")
@Menu(title = "territory.structures.menu", order = 90, icon = "SITEMAP")
@RolesAllowed(Role.ADMIN_NAME)
class StructuresView extends StaffGridPage<StructureSummary> {

    private final StructureService structures;
    private final EditorDialog<StructureForm> editor;

    StructuresView(StructureService structures) {
        super("territory.structures.title", "territory.structures.add");
        this.structures = structures;
        this.editor = editor();
        grid.addColumn(StructureSummary::name).setHeader(getTranslation("territory.structure.name")).setFlexGrow(1);
        grid.addColumn(StructureSummary::slug).setHeader(getTranslation("territory.structure.slug")).setAutoWidth(true);
        grid.addColumn(s -> getTranslation(s.kind().labelKey())).setHeader(getTranslation("territory.structure.kind")).setAutoWidth(true);
        addStatusAndActions(StructureSummary::active, this::edit, (row, active) -> structures.setActive(row.id(), active));
        setItems(structures::list);
    }

    @Override
    protected void onAdd() {
        editor.edit(getTranslation("territory.structures.add"), new StructureForm("", Article.LE, "", StructureKind.MUTUALISATION, "", ""),
                structures::create, this::refresh);
    }

    private void edit(StructureSummary row) {
        var loaded = structures.load(row.id());
        editor.edit(getTranslation("territory.structures.edit", row.name()), loaded.value(),
                form -> structures.update(loaded.id(), loaded.version(), form), this::refresh);
    }

    private EditorDialog<StructureForm> editor() {
        var binder = new Binder<>(StructureForm.class);
        var name = new TextField(getTranslation("territory.structure.name"));
        name.setMaxLength(120);
        name.setId("structure-name");
        var article = Fields.article(name);
        article.setId("structure-article");
        var slug = new TextField(getTranslation("territory.structure.slug"));
        slug.setMaxLength(60);
        slug.setHelperText(getTranslation("territory.structure.slug.help"));
        var kind = new Select<StructureKind>();
        kind.setLabel(getTranslation("territory.structure.kind"));
        kind.setItems(StructureKind.values());
        kind.setItemLabelGenerator(k -> getTranslation(k.labelKey()));
        var phone = new TextField(getTranslation("territory.structure.phone"));
        phone.setHelperText(getTranslation("territory.structure.phone.help"));
        var email = Fields.email(getTranslation("territory.structure.email"));
        binder.forField(name).asRequired(getTranslation("validation.required"))
                .withValidator(DomainValidators.of(v -> Texts.required(v, 120))).bind("name");
        binder.forField(article).withValidator(DomainValidators.required("validation.required")).bind("article");
        binder.forField(slug).asRequired(getTranslation("validation.required"))
                .withValidator(DomainValidators.of(Structure::checkSlug)).bind("slug");
        binder.forField(kind).withValidator(DomainValidators.required("validation.required")).bind("kind");
        binder.forField(phone).withValidator(DomainValidators.optional(PhoneNumber::parse)).bind("phone");
        binder.forField(email).withValidator(DomainValidators.optional(EmailAddress::of)).bind("email");
        return new EditorDialog<>(binder, name, article, slug, kind, phone, email);
    }
}
