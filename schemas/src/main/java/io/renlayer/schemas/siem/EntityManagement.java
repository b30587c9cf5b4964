package io.renlayer.schemas.siem;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * OCSF Entity Management (3004), activity Disable: an operator revoked an agent's API key. The key is the managed
 * entity; it stays on record but can no longer be used, which OCSF calls Disable (Delete would say it is gone).
 */
public record EntityManagement(
        long time,
        int severityId,
        String message,
        Ocsf.ManagedEntity entity,
        Ocsf.Actor actor,
        Ocsf.Metadata metadata,
        RenLayerContext unmapped) implements SecurityEvent {

    public static final int CLASS_UID = 3004;

    @Override
    public int classUid() {
        return CLASS_UID;
    }

    @Override
    public String className() {
        return "Entity Management";
    }

    @Override
    public int categoryUid() {
        return 3;
    }

    @Override
    public String categoryName() {
        return "Identity & Access Management";
    }

    @JsonProperty
    @Override
    public int activityId() {
        return 9;
    }

    @Override
    public String activityName() {
        return "Disable";
    }
}
