package fr.rdvnumerique.atelier.ui;

import fr.rdvnumerique.base.ui.PublicNavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AtelierUiConfiguration {

    /** "Ateliers" in the public portal's menu, after "Accueil". */
    @Bean
    PublicNavItem ateliersNavItem() {
        return new PublicNavItem("atelier.nav", AteliersView.class, 20);
    }
}
