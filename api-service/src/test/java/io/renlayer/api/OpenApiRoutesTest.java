package io.renlayer.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.jackson.Jackson;
import io.renlayer.api.api.AgentInput;
import io.renlayer.api.api.AllowListInput;
import io.renlayer.api.api.DetectorPatch;
import io.renlayer.api.api.EvaluateRequest;
import io.renlayer.api.api.EvaluateResponse;
import io.renlayer.schemas.problem.FieldError;
import io.renlayer.api.api.KeyCreated;
import io.renlayer.api.api.KeyInput;
import io.renlayer.api.api.OidcExchange;
import io.renlayer.api.api.OtpStart;
import io.renlayer.api.api.OtpVerify;
import io.renlayer.api.api.Page;
import io.renlayer.api.api.PatternInput;
import io.renlayer.api.api.PolicyInput;
import io.renlayer.schemas.problem.Problem;
import io.renlayer.api.api.SecretRotated;
import io.renlayer.api.api.SupportGrantInput;
import io.renlayer.api.api.TenantPatch;
import io.renlayer.api.api.TokenResponse;
import io.renlayer.api.api.UserInput;
import io.renlayer.api.api.WebhookCreated;
import io.renlayer.api.api.WebhookInput;
import io.renlayer.api.auth.MinRole;
import io.renlayer.api.core.Agent;
import io.renlayer.api.core.ApiKey;
import io.renlayer.api.core.AuditEntry;
import io.renlayer.api.core.DlpAllowList;
import io.renlayer.api.core.DlpPattern;
import io.renlayer.api.core.EffectiveDetectors;
import io.renlayer.api.core.Policy;
import io.renlayer.api.core.SupportGrant;
import io.renlayer.api.core.Tenant;
import io.renlayer.api.core.User;
import io.renlayer.api.core.Webhook;
import io.renlayer.api.resources.OpenApiResource;
import io.renlayer.schemas.config.OidcSettings;
import io.renlayer.schemas.config.PolicyMatch;
import io.renlayer.schemas.config.TenantSettings;
import io.renlayer.schemas.events.DlpFinding;
import io.renlayer.schemas.json.Json;
import jakarta.ws.rs.Path;
import io.renlayer.api.api.SessionDetail;
import io.renlayer.api.api.WebhookTestResult;
import io.renlayer.schemas.events.TokenUsage;
import io.renlayer.schemas.query.QueryApi;
import io.renlayer.schemas.sessions.DecisionCounts;
import io.renlayer.schemas.sessions.LatencyStats;
import io.renlayer.schemas.sessions.SessionSummary;
import io.renlayer.schemas.traces.Trace;
import io.renlayer.schemas.webhooks.DeliveryAttempt;
import org.assertj.core.api.SoftAssertions;
import org.glassfish.jersey.server.model.Parameter;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The published OpenAPI document and the routes the server registers agree: every served (method, path) is
 * documented and every documented one is served, with the same parameters, body, authentication and minimum role;
 * the document is well-formed OpenAPI 3.1 and its schemas name exactly the fields the API's JSON mapper writes.
 * Plain unit test: the Jersey resource model is built from the resource classes, nothing is started.
 */
class OpenApiRoutesTest {

    private static final String RESOURCES_PACKAGE = "io.renlayer.api.resources";
    private static final String TENANT_PREFIX = "/v1/tenants/{tenant_id}";
    private static final List<String> HTTP_METHODS =
            List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final Pattern TEMPLATE_VAR = Pattern.compile("\\{([^}]+)}");

    /** Response (and request) bodies and the Java types the server (de)serialises them from. */
    private static final Map<String, Class<?>> WIRE_TYPES = new LinkedHashMap<>();
    /** Request schemas that document only part of the record (the rest is rejected by validation). */
    private static final Map<String, Class<?>> PARTIAL_WIRE_TYPES = Map.of("UserRoleChange", UserInput.class);
    /** Object schemas with no Java record behind them (a Map, an external format, this document). */
    private static final Set<String> NOT_RECORDS = Set.of("OtpStartAccepted", "Jwk", "Jwks", "OpenApiDocument");

