package io.renlayer.streams;

import io.renlayer.kit.config.KafkaServiceConfiguration;

public class StreamsConfiguration extends KafkaServiceConfiguration {
}
