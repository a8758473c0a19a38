package fr.rdvnumerique.atelier;

import fr.rdvnumerique.base.domain.Channel;
import fr.rdvnumerique.base.ops.DatabaseCounters;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Arrays;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** {@code rdv_atelier_registrations_total{channel}}: every registration to an atelier session, from the database. */
@Component
class AtelierMetrics implements MeterBinder {

    private final DatabaseCounters counters;

    AtelierMetrics(JdbcTemplate jdbc) {
        this.counters = new DatabaseCounters(jdbc, "select channel, count(*) from atelier_registration group by channel");
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        counters.bind(registry, "rdv.atelier.registrations", "Atelier registrations, by channel", "channel",
                Arrays.stream(Channel.values()).map(Enum::name).toList());
    }
}
