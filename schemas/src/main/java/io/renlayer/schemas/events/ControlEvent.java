package io.renlayer.schemas.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.time.Instant;

/** Security-relevant facts from the control plane, on {@code renlayer.control-events.v1}, keyed by tenant. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes(@JsonSubTypes.Type(value = KeyRevoked.class, name = KeyRevoked.TYPE))
public sealed interface ControlEvent permits KeyRevoked {

    String eventId();

    String tenantId();

    Instant occurredAt();
}