    static {
        // responses
        WIRE_TYPES.put("Problem", Problem.class);
        WIRE_TYPES.put("FieldError", FieldError.class);
        WIRE_TYPES.put("TokenResponse", TokenResponse.class);
        WIRE_TYPES.put("Tenant", Tenant.class);
        WIRE_TYPES.put("TenantSettings", TenantSettings.class);
        WIRE_TYPES.put("OidcSettings", OidcSettings.class);
        WIRE_TYPES.put("User", User.class);
        WIRE_TYPES.put("Agent", Agent.class);
        WIRE_TYPES.put("ApiKey", ApiKey.class);
        WIRE_TYPES.put("ApiKeyCreated", KeyCreated.class);
        WIRE_TYPES.put("Policy", Policy.class);
        WIRE_TYPES.put("PolicyMatch", PolicyMatch.class);
        WIRE_TYPES.put("EvaluateResponse", EvaluateResponse.class);
        WIRE_TYPES.put("DlpFinding", DlpFinding.class);
        WIRE_TYPES.put("Detector", EffectiveDetectors.View.class);
        WIRE_TYPES.put("DlpPattern", DlpPattern.class);
        WIRE_TYPES.put("DlpAllowList", DlpAllowList.class);
        WIRE_TYPES.put("Webhook", Webhook.class);
        WIRE_TYPES.put("WebhookCreated", WebhookCreated.class);
        WIRE_TYPES.put("SigningSecretRotated", SecretRotated.class);
        WIRE_TYPES.put("SupportGrant", SupportGrant.class);
        WIRE_TYPES.put("AuditEntry", AuditEntry.class);
        WIRE_TYPES.put("Trace", Trace.class);
        WIRE_TYPES.put("TokenUsage", TokenUsage.class);
        WIRE_TYPES.put("Session", SessionSummary.class);
        WIRE_TYPES.put("DecisionCounts", DecisionCounts.class);
        WIRE_TYPES.put("LatencyStats", LatencyStats.class);
        WIRE_TYPES.put("SessionDetail", SessionDetail.class);
        WIRE_TYPES.put("DeliveryAttempt", DeliveryAttempt.class);
        WIRE_TYPES.put("WebhookTestResult", WebhookTestResult.class);
        // requests
        WIRE_TYPES.put("OtpStartRequest", OtpStart.class);
        WIRE_TYPES.put("OtpVerifyRequest", OtpVerify.class);
        WIRE_TYPES.put("OidcExchangeRequest", OidcExchange.class);
        WIRE_TYPES.put("TenantUpdate", TenantPatch.class);
        WIRE_TYPES.put("TenantSettingsUpdate", TenantPatch.SettingsPatch.class);
        WIRE_TYPES.put("UserInvite", UserInput.class);
        WIRE_TYPES.put("AgentCreate", AgentInput.class);
        WIRE_TYPES.put("AgentUpdate", AgentInput.class);
        WIRE_TYPES.put("ApiKeyCreate", KeyInput.class);
        WIRE_TYPES.put("PolicyCreate", PolicyInput.class);
        WIRE_TYPES.put("PolicyUpdate", PolicyInput.class);
        WIRE_TYPES.put("PolicyMatchInput", PolicyMatch.class);
        WIRE_TYPES.put("EvaluateRequest", EvaluateRequest.class);
        WIRE_TYPES.put("DetectorUpdate", DetectorPatch.class);
        WIRE_TYPES.put("DlpPatternCreate", PatternInput.class);
        WIRE_TYPES.put("DlpPatternUpdate", PatternInput.class);
        WIRE_TYPES.put("DlpAllowListCreate", AllowListInput.class);
        WIRE_TYPES.put("DlpAllowListUpdate", AllowListInput.class);
        WIRE_TYPES.put("WebhookCreate", WebhookInput.class);
        WIRE_TYPES.put("WebhookUpdate", WebhookInput.class);
        WIRE_TYPES.put("SupportGrantCreate", SupportGrantInput.class);
    }

    /** The server's mapper: Dropwizard's, with RenLayer's convention (see ApiServices). */
    private static final ObjectMapper API_MAPPER = Json.configure(Jackson.newObjectMapper())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static String documentText;
    private static JsonNode doc;
    private static List<Class<?>> resourceClasses;
    private static Map<Route, ResourceMethod> served;
    private static Map<Route, JsonNode> documented;

    record Route(String method, String path) implements Comparable<Route> {
        @Override
        public int compareTo(Route o) {
            int byPath = path.compareTo(o.path);
            return byPath != 0 ? byPath : method.compareTo(o.method);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(OpenApiResource.DOCUMENT)) {
            assertThat(in).as(OpenApiResource.DOCUMENT + " on the classpath (the schemas jar)").isNotNull();
            documentText = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ObjectMapper strict = new ObjectMapper()
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        doc = strict.readTree(documentText);
        resourceClasses = resourceClasses();
        served = servedRoutes(resourceClasses);
        documented = documentedOperations();
    }

