package io.renlayer.streams;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.renlayer.kit.config.KafkaServiceConfiguration;
import io.renlayer.streams.config.KafkaStreamsConfig;
import io.renlayer.streams.config.QueryConfig;
import io.renlayer.streams.config.TopologyConfig;
import io.renlayer.streams.config.WebhooksConfig;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

public class StreamsConfiguration extends KafkaServiceConfiguration {

    @Valid
    @NotNull
    private KafkaStreamsConfig streams = new KafkaStreamsConfig();

    @Valid
    @NotNull
    private TopologyConfig topology = new TopologyConfig();

    @Valid
    @NotNull
    private QueryConfig query = new QueryConfig();

    @JsonProperty
    public KafkaStreamsConfig getStreams() {
        return streams;
    }

    @JsonProperty
    public void setStreams(KafkaStreamsConfig streams) {
        this.streams = streams;
    }

    @JsonProperty
    public TopologyConfig getTopology() {
        return topology;
    }

    @JsonProperty
    public void setTopology(TopologyConfig topology) {
        this.topology = topology;
    }

    @Valid
    @NotNull
    private WebhooksConfig webhooks = new WebhooksConfig();

    @JsonProperty
    public WebhooksConfig getWebhooks() {
        return webhooks;
    }

    @JsonProperty
    public void setWebhooks(WebhooksConfig webhooks) {
        this.webhooks = webhooks;
    }

    @JsonProperty
    public QueryConfig getQuery() {
        return query;
    }

    @JsonProperty
    public void setQuery(QueryConfig query) {
        this.query = query;
    }
}
