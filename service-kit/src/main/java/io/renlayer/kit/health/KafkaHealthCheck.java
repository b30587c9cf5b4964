package io.renlayer.kit.health;

import com.codahale.metrics.health.HealthCheck;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Healthy when the Kafka cluster answers a metadata request within the timeout. */
public class KafkaHealthCheck extends HealthCheck {

    private final Admin admin;
    private final Duration timeout;

    public KafkaHealthCheck(Admin admin, Duration timeout) {
        this.admin = admin;
        this.timeout = timeout;
    }

    @Override
    protected Result check() {
        long millis = timeout.toMillis();
        DescribeClusterResult cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) millis));
        try {
            String clusterId = cluster.clusterId().get(millis, TimeUnit.MILLISECONDS);
            int brokers = cluster.nodes().get(millis, TimeUnit.MILLISECONDS).size();
            return Result.healthy("cluster %s, %d broker(s)", clusterId, brokers);
        } catch (ExecutionException e) {
            return Result.unhealthy("Kafka unreachable: %s", e.getCause().getMessage());
        } catch (TimeoutException e) {
            return Result.unhealthy("Kafka did not answer within %d ms", millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Result.unhealthy("interrupted while asking Kafka");
        }
    }
}
