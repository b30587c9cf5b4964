package io.renlayer.schemas.siem;

import java.util.List;
import java.util.Locale;

/** OCSF HTTP Activity (4002) with the security-control profile: a request a policy denied. */
public record HttpActivity(
        int activityId,
        long time,
        int severityId,
        String message,
        int actionId,
        int dispositionId,
        boolean isAlert,
        Ocsf.Policy policy,
        Ocsf.HttpRequest httpRequest,
        Ocsf.Endpoint dstEndpoint,
        Ocsf.Actor actor,
        Ocsf.Metadata metadata,
        RenLayerContext unmapped) implements SecurityEvent, SecurityControl {

    public static final int CLASS_UID = 4002;
    private static final int OTHER = 99;
    /** OCSF's HTTP Activity activities 1..9, in order. */
    private static final List<String> METHODS =
            List.of("CONNECT", "DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT", "TRACE", "PATCH");

    /** The activity of an HTTP method: its position in OCSF's list, or 99 (Other) for any other method. */
    public static int activityOf(String method) {
        int index = METHODS.indexOf(method.toUpperCase(Locale.ROOT));
        return index < 0 ? OTHER : index + 1;
    }

    @Override
    public int classUid() {
        return CLASS_UID;
    }

    @Override
    public String className() {
        return "HTTP Activity";
    }

    @Override
    public int categoryUid() {
        return 4;
    }

    @Override
    public String categoryName() {
        return "Network Activity";
    }

    @Override
    public String activityName() {
        if (activityId < 1 || activityId > METHODS.size()) {
            return "Other";
        }
        String method = METHODS.get(activityId - 1);
        return method.charAt(0) + method.substring(1).toLowerCase(Locale.ROOT);
    }
}
