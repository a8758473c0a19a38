package fr.rdvnumerique.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/** "Page introuvable", in plain French, with the way back. */
@ParentLayout(PublicLayout.class)
@AnonymousAllowed
public class NotFoundView extends Div implements HasErrorParameter<NotFoundException>, HasDynamicTitle {

    @Override
    public String getPageTitle() {
        return getTranslation("app.page-title", getTranslation("error.not-found.title"));
    }


    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        removeAll();
        addClassName("not-found");
        var back = new Anchor("", getTranslation("error.not-found.back"));
        back.getElement().setAttribute("router-link", true);
        add(new H1(getTranslation("error.not-found.title")), new Paragraph(getTranslation("error.not-found.text")), back);
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