    // ------------------------------------------------------------------------------------------------------------
    // The document is the one served, and well-formed
    // ------------------------------------------------------------------------------------------------------------

    @Test
    void openApiResourceServesTheDocumentFromTheClasspath() throws IOException {
        assertThat(OpenApiResource.DOCUMENT).isEqualTo("/openapi/renlayer-api.v1.json");
        assertThat(new OpenApiResource().get()).isEqualTo(documentText);

        // In a checkout, the classpath copy (the installed schemas jar) must be the source file: otherwise this
        // test would pass on a stale document while the edited one is never checked.
        java.nio.file.Path source = java.nio.file.Path.of("..", "schemas", "src", "main", "resources", "openapi",
                "renlayer-api.v1.json");
        if (Files.isRegularFile(source)) {
            assertThat(Files.readString(source, StandardCharsets.UTF_8).equals(documentText))
                    .as("schemas/src/main/resources/openapi/renlayer-api.v1.json differs from the copy on the "
                            + "classpath: install the schemas module again (./mvnw -o -q install -DskipTests -pl schemas)")
                    .isTrue();
        }
    }

    @Test
    void documentIsOpenApi31() {
        assertThat(doc.path("openapi").asText()).matches("3\\.1\\.\\d+");
        assertThat(doc.path("info").path("title").asText()).isNotBlank();
        assertThat(doc.path("info").path("version").asText()).isNotBlank();
        assertThat(doc.path("paths").isObject()).isTrue();
        assertThat(doc.path("components").path("schemas").isObject()).isTrue();
        doc.path("paths").fieldNames().forEachRemaining(p -> assertThat(p).as("path key").startsWith("/"));
    }

    @Test
    void everyRefResolves() {
        List<String> broken = new ArrayList<>();
        walk(doc, "#", (node, where) -> {
            JsonNode ref = node.get("$ref");
            if (ref != null) {
                if (!ref.isTextual() || !ref.asText().startsWith("#/")) {
                    broken.add(where + ": " + ref + " (only local references are allowed)");
                } else if (doc.at(JsonPointer.compile(ref.asText().substring(1))).isMissingNode()) {
                    broken.add(where + ": " + ref.asText());
                }
            }
        });
        assertThat(broken).as("unresolved $refs").isEmpty();
    }

    @Test
    void schemasUseJsonSchema2020Nullability() {
        // OpenAPI 3.1 schemas are JSON Schema 2020-12: "nullable" (3.0) does not exist there.
        List<String> found = new ArrayList<>();
        walkSchemas((schema, where) -> {
            if (schema.has("nullable")) {
                found.add(where);
            }
        });
        assertThat(found).as("schemas using the OpenAPI 3.0 'nullable' keyword").isEmpty();
    }

    @Test
    void operationsHaveUniqueIdsTagsAndASuccessResponse() {
        Set<String> tags = new TreeSet<>();
        doc.path("tags").forEach(t -> tags.add(t.path("name").asText()));
        Map<String, Route> ids = new HashMap<>();
        operations().forEach((route, op) -> {
            String id = op.path("operationId").asText("");
            assertThat(id).as(route + " operationId").matches("[A-Za-z][A-Za-z0-9]*");
            Route other = ids.put(id, route);
            assertThat(other).as("operationId " + id + " of " + route + " is also used by").isNull();
            assertThat(op.path("summary").asText()).as(route + " summary").isNotBlank();
            assertThat(op.path("description").asText()).as(route + " description").isNotBlank();
            assertThat(op.path("tags").size()).as(route + " tags").isPositive();
            op.path("tags").forEach(t -> assertThat(tags).as(route + " tag").contains(t.asText()));
            List<String> codes = new ArrayList<>();
            op.path("responses").fieldNames().forEachRemaining(codes::add);
            assertThat(codes).as(route + " responses").anyMatch(c -> c.matches("2\\d\\d"));
        });
    }

