package fr.rdvnumerique.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.base.domain.EmailAddress;
import fr.rdvnumerique.base.i18n.Article;
import fr.rdvnumerique.base.i18n.SentenceName;

/**
 * Fields whose own checks speak French. An e-mail field refuses a malformed address before the binder's
 * validators run; without these texts its message next to the field would be empty.
 */
public final class Fields {

    private Fields() {
    }

    public static EmailField email(String label) {
        return withMessages(new EmailField(label));
    }

    /** Gives an existing e-mail field the bundle's messages. */
    public static EmailField withMessages(EmailField field) {
        field.setI18n(new EmailField.EmailFieldI18n()
                .setPatternErrorMessage(field.getTranslation("validation.email"))
                .setRequiredErrorMessage(field.getTranslation("validation.required"))
                .setMaxLengthErrorMessage(field.getTranslation("validation.too-long", EmailAddress.MAX_LENGTH)));
        return field;
    }

    /**
     * How sentences name what the {@code name} field names: each choice reads as it will be written with the typed
     * name (« la Médiathèque de Ludres · à la Médiathèque de Ludres · de la Médiathèque de Ludres »). While the
     * article is still the first guess for the name, typing a new name guesses again; a choice made by hand stays.
     */
    public static Select<Article> article(TextField name) {
        var article = new Select<Article>();
        article.setLabel(name.getTranslation("article.label"));
        article.setHelperText(name.getTranslation("article.help"));
        article.setItems(Article.values());
        article.setItemLabelGenerator(a -> {
            String typed = name.getValue() == null ? "" : name.getValue().strip();
            if (typed.isEmpty()) {
                return name.getTranslation(a.labelKey());
            }
            var named = SentenceName.of(typed, a);
            return name.getTranslation("article.example", named.withArticle(), named.after("à"), named.after("de"));
        });
        name.addValueChangeListener(e -> {
            Article chosen = article.getValue();
            if (e.isFromClient() && (chosen == null || chosen == Article.guess(e.getOldValue()))) {
                chosen = Article.guess(e.getValue());
            }
            // Refreshing the items (their labels show the name) clears a Select's value: put it back.
            article.getListDataView().refreshAll();
            article.setValue(chosen);
        });
        return article;
    }

    /**
     * For a form without a binder: runs the domain's check of the field's value ({@code PersonName.of(...)} and
     * the like) and puts its French message next to the field when it refuses; true when the value is fine.
     */
    public static <F extends Component & HasValidation> boolean check(F field, Runnable domainCheck) {
        try {
            domainCheck.run();
            field.setInvalid(false);
            return true;
        } catch (BusinessRuleException e) {
            field.setErrorMessage(UiMessages.describe(field, e));
            field.setInvalid(true);
            return false;
        }
    }
}
