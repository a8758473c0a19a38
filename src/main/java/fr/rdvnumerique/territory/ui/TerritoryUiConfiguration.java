package fr.rdvnumerique.territory.ui;

import fr.rdvnumerique.base.ui.PublicNavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TerritoryUiConfiguration {

    @Bean
    PublicNavItem territoryHomeNavItem() {
        return new PublicNavItem("public.nav.home", TerritoryHomeView.class, 0);
    }
}
