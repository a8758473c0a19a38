package fr.rdvnumerique.atelier;

import fr.rdvnumerique.base.ops.DatabaseCounters;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Arrays;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** {@code rdv_atelier_registrations_total{channel}}: every registration to an atelier session, from the database. */
@Component
class AtelierMetrics implements MeterBinder {

    private final JdbcTemplate jdbc;

    AtelierMetrics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        DatabaseCounters.bind(registry, jdbc, "rdv.atelier.registrations", "Atelier registrations, by channel",
                "channel", Arrays.stream(Channel.values()).map(Enum::name).toList(),
                "select channel, count(*) from atelier_registration group by channel");
    }
}
