package io.renlayer.streams.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.apache.kafka.streams.state.HostInfo;

import java.util.concurrent.TimeUnit;

/** The {@code query:} section: how this instance takes part in interactive queries. */
public class QueryConfig {

    /** A name the other instances and api-service reach this one by (Kafka Streams' {@code application.server}). */
    @NotEmpty
    private String advertisedHost = "localhost";

    /** 0: the application connector's own port; set it when a proxy or NAT maps another one. */
    @Min(0)
    @Max(65535)
    private int advertisedPort = 0;

    /** How long a query retries while stores move between instances (a rebalance, a restart) before a 503. */
    @NotNull
    @MinDuration(value = 0, unit = TimeUnit.MILLISECONDS, inclusive = true)
    private Duration unavailableRetry = Duration.seconds(5);

    /** How long a peer may take to connect and to start its answer. */
    @NotNull
    @MinDuration(value = 100, unit = TimeUnit.MILLISECONDS)
    private Duration peerTimeout = Duration.seconds(10);

    /** This instance's address, given the port its application connector listens on. */
    public HostInfo advertised(int applicationPort) {
        return new HostInfo(advertisedHost, advertisedPort == 0 ? applicationPort : advertisedPort);
    }

    @JsonProperty
    public String getAdvertisedHost() {
        return advertisedHost;
    }

    @JsonProperty
    public void setAdvertisedHost(String advertisedHost) {
        this.advertisedHost = advertisedHost;
    }

    @JsonProperty
    public int getAdvertisedPort() {
        return advertisedPort;
    }

    @JsonProperty
    public void setAdvertisedPort(int advertisedPort) {
        this.advertisedPort = advertisedPort;
    }

    @JsonProperty
    public Duration getUnavailableRetry() {
        return unavailableRetry;
    }

    @JsonProperty
    public void setUnavailableRetry(Duration unavailableRetry) {
        this.unavailableRetry = unavailableRetry;
    }

    @JsonProperty
    public Duration getPeerTimeout() {
        return peerTimeout;
    }

    @JsonProperty
    public void setPeerTimeout(Duration peerTimeout) {
        this.peerTimeout = peerTimeout;
    }
}