    @Test
    void responsesHaveTheRightMediaTypesAndHeaders() {
        operations().forEach((route, op) -> op.path("responses").fields().forEachRemaining(e -> {
            String code = e.getKey();
            JsonNode response = deref(e.getValue());
            String where = route + " " + code;
            assertThat(response.path("description").asText()).as(where + " description").isNotBlank();
            assertThat(response.path("headers").has("X-Request-Id")).as(where + " X-Request-Id header").isTrue();
            if (code.startsWith("4") || code.startsWith("5") || code.equals("default")) {
                assertThat(names(response.path("content"))).as(where + " media types")
                        .containsExactly("application/problem+json");
                assertThat(response.path("content").path("application/problem+json").path("schema")
                        .path("$ref").asText()).as(where + " schema").isEqualTo("#/components/schemas/Problem");
            } else if (code.equals("204")) {
                assertThat(response.has("content")).as(where + " has no body").isFalse();
            } else {
                assertThat(code).as(where).matches("2\\d\\d");
                assertThat(names(response.path("content"))).as(where + " media types")
                        .containsExactly(route.path().endsWith("/export") ? QueryApi.NDJSON : "application/json");
            }
            if (code.equals("201")) {
                assertThat(response.path("headers").has("Location")).as(where + " Location header").isTrue();
            }
        }));
    }

    // ------------------------------------------------------------------------------------------------------------
    // Document and server agree
    // ------------------------------------------------------------------------------------------------------------

