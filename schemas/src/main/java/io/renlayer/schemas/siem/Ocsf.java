package io.renlayer.schemas.siem;

import java.util.List;

/**
 * The OCSF objects RenLayer's security events are made of, with the attribute names and captions of the OCSF
 * dictionary (version {@link #VERSION}). Only the attributes RenLayer fills are modelled.
 */
public final class Ocsf {

    public static final String VERSION = "1.8.0";
    public static final Product PRODUCT = new Product("RenLayer", "RenLayer");
    /** Named in {@code metadata.profiles} by events that report a security control's outcome. */
    public static final String SECURITY_CONTROL_PROFILE = "security_control";

    public static final int SEVERITY_INFORMATIONAL = 1;
    public static final int SEVERITY_LOW = 2;
    public static final int SEVERITY_MEDIUM = 3;
    public static final int SEVERITY_HIGH = 4;

    /** {@code user.type_id} 4: agents act under service identities, not as people. */
    public static final int USER_TYPE_SERVICE = 4;

    public record Product(String name, String vendorName) {
    }

    /**
     * @param uid              this security event's own id (stable across reprocessing)
     * @param originalEventUid the id of the RenLayer event it was derived from
     * @param correlationUid   the trace id, for events about one request
     */
    public record Metadata(String version, Product product, String uid, String originalEventUid,
                           String correlationUid, String tenantUid, List<String> profiles) {
    }

    public record User(String uid, Integer typeId, String type, String credentialUid) {

        /** An agent: a service identity acting with the API key {@code keyId}. */
        public static User agent(String agentId, String keyId) {
            return new User(agentId, USER_TYPE_SERVICE, "Service", keyId);
        }
    }

    /** The agent's {@code X-RenLayer-Session}. */
    public record Session(String uid) {
    }

    public record Actor(User user, Session session) {
    }

    public record Endpoint(String hostname, Integer port) {
    }

    public record Url(String hostname, Integer port, String path) {
    }

    public record HttpRequest(String httpMethod, Url url) {
    }

    /** The policy that decided; a default action has no uid, only a name. */
    public record Policy(String uid, String name, String desc) {
    }

    public record FindingInfo(String uid, String title, List<String> types) {
    }

    public record DataSecurity(int dataLifecycleStateId, String dataLifecycleState, int detectionSystemId,
                               String detectionSystem, String detectionPattern) {
    }

    public record ManagedEntity(String uid, String name, String type, User user) {
    }

    public static String severity(int severityId) {
        return switch (severityId) {
            case SEVERITY_INFORMATIONAL -> "Informational";
            case SEVERITY_LOW -> "Low";
            case SEVERITY_MEDIUM -> "Medium";
            case SEVERITY_HIGH -> "High";
            case 5 -> "Critical";
            case 6 -> "Fatal";
            default -> "Unknown";
        };
    }

    private Ocsf() {
    }
}
