package io.renlayer.streams;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.renlayer.kit.kafka.KafkaFactory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

public class StreamsConfiguration extends Configuration {

    @Valid
    @NotNull
    private KafkaFactory kafka = new KafkaFactory();

    @JsonProperty
    public KafkaFactory getKafka() {
        return kafka;
    }

    @JsonProperty
    public void setKafka(KafkaFactory kafka) {
        this.kafka = kafka;
    }
}
