package fr.rdvnumerique.appointment;

import fr.rdvnumerique.base.domain.Channel;
import fr.rdvnumerique.base.ops.DatabaseCounters;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Arrays;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** {@code rdv_appointments_booked_total{channel}}: every appointment booked, from the database. */
@Component
class AppointmentMetrics implements MeterBinder {

    private final DatabaseCounters counters;

    AppointmentMetrics(JdbcTemplate jdbc) {
        this.counters = new DatabaseCounters(jdbc, "select channel, count(*) from appointment group by channel");
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        counters.bind(registry, "rdv.appointments.booked", "Appointments booked, by channel", "channel",
                Arrays.stream(Channel.values()).map(Enum::name).toList());
    }
}
