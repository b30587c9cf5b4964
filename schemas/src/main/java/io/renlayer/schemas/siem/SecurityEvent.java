package io.renlayer.schemas.siem;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A security-relevant fact as an OCSF event, on {@code renlayer.security-events.v1} (key: tenant id) and in webhook
 * bodies. The OCSF class ({@code class_uid}) says what kind of event it is; {@code unmapped.event_type} says which
 * RenLayer event it is, for filtering ({@code policy.denied}, {@code dlp.blocked}, ...). The mapping is in
 * {@code docs/siem.md}. Constant and derived attributes (class and type names, captions) are written, not read.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "class_uid")
@JsonSubTypes({
        @JsonSubTypes.Type(value = HttpActivity.class, name = "" + HttpActivity.CLASS_UID),
        @JsonSubTypes.Type(value = DataSecurityFinding.class, name = "" + DataSecurityFinding.CLASS_UID),
        @JsonSubTypes.Type(value = EntityManagement.class, name = "" + EntityManagement.CLASS_UID)
})
public sealed interface SecurityEvent permits HttpActivity, DataSecurityFinding, EntityManagement {

    @JsonProperty
    int classUid();

    @JsonProperty
    String className();

    @JsonProperty
    int categoryUid();

    @JsonProperty
    String categoryName();

    int activityId();

    @JsonProperty
    String activityName();

    /** OCSF: {@code class_uid * 100 + activity_id}. */
    @JsonProperty
    default long typeUid() {
        return classUid() * 100L + activityId();
    }

    @JsonProperty
    default String typeName() {
        return className() + ": " + activityName();
    }

    /** Milliseconds since the epoch, when the fact occurred. */
    long time();

    int severityId();

    @JsonProperty
    default String severity() {
        return Ocsf.severity(severityId());
    }

    String message();

    Ocsf.Metadata metadata();

    RenLayerContext unmapped();
}
