package fr.rdvnumerique.appointment;

import fr.rdvnumerique.base.ops.DatabaseCounters;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Arrays;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** {@code rdv_appointments_booked_total{channel}}: every appointment booked, from the database. */
@Component
class AppointmentMetrics implements MeterBinder {

    private final JdbcTemplate jdbc;

    AppointmentMetrics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        DatabaseCounters.bind(registry, jdbc, "rdv.appointments.booked", "Appointments booked, by channel", "channel",
                Arrays.stream(Channel.values()).map(Enum::name).toList(),
                "select channel, count(*) from appointment group by channel");
    }
}
