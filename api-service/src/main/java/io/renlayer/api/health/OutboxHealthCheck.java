package io.renlayer.api.health;

import com.codahale.metrics.health.HealthCheck;
import io.renlayer.api.db.OutboxDao;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Unhealthy when a committed change has waited too long to reach Kafka: the broker is down, or a record
 * keeps being refused. Proxies then run on stale configuration (a revoked key still works), so this
 * must page someone rather than stay silent.
 */
public class OutboxHealthCheck extends HealthCheck {

    private final Jdbi jdbi;
    private final Duration maxLag;
    private final Clock clock;

    public OutboxHealthCheck(Jdbi jdbi, Duration maxLag, Clock clock) {
        this.jdbi = jdbi;
        this.maxLag = maxLag;
        this.clock = clock;
    }

    @Override
    protected Result check() {
        Optional<Instant> oldest = jdbi.withExtension(OutboxDao.class, OutboxDao::oldestUnpublished);
        if (oldest.isEmpty()) {
            return Result.healthy("nothing waiting");
        }
        Duration lag = Duration.between(oldest.get(), clock.instant());
        return lag.compareTo(maxLag) <= 0 ? Result.healthy("oldest unpublished change is %d ms old", lag.toMillis())
                : Result.unhealthy("a committed change has waited %d s to be published to Kafka", lag.toSeconds());
    }
}
