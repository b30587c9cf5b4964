package io.renlayer.streams.security;

import io.renlayer.schemas.siem.SecurityEvent;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;

import java.util.Optional;
import java.util.function.Function;

/** Turns each input record into at most one security event, keyed by tenant id (what webhooks are configured by). */
public final class SecurityEventProcessor<V> implements Processor<String, V, String, SecurityEvent> {

    private final Function<V, Optional<SecurityEvent>> mapping;
    private ProcessorContext<String, SecurityEvent> context;

    private SecurityEventProcessor(Function<V, Optional<SecurityEvent>> mapping) {
        this.mapping = mapping;
    }

    public static <V> ProcessorSupplier<String, V, String, SecurityEvent> supplier(
            Function<V, Optional<SecurityEvent>> mapping) {
        return () -> new SecurityEventProcessor<>(mapping);
    }

    @Override
    public void init(ProcessorContext<String, SecurityEvent> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, V> record) {
        if (record.value() != null) {
            mapping.apply(record.value()).ifPresent(event ->
                    context.forward(record.withKey(event.unmapped().tenantId()).withValue(event)));
        }
    }
}
