package io.renlayer.schemas.siem;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * OCSF Data Security Finding (2006, activity Create) with the security-control profile: DLP found sensitive data
 * in an agent's request and blocked the request or redacted the data.
 */
public record DataSecurityFinding(
        long time,
        int severityId,
        String message,
        int actionId,
        int dispositionId,
        boolean isAlert,
        Ocsf.FindingInfo findingInfo,
        Ocsf.DataSecurity dataSecurity,
        Ocsf.Endpoint dstEndpoint,
        Ocsf.Actor actor,
        Ocsf.Metadata metadata,
        RenLayerContext unmapped) implements SecurityEvent, SecurityControl {

    public static final int CLASS_UID = 2006;

    @Override
    public int classUid() {
        return CLASS_UID;
    }

    @Override
    public String className() {
        return "Data Security Finding";
    }

    @Override
    public int categoryUid() {
        return 2;
    }

    @Override
    public String categoryName() {
        return "Findings";
    }

    @JsonProperty
    @Override
    public int activityId() {
        return 1;
    }

    @Override
    public String activityName() {
        return "Create";
    }

    /** OCSF finding status New: RenLayer reports findings; reviewing them is the SIEM's business. */
    @JsonProperty
    public int statusId() {
        return 1;
    }

    @JsonProperty
    public String status() {
        return "New";
    }
}
