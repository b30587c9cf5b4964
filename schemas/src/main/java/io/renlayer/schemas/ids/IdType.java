package io.renlayer.schemas.ids;

/** Every kind of identifier RenLayer hands out, with the prefix that makes it self-describing in logs. */
public enum IdType {
    TENANT("tenant"),
    USER("user"),
    AGENT("agent"),
    KEY("key"),
    POLICY("pol"),
    DETECTOR("det"),
    PATTERN("pat"),
    ALLOW_LIST("allow"),
    WEBHOOK("wh"),
    DELIVERY("dlv"),
    TRACE("trace"),
    SESSION("sess"),
    AUDIT("audit"),
    GRANT("grant"),
    /** A webhook signing secret (its id, never the secret). */
    SECRET("sec"),
    EVENT("evt");

    private final String prefix;

    IdType(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }
}
