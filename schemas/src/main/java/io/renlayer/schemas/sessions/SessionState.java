package io.renlayer.schemas.sessions;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A session is open while traces keep coming; it closes after an idle gap and reopens if its id is used again. */
public enum SessionState {
    @JsonProperty("open") OPEN,
    @JsonProperty("closed") CLOSED
}
