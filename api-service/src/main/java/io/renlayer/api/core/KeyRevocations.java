package io.renlayer.api.core;

import io.renlayer.schemas.Topics;
import io.renlayer.schemas.events.KeyRevoked;
import io.renlayer.schemas.ids.IdType;
import io.renlayer.schemas.ids.TypedId;

/** Announces a revoked key to security tooling (webhooks, SIEM) with the commit that revokes it. */
public final class KeyRevocations {

    public static void revoked(Tx tx, ApiKey key) {
        tx.emit(Topics.CONTROL_EVENTS, tx.tenantId(), new KeyRevoked(TypedId.newId(IdType.EVENT), tx.tenantId(),
                key.agentId(), key.id(), key.prefix(), tx.actorId(), tx.now()));
    }

    private KeyRevocations() {
    }
}
