package fr.rdvnumerique.appointment.ui;

import fr.rdvnumerique.base.ui.PublicNavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AppointmentUiConfiguration {

    @Bean
    PublicNavItem appointmentNavItem() {
        return new PublicNavItem("appointment.nav", BookingWizardView.class, 20);
    }
}
