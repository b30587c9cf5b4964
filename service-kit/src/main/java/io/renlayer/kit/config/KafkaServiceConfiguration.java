package io.renlayer.kit.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.renlayer.kit.kafka.KafkaFactory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** The configuration every RenLayer service starts from: Dropwizard's, plus the {@code kafka:} section. */
public class KafkaServiceConfiguration extends Configuration {

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
