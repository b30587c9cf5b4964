package io.renlayer.proxy;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.renlayer.ops.testing.KafkaBrokerExtension;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

@Tag("integration")
class ProxyApplicationIT {

    @RegisterExtension
    @Order(1)
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @RegisterExtension
    @Order(2)
    static final DropwizardAppExtension<ProxyConfiguration> APP = new DropwizardAppExtension<>(
            ProxyApplication.class, "config.yml",
            ConfigOverride.randomPorts(),
            ConfigOverride.config("kafka.bootstrapServers", KAFKA::bootstrapServers));

    @Test
    void healthCheckReachesKafka() {
        try (Response response = APP.client()
                .target("http://localhost:" + APP.getAdminPort() + "/healthcheck")
                .request()
                .get()) {
            String body = response.readEntity(String.class);

            assertThat(response.getStatus()).as(body).isEqualTo(200);
            assertThat(body).contains("\"kafka\"").contains("\"healthy\":true");
        }
    }
}
