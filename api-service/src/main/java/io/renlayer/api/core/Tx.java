package io.renlayer.api.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.renlayer.api.core.AuditEntry.ActorType;
import io.renlayer.api.db.AuditDao;
import io.renlayer.schemas.ids.IdType;
import io.renlayer.schemas.ids.TypedId;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The one database transaction of a write: the change, its audit entry, its outbox records and its
 * idempotency record commit together or not at all.
 */
public final class Tx {

    record Outgoing(String topic, String key, Object event) {
    }

    private final Handle handle;
    private final WriteRequest request;
    private final ObjectMapper mapper;
    private final Instant now;
    private final List<Outgoing> outgoing = new ArrayList<>();
    private boolean configChanged;

    Tx(Handle handle, WriteRequest request, ObjectMapper mapper, Instant now) {
        this.handle = handle;
        this.request = request;
        this.mapper = mapper;
        this.now = now;
    }

    public <D> D dao(Class<D> type) {
        return handle.attach(type);
    }

    public String tenantId() {
        return request.tenantId();
    }

    public String actorId() {
        return request.caller() == null ? "system" : request.caller().actorId();
    }

    public Instant now() {
        return now;
    }

    /** Records the action; {@code before}/{@code after} are the resource's public views (no secrets). */
    public void audit(String action, String resourceType, String resourceId, Object before, Object after) {
        ObjectNode summary = mapper.createObjectNode();
        summary.set("before", before == null ? null : mapper.valueToTree(before));
        summary.set("after", after == null ? null : mapper.valueToTree(after));
        ActorType actorType = request.caller() == null ? ActorType.SYSTEM
                : request.caller().isSupport() ? ActorType.SUPPORT : ActorType.USER;
        AuditEntry entry = new AuditEntry(TypedId.newId(IdType.AUDIT), tenantId(), actorType, actorId(), action,
                resourceType, resourceId, summary, request.requestId(), request.clientIp(), now);
        dao(AuditDao.class).insert(entry, json(summary));
    }

    /** The tenant's data-plane configuration changed: a new snapshot is published with this commit. */
    public void configChanged() {
        configChanged = true;
    }

    /** An event published (through the outbox) only if this transaction commits. */
    public void emit(String topic, String key, Object event) {
        outgoing.add(new Outgoing(topic, key, event));
    }

    boolean isConfigChanged() {
        return configChanged;
    }

    List<Outgoing> outgoing() {
        return outgoing;
    }

    Handle handle() {
        return handle;
    }

    String json(Object value) {
        try {
            return value instanceof JsonNode node ? mapper.writeValueAsString(node) : mapper.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }
}
