package fr.rdvnumerique;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * RDV Numérique: booking portal for the conseillers numériques that communes share.
 *
 * @see <a href="../../../../docs/adr/003-prebuilt-vaadin-bundles-and-plain-css.md">ADR 003</a> for the styles
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/app.css")
public class Application implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(Application.class, args);
    }

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("RDV Numérique");
        settings.addMetaTag("viewport", "width=device-width, initial-scale=1");
        // The icon in the browser's tab and bookmarks (images/ is public; /favicon.ico for browsers that ask it).
        settings.addLink("images/favicon.svg", java.util.Map.of("rel", "icon", "type", "image/svg+xml"));
        settings.addFavIcon("icon", "images/favicon.png", "32x32");
        settings.addMetaTag("description", "Rendez-vous et ateliers gratuits avec le conseiller numérique de votre commune");
    }
}
