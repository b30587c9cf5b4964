package io.renlayer.api.core;

import io.dropwizard.lifecycle.Managed;
import io.renlayer.api.db.AuthAttemptDao;
import io.renlayer.api.db.IdempotencyDao;
import io.renlayer.api.db.OutboxDao;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Drops what is only kept for a while: idempotency keys (24 h), published outbox rows, log-in attempts. */
public final class Housekeeping implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);

    private final Jdbi jdbi;
    private final Clock clock;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("housekeeping").daemon().factory());

    public Housekeeping(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    @Override
    public void start() {
        scheduler.scheduleWithFixedDelay(this::purge, 1, 10, TimeUnit.MINUTES);
    }

    @Override
    public void stop() {
        scheduler.shutdownNow();
    }

    void purge() {
        try {
            Instant dayAgo = clock.instant().minus(Duration.ofHours(24));
            jdbi.useHandle(h -> {
                h.attach(IdempotencyDao.class).purgeBefore(dayAgo);
                h.attach(OutboxDao.class).purgePublishedBefore(dayAgo);
                h.attach(AuthAttemptDao.class).purgeBefore(dayAgo);
            });
        } catch (RuntimeException e) {
            LOG.warn("housekeeping failed; retrying later: {}", e.toString());
        }
    }
}
