package io.renlayer.kit.kafka;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.Managed;
import io.dropwizard.util.Duration;
import io.renlayer.kit.health.KafkaHealthCheck;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.util.Map;

/** The {@code kafka:} section of the configuration: where the cluster is, and clients built for it. */
public class KafkaFactory {

    @NotEmpty
    private String bootstrapServers = "localhost:19092";

    @NotNull
    private Duration healthCheckTimeout = Duration.seconds(2);

    @JsonProperty
    public String getBootstrapServers() {
        return bootstrapServers;
    }

    @JsonProperty
    public void setBootstrapServers(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    @JsonProperty
    public Duration getHealthCheckTimeout() {
        return healthCheckTimeout;
    }

    @JsonProperty
    public void setHealthCheckTimeout(Duration healthCheckTimeout) {
        this.healthCheckTimeout = healthCheckTimeout;
    }

    /**
     * An admin client closed with the application, and the {@code kafka} health check on it: every
     * service is degraded without its broker (config, events and state all travel through Kafka).
     */
    public Admin buildAdminWithHealthCheck(Environment environment, String clientId) {
        Admin admin = buildAdmin(environment, clientId);
        environment.healthChecks().register("kafka", new KafkaHealthCheck(admin, healthCheckTimeout.toJavaDuration()));
        return admin;
    }

    /** An admin client closed with the application. */
    public Admin buildAdmin(Environment environment, String clientId) {
        Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, clientId + "-admin",
                // Notice a broker that comes back within a second, not after the 1 s..1 min backoff.
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000));
        environment.lifecycle().manage(new Managed() {
            @Override
            public void stop() {
                admin.close(java.time.Duration.ofSeconds(5));
            }
        });
        return admin;
    }
}
