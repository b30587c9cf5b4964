package io.renlayer.proxy;

import io.renlayer.kit.config.KafkaServiceConfiguration;

public class ProxyConfiguration extends KafkaServiceConfiguration {
}
