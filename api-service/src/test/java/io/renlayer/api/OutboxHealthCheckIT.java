package io.renlayer.api;

import com.codahale.metrics.health.HealthCheck;
import io.dropwizard.db.DataSourceFactory;
import io.renlayer.api.db.Databases;
import io.renlayer.api.db.OutboxDao;
import io.renlayer.api.health.OutboxHealthCheck;
import io.renlayer.api.testing.TestStack;
import io.renlayer.schemas.json.Json;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** On a database of its own, where no relay runs: a change that waits too long turns the check red. */
@Tag("integration")
class OutboxHealthCheckIT {

    @Test
    void reportsAChangeStuckInTheOutbox() {
        TestStack stack = TestStack.get();
        stack.postgres.createDatabase("outbox_health");
        DataSourceFactory database = new DataSourceFactory();
        database.setUrl(stack.postgres.jdbcUrl("outbox_health"));
        database.setUser(stack.postgres.user());
        database.setPassword(stack.postgres.password());
        Databases.migrate(database);
        Jdbi jdbi = Databases.configure(Jdbi.create(database.getUrl(), database.getUser(), database.getPassword()),
                Json.mapper());
        OutboxHealthCheck check = new OutboxHealthCheck(jdbi, Duration.ofSeconds(30), Clock.systemUTC());
        OutboxDao outbox = jdbi.onDemand(OutboxDao.class);

        assertThat(check.execute().isHealthy()).as("empty outbox").isTrue();

        outbox.insert("tenant_x", "renlayer.config.v1", "tenant_x", "{}", Instant.now().minusSeconds(5));
        assertThat(check.execute().isHealthy()).as("a fresh change is just in flight").isTrue();

        outbox.insert("tenant_x", "renlayer.config.v1", "tenant_x", "{}", Instant.now().minusSeconds(120));
        HealthCheck.Result stuck = check.execute();
        assertThat(stuck.isHealthy()).isFalse();
        assertThat(stuck.getMessage()).contains("waited");

        List<Long> all = outbox.unpublished(10).stream().map(OutboxDao.Record::seq).toList();
        outbox.markPublished(all, Instant.now());
        assertThat(check.execute().isHealthy()).as("published, nothing waits").isTrue();
    }
}
