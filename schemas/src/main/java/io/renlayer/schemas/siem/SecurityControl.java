package io.renlayer.schemas.siem;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The OCSF {@code security_control} profile: what RenLayer, as the control, did about the activity. */
public interface SecurityControl {

    /** The request was refused: action Denied, disposition Blocked. */
    int ACTION_DENIED = 2;
    int DISPOSITION_BLOCKED = 2;
    /** The request went on with the sensitive data replaced: action Modified, disposition Corrected. */
    int ACTION_MODIFIED = 4;
    int DISPOSITION_CORRECTED = 11;

    int actionId();

    int dispositionId();

    boolean isAlert();

    @JsonProperty
    default String action() {
        return switch (actionId()) {
            case ACTION_DENIED -> "Denied";
            case ACTION_MODIFIED -> "Modified";
            default -> "Other";
        };
    }

    @JsonProperty
    default String disposition() {
        return switch (dispositionId()) {
            case DISPOSITION_BLOCKED -> "Blocked";
            case DISPOSITION_CORRECTED -> "Corrected";
            default -> "Other";
        };
    }
}