    @Test
    void everyResourceClassIsRegisteredByTheApplication() throws IOException {
        // Register calls (`jersey.register(new XResource(...))`) put the class in ApiApplication's constant pool.
        String bytecode;
        try (InputStream in = OpenApiRoutesTest.class.getResourceAsStream("/io/renlayer/api/ApiApplication.class")) {
            assertThat(in).isNotNull();
            bytecode = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        for (Class<?> resource : resourceClasses) {
            assertThat(bytecode).as(resource.getSimpleName() + " is registered in ApiApplication")
                    .contains(resource.getName().replace('.', '/'));
        }
    }

    @Test
    void documentedRoutesAreExactlyTheServedRoutes() {
        Set<Route> inDocument = new TreeSet<>(operations().keySet());
        Set<Route> registered = new TreeSet<>(served.keySet());

        Set<Route> undocumented = new TreeSet<>(registered);
        undocumented.removeAll(inDocument);
        Set<Route> notServed = new TreeSet<>(inDocument);
        notServed.removeAll(registered);

        SoftAssertions.assertSoftly(soft -> {
            soft.assertThat(undocumented).as("routes the server registers that the OpenAPI document does not describe")
                    .isEmpty();
            soft.assertThat(notServed).as("routes the OpenAPI document describes that no resource serves").isEmpty();
        });
    }

    @Test
    void parametersMatchTheResourceMethods() {
        served.forEach((route, method) -> {
            JsonNode op = operation(route);
            if (op == null) {
                return; // reported by documentedRoutesAreExactlyTheServedRoutes
            }
            List<JsonNode> params = parameters(route);

            Set<String> templateVars = new TreeSet<>();
            Matcher m = TEMPLATE_VAR.matcher(route.path());
            while (m.find()) {
                templateVars.add(m.group(1));
            }
            assertThat(namesIn(params, "path")).as(route + " path parameters").isEqualTo(templateVars);
            params.stream().filter(p -> p.path("in").asText().equals("path")).forEach(p ->
                    assertThat(p.path("required").asBoolean()).as(route + " " + p.path("name") + " required").isTrue());

            Set<String> javaQuery = method.getInvocable().getParameters().stream()
                    .filter(p -> p.getSource() == Parameter.Source.QUERY)
                    .map(Parameter::getSourceName)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(namesIn(params, "query")).as(route + " query parameters").isEqualTo(javaQuery);

            Set<String> javaPath = method.getInvocable().getParameters().stream()
                    .filter(p -> p.getSource() == Parameter.Source.PATH)
                    .map(Parameter::getSourceName)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(templateVars).as(route + " @PathParam names exist in the template").containsAll(javaPath);

            assertThat(namesIn(params, "header")).as(route + " header parameters").contains("X-Request-Id");
            boolean write = Set.of("POST", "PATCH", "DELETE").contains(route.method());
            if (write && route.path().startsWith(TENANT_PREFIX)) {
                assertThat(namesIn(params, "header")).as(route + " takes Idempotency-Key").contains("Idempotency-Key");
            }

            boolean javaEntity = method.getInvocable().getParameters().stream()
                    .anyMatch(p -> p.getSource() == Parameter.Source.ENTITY);
            assertThat(op.has("requestBody")).as(route + " documents a request body iff the method reads one")
                    .isEqualTo(javaEntity);
            if (op.has("requestBody")) {
                assertThat(names(deref(op.get("requestBody")).path("content"))).as(route + " request media types")
                        .containsExactly("application/json");
            }
        });
    }

    @Test
    void successSchemasMatchTheReturnTypes() {
        // Methods that return an entity (not a Response) show their body type; the documented schema must be it.
        served.forEach((route, method) -> {
            JsonNode op = operation(route);
            java.lang.reflect.Method java = method.getInvocable().getHandlingMethod();
            Class<?> returned = java.getReturnType();
            if (op == null || returned == jakarta.ws.rs.core.Response.class || returned == String.class
                    || returned == void.class) {
                return;
            }
            List<String> success = new ArrayList<>();
            op.path("responses").fieldNames().forEachRemaining(c -> {
                if (c.startsWith("2")) {
                    success.add(c);
                }
            });
            assertThat(success).as(route + " success responses").hasSize(1);
            String schema = refName(deref(op.path("responses").get(success.getFirst())).path("content")
                    .path("application/json").path("schema"));
            if (returned == Page.class) {
                Type item = ((ParameterizedType) java.getGenericReturnType()).getActualTypeArguments()[0];
                assertThat(schema).as(route + " returns a page").endsWith("Page");
                String itemSchema = refName(doc.path("components").path("schemas").path(schema)
                        .path("properties").path("data").path("items"));
                assertThat(WIRE_TYPES.get(itemSchema)).as(route + " page items (" + itemSchema + ")").isEqualTo(item);
            } else {
                assertThat(WIRE_TYPES.get(schema)).as(route + " body (" + schema + ")").isEqualTo(returned);
            }
        });
    }

    private static String refName(JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    @Test
    void authenticationAndMinimumRoleMatchTheCode() {
        JsonNode scheme = doc.path("components").path("securitySchemes").path("bearerAuth");
        assertThat(scheme.path("type").asText()).isEqualTo("http");
        assertThat(scheme.path("scheme").asText()).isEqualTo("bearer");
        assertThat(scheme.path("bearerFormat").asText()).isEqualTo("JWT");
        assertThat(doc.path("security").toString()).isEqualTo("[{\"bearerAuth\":[]}]");

        served.forEach((route, method) -> {
            JsonNode op = operation(route);
            if (op == null) {
                return;
            }
            MinRole minRole = method.getInvocable().getHandlingMethod().getAnnotation(MinRole.class);
            // AuthFilter authenticates exactly the routes with a {tenant_id}; RoleFeature enforces @MinRole.
            if (route.path().contains("{tenant_id}")) {
                assertThat(minRole).as(route + " carries @MinRole (every tenant endpoint does)").isNotNull();
                assertThat(op.has("security")).as(route + " inherits the global bearer security").isFalse();
                assertThat(op.path("x-renlayer-min-role").asText()).as(route + " x-renlayer-min-role")
                        .isEqualTo(minRole.value().wire());
                assertThat(op.path("responses").has("401")).as(route + " documents 401").isTrue();
                assertThat(op.path("responses").has("404")).as(route + " documents 404").isTrue();
                assertThat(op.path("responses").has("403")).as(route + " documents 403 iff a role can be too low")
                        .isEqualTo(minRole.value() != io.renlayer.api.auth.Role.VIEWER);
            } else {
                assertThat(minRole).as(route + " is public: @MinRole would never be satisfied").isNull();
                assertThat(op.path("security").isArray() && op.path("security").isEmpty())
                        .as(route + " is public: security: []").isTrue();
                assertThat(op.has("x-renlayer-min-role")).as(route + " x-renlayer-min-role").isFalse();
            }
        });
    }

    @Test
    void schemasNameExactlyTheSerialisedFields() throws Exception {
        JsonNode schemas = doc.path("components").path("schemas");
        List<String> problems = new ArrayList<>();
        Set<String> checked = new TreeSet<>();
        for (Map.Entry<String, Class<?>> e : WIRE_TYPES.entrySet()) {
            compare(e.getKey(), e.getValue(), false, schemas, problems);
            checked.add(e.getKey());
        }
        for (Map.Entry<String, Class<?>> e : PARTIAL_WIRE_TYPES.entrySet()) {
            compare(e.getKey(), e.getValue(), true, schemas, problems);
            checked.add(e.getKey());
        }
        for (Iterator<String> it = schemas.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (name.endsWith("Page")) {
                compare(name, Page.class, false, schemas, problems);
                checked.add(name);
            }
        }
        // Every object schema is covered, so a new one cannot silently drift from its record.
        schemas.fields().forEachRemaining(e -> {
            if (objectProperties(e.getValue()) != null && !checked.contains(e.getKey())
                    && !NOT_RECORDS.contains(e.getKey())) {
                problems.add(e.getKey() + ": no Java type mapped in OpenApiRoutesTest.WIRE_TYPES");
            }
        });
        assertThat(problems).as("schema properties that differ from what the API's mapper writes").isEmpty();
    }

    @Test
    void requestSchemasAreReadByTheServer() throws Exception {
        // A body with every documented property (set to null) is accepted by the strict API mapper: no
        // documented field is unknown to the server.
        JsonNode schemas = doc.path("components").path("schemas");
        Map<String, Class<?>> requests = new TreeMap<>();
        operations().values().forEach(op -> {
            String ref = deref(op.path("requestBody")).path("content").path("application/json").path("schema")
                    .path("$ref").asText("");
            if (!ref.isEmpty()) {
                String name = ref.substring(ref.lastIndexOf('/') + 1);
                Class<?> type = WIRE_TYPES.containsKey(name) ? WIRE_TYPES.get(name) : PARTIAL_WIRE_TYPES.get(name);
                assertThat(type).as("Java type of request schema " + name).isNotNull();
                requests.put(name, type);
            }
        });
        for (Map.Entry<String, Class<?>> e : requests.entrySet()) {
            var body = API_MAPPER.createObjectNode();
            flattenedProperties(schemas.path(e.getKey())).forEach(p -> body.putNull(p));
            Object read = API_MAPPER.treeToValue(body, e.getValue());
            assertThat(read).as(e.getKey() + " read as " + e.getValue().getSimpleName()).isNotNull();
            assertThat(schemas.path(e.getKey()).path("additionalProperties").asBoolean(true))
                    .as(e.getKey() + ": the server rejects unknown fields, so the schema says additionalProperties: false")
                    .isFalse();
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // Helpers: the served routes
    // ------------------------------------------------------------------------------------------------------------

    /** Every class with @Path in the resources package (a directory in a build, a jar when packaged). */
    private static List<Class<?>> resourceClasses() throws IOException {
        String dir = RESOURCES_PACKAGE.replace('.', '/');
        Set<String> classNames = new TreeSet<>();
        Enumeration<URL> roots = OpenApiRoutesTest.class.getClassLoader().getResources(dir);
        while (roots.hasMoreElements()) {
            URL root = roots.nextElement();
            if (root.getProtocol().equals("file")) {
                try (var files = Files.list(java.nio.file.Path.of(root.toURI()))) {
                    files.map(f -> f.getFileName().toString()).filter(OpenApiRoutesTest::isTopLevelClass)
                            .forEach(f -> classNames.add(RESOURCES_PACKAGE + "." + f.replace(".class", "")));
                } catch (URISyntaxException e) {
                    throw new IllegalStateException(e);
                }
            } else if (root.getProtocol().equals("jar")) {
                try (JarFile jar = ((JarURLConnection) root.openConnection()).getJarFile()) {
                    for (JarEntry entry : Collections.list(jar.entries())) {
                        String name = entry.getName();
                        if (name.startsWith(dir + "/") && name.indexOf('/', dir.length() + 1) < 0
                                && isTopLevelClass(name.substring(dir.length() + 1))) {
                            classNames.add(name.replace('/', '.').replace(".class", ""));
                        }
                    }
                }
            }
        }
        List<Class<?>> classes = new ArrayList<>();
        for (String name : classNames) {
            try {
                Class<?> type = Class.forName(name, false, OpenApiRoutesTest.class.getClassLoader());
                if (type.isAnnotationPresent(Path.class)) {
                    classes.add(type);
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        assertThat(classes).as("resource classes found in " + RESOURCES_PACKAGE)
                .contains(OpenApiResource.class).hasSizeGreaterThan(5);
        return classes;
    }

    private static boolean isTopLevelClass(String fileName) {
        return fileName.endsWith(".class") && !fileName.contains("$") && !fileName.equals("package-info.class");
    }

    /** (method, normalised path) → resource method, from Jersey's own model of each class and its children. */
    private static Map<Route, ResourceMethod> servedRoutes(List<Class<?>> classes) {
        Map<Route, ResourceMethod> routes = new TreeMap<>();
        for (Class<?> type : classes) {
            Resource resource = Resource.from(type);
            assertThat(resource).as("Jersey model of " + type.getName()).isNotNull();
            collect(resource, "", routes);
        }
        return routes;
    }

    private static void collect(Resource resource, String parentPath, Map<Route, ResourceMethod> routes) {
        String path = normalise(parentPath + "/" + (resource.getPath() == null ? "" : resource.getPath()));
        if (resource.getResourceLocator() != null) {
            fail("sub-resource locator at " + path + ": this test (and the document) do not follow locators");
        }
        for (ResourceMethod method : resource.getResourceMethods()) {
            Route route = new Route(method.getHttpMethod().toUpperCase(Locale.ROOT), path);
            ResourceMethod previous = routes.put(route, method);
            assertThat(previous).as("two resource methods serve " + route).isNull();
        }
        for (Resource child : resource.getChildResources()) {
            collect(child, path, routes);
        }
    }

    /** One leading slash, no doubled or trailing ones, {@code {name: regex}} as {@code {name}}. */
    static String normalise(String path) {
        String p = ("/" + path).replaceAll("/{2,}", "/");
        p = p.replaceAll("\\{\\s*([^}:\\s]+)\\s*(:[^}]*)?}", "{$1}");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    // ------------------------------------------------------------------------------------------------------------
    // Helpers: the document
    // ------------------------------------------------------------------------------------------------------------

    private static Map<Route, JsonNode> operations() {
        return documented;
    }

    private static Map<Route, JsonNode> documentedOperations() {
        Map<Route, JsonNode> ops = new TreeMap<>();
        doc.path("paths").fields().forEachRemaining(e -> {
            for (String method : HTTP_METHODS) {
                JsonNode op = e.getValue().get(method);
                if (op != null) {
                    Route route = new Route(method.toUpperCase(Locale.ROOT), normalise(e.getKey()));
                    assertThat(ops.put(route, op)).as("documented twice: " + route).isNull();
                }
            }
        });
        return Collections.unmodifiableMap(ops);
    }

    private static JsonNode operation(Route route) {
        return operations().get(route);
    }

    /** The path item's parameters overridden by the operation's (by name and location), $refs resolved. */
    private static List<JsonNode> parameters(Route route) {
        JsonNode item = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (normalise(e.getKey()).equals(route.path())) {
                item = e.getValue();
            }
        }
        Map<String, JsonNode> byKey = new LinkedHashMap<>();
        Consumer<JsonNode> add = list -> list.forEach(p -> {
            JsonNode param = deref(p);
            byKey.put(param.path("in").asText() + ":" + param.path("name").asText(), param);
        });
        if (item != null) {
            add.accept(item.path("parameters"));
            add.accept(item.path(route.method().toLowerCase(Locale.ROOT)).path("parameters"));
        }
        return List.copyOf(byKey.values());
    }

    private static Set<String> namesIn(List<JsonNode> params, String in) {
        return params.stream().filter(p -> p.path("in").asText().equals(in)).map(p -> p.path("name").asText())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static JsonNode deref(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current != null && current.has("$ref"); hops++) {
            assertThat(hops).as("$ref chain from " + node).isLessThan(10);
            current = doc.at(JsonPointer.compile(current.get("$ref").asText().substring(1)));
        }
        return current;
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void walk(JsonNode node, String where, java.util.function.BiConsumer<JsonNode, String> visit) {
        if (node.isObject()) {
            visit.accept(node, where);
            node.fields().forEachRemaining(e -> walk(e.getValue(), where + "/" + e.getKey(), visit));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), where + "/" + i, visit);
            }
        }
    }

    /** Every schema object: components, parameters, media types, and their subschemas. */
    private static void walkSchemas(java.util.function.BiConsumer<JsonNode, String> visit) {
        walk(doc, "#", (node, where) -> node.fields().forEachRemaining(e -> {
            if (e.getKey().equals("schema")) {
                walkSchema(e.getValue(), where + "/schema", visit);
            }
        }));
        doc.path("components").path("schemas").fields().forEachRemaining(e ->
                walkSchema(e.getValue(), "#/components/schemas/" + e.getKey(), visit));
    }

    private static void walkSchema(JsonNode schema, String where, java.util.function.BiConsumer<JsonNode, String> visit) {
        if (!schema.isObject()) {
            return;
        }
        visit.accept(schema, where);
        for (String key : List.of("properties", "patternProperties", "$defs")) {
            schema.path(key).fields().forEachRemaining(e -> walkSchema(e.getValue(), where + "/" + key + "/" + e.getKey(), visit));
        }
        for (String key : List.of("items", "additionalProperties", "not", "propertyNames", "contains")) {
            walkSchema(schema.path(key), where + "/" + key, visit);
        }
        for (String key : List.of("allOf", "anyOf", "oneOf", "prefixItems")) {
            for (int i = 0; i < schema.path(key).size(); i++) {
                walkSchema(schema.path(key).get(i), where + "/" + key + "/" + i, visit);
            }
        }
    }

    /** The names of an object schema's properties, or null when it is not an object schema. */
    private static Set<String> objectProperties(JsonNode schema) {
        if (!schema.has("properties") && !schema.has("allOf")) {
            return null;
        }
        return flattenedProperties(schema);
    }

    private static Set<String> flattenedProperties(JsonNode schema) {
        JsonNode resolved = deref(schema);
        Set<String> names = new TreeSet<>();
        resolved.path("properties").fieldNames().forEachRemaining(names::add);
        resolved.path("allOf").forEach(part -> names.addAll(flattenedProperties(part)));
        return names;
    }

    private static void compare(String schemaName, Class<?> type, boolean partial, JsonNode schemas,
                                List<String> problems) throws Exception {
        JsonNode schema = schemas.get(schemaName);
        if (schema == null) {
            problems.add(schemaName + ": no such schema");
            return;
        }
        Set<String> documented = flattenedProperties(schema);
        Set<String> wire = new TreeSet<>();
        API_MAPPER.valueToTree(sample(type, type)).fieldNames().forEachRemaining(wire::add);
        if (partial ? !wire.containsAll(documented) : !wire.equals(documented)) {
            problems.add(schemaName + " documents " + documented + " but " + type.getSimpleName() + " is " + wire);
        }
        Set<String> required = new TreeSet<>();
        deref(schema).path("required").forEach(r -> required.add(r.asText()));
        deref(schema).path("allOf").forEach(part -> deref(part).path("required").forEach(r -> required.add(r.asText())));
        if (!documented.containsAll(required)) {
            problems.add(schemaName + " requires undocumented properties: " + required);
        }
    }

    /** An instance with every field set (so none is omitted as null), built from record components. */
    private static Object sample(Type type, Type context) throws Exception {
        if (type instanceof java.lang.reflect.TypeVariable<?> variable) {
            // A generic record's field (Page<T>.data) takes the argument of the parameterised type it sits in.
            if (context instanceof ParameterizedType pt) {
                java.lang.reflect.TypeVariable<?>[] declared = ((Class<?>) pt.getRawType()).getTypeParameters();
                for (int i = 0; i < declared.length; i++) {
                    if (declared[i].getName().equals(variable.getName())) {
                        return sample(pt.getActualTypeArguments()[i], pt);
                    }
                }
            }
            return "x";
        }
        Class<?> raw = type instanceof ParameterizedType pt ? (Class<?>) pt.getRawType() : (Class<?>) type;
        if (raw == String.class || raw == Object.class) {
            return "x";
        }
        if (raw == int.class || raw == Integer.class) {
            return 1;
        }
        if (raw == long.class || raw == Long.class) {
            return 1L;
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return true;
        }
        if (raw == Instant.class) {
            return Instant.EPOCH;
        }
        if (JsonNode.class.isAssignableFrom(raw)) {
            return API_MAPPER.createObjectNode().put("k", "v");
        }
        if (raw.isEnum()) {
            return raw.getEnumConstants()[0];
        }
        if (List.class.isAssignableFrom(raw)) {
            Type element = type instanceof ParameterizedType pt ? pt.getActualTypeArguments()[0] : String.class;
            return List.of(sample(element, context));
        }
        if (Map.class.isAssignableFrom(raw)) {
            Type value = type instanceof ParameterizedType pt ? pt.getActualTypeArguments()[1] : String.class;
            return Map.of("k", sample(value, context));
        }
        if (raw.isRecord()) {
            RecordComponent[] components = raw.getRecordComponents();
            Object[] args = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                args[i] = sample(components[i].getGenericType(), type);
            }
            Constructor<?> constructor = raw.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(args);
        }
        throw new IllegalArgumentException("cannot build a sample " + type.getTypeName() + " (in " + context + ")");
    }
}
