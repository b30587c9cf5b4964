package io.renlayer.streams.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import java.util.concurrent.TimeUnit;

/** The {@code streams:} section: how this instance runs its share of the Kafka Streams application. */
public class KafkaStreamsConfig {

    /** Names the consumer group and the changelog topics: every instance of one deployment uses the same. */
    @NotEmpty
    private String applicationId = "renlayer-streams";

    /** Local state (RocksDB), rebuilt from the changelogs when lost; kept out of /tmp, which the OS may clean. */
    @NotEmpty
    private String stateDir = ".renlayer/streams-processor/state";

    @Min(1)
    private int threads = 1;

    /** Replicas of the topics Streams creates (changelogs); -1 takes the broker's default.replication.factor. */
    @Min(-1)
    private int replicationFactor = -1;

    /** Warm copies of each store on other instances, so that queries keep answering while an instance restarts. */
    @Min(0)
    private int standbyReplicas = 0;

    /** How long a silent instance keeps its partitions: after a crash, the others take them over after this. */
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration sessionTimeout = Duration.seconds(45);

    @JsonProperty
    public Duration getSessionTimeout() {
        return sessionTimeout;
    }

    @JsonProperty
    public void setSessionTimeout(Duration sessionTimeout) {
        this.sessionTimeout = sessionTimeout;
    }

    @JsonProperty
    public String getApplicationId() {
        return applicationId;
    }

    @JsonProperty
    public void setApplicationId(String applicationId) {
        this.applicationId = applicationId;
    }

    @JsonProperty
    public String getStateDir() {
        return stateDir;
    }

    @JsonProperty
    public void setStateDir(String stateDir) {
        this.stateDir = stateDir;
    }

    @JsonProperty
    public int getThreads() {
        return threads;
    }

    @JsonProperty
    public void setThreads(int threads) {
        this.threads = threads;
    }

    @JsonProperty
    public int getReplicationFactor() {
        return replicationFactor;
    }

    @JsonProperty
    public void setReplicationFactor(int replicationFactor) {
        this.replicationFactor = replicationFactor;
    }

    @JsonProperty
    public int getStandbyReplicas() {
        return standbyReplicas;
    }

    @JsonProperty
    public void setStandbyReplicas(int standbyReplicas) {
        this.standbyReplicas = standbyReplicas;
    }
}
