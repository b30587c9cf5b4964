package io.renlayer.api.health;

import com.codahale.metrics.health.HealthCheck;
import org.apache.kafka.clients.admin.Admin;

import java.util.concurrent.TimeUnit;

/** Config changes reach the data plane only through Kafka: the API is degraded without it. */
public class KafkaHealthCheck extends HealthCheck {

    private final Admin admin;

    public KafkaHealthCheck(Admin admin) {
        this.admin = admin;
    }

    @Override
    protected Result check() throws Exception {
        int brokers = admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).size();
        return brokers > 0 ? Result.healthy(brokers + " broker(s)") : Result.unhealthy("no broker");
    }
}
