package io.renlayer.streams.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.renlayer.ops.testing.KafkaBrokerExtension;
import io.renlayer.schemas.Topics;
import io.renlayer.schemas.config.SecretSealer;
import io.renlayer.schemas.events.ProxyEvent;
import io.renlayer.schemas.events.RequestEvent;
import io.renlayer.schemas.json.Json;
import io.renlayer.schemas.json.JsonSerde;
import io.renlayer.schemas.query.QueryApi;
import io.renlayer.streams.StreamsApplication;
import io.renlayer.streams.StreamsConfiguration;
import io.renlayer.streams.topology.Events;
import io.renlayer.streams.traces.TraceKeys;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of the application in one JVM (same application id, state directories and ports of their own) on
 * a real broker: queries to either fan out to both and merge.
 */
@Tag("integration")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InteractiveQueriesIT {

    private static final Duration SETTLE = Duration.ofSeconds(45);
    private static final int TRACES = 60;
    private static final String RUN = UUID.randomUUID().toString();

    @RegisterExtension
    @Order(1)
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @RegisterExtension
    @Order(2)
    static final DropwizardAppExtension<StreamsConfiguration> A = instance("a");

    @RegisterExtension
    @Order(3)
    static final DropwizardAppExtension<StreamsConfiguration> B = instance("b");

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Events TENANT = new Events();
    private static final Events OTHER_TENANT = new Events();
    /** Every trace of TENANT produced so far. */
    private static final List<Position> PRODUCED = new ArrayList<>();
    private static KafkaProducer<String, ProxyEvent> producer;

    private static DropwizardAppExtension<StreamsConfiguration> instance(String name) {
        return new DropwizardAppExtension<>(StreamsApplication.class, "config.yml",
                ConfigOverride.randomPorts(),
                ConfigOverride.config("kafka.bootstrapServers", KAFKA::bootstrapServers),
                ConfigOverride.config("webhooks.secretsKey", SecretSealer.generateKey()),
                ConfigOverride.config("streams.stateDir", "target/it-state/" + RUN + "-" + name),
                ConfigOverride.config("query.unavailableRetry", "2 seconds"));
    }

    @BeforeAll
    static void settleThenProduce() throws Exception {
        await().atMost(SETTLE).until(() -> instances(A).size() == 2 && instances(A).equals(instances(B)));
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(),
                new JsonSerde<>(ProxyEvent.class).serializer());
        // Two traces per second, in six sessions and without one: spread over both instances, with equal times.
        Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(10));
        for (int i = 0; i < TRACES; i++) {
            PRODUCED.add(produce(TENANT, i % 5 == 0 ? null : "it-" + i % 6, base.plusSeconds(i / 2)));
        }
        for (int i = 0; i < 5; i++) {
            produce(OTHER_TENANT, "it-1", base.plusSeconds(i));
        }
        await().atMost(SETTLE).until(() -> traceIds(A, TENANT, "limit=1000").size() == TRACES);
    }

    @AfterAll
    static void closeProducer() {
        producer.close();
    }

    @Test
    @Order(1)
    void pagesMergeBothInstancesNewestFirstWithoutDuplicateOrGapWhileTracesArrive() throws Exception {
        Map<String, List<Integer>> owners = instances(A);
        List<Integer> ofA = owners.get("localhost:" + A.getLocalPort());
        List<Integer> ofB = owners.get("localhost:" + B.getLocalPort());
        int onA = localTraces(A, ofA);
        assertThat(onA).as("traces on A").isPositive();
        assertThat(localTraces(B, ofB)).as("traces on B").isEqualTo(TRACES - onA);
        List<String> expected = ordered(PRODUCED);

        List<String> walked = new ArrayList<>();
        String after = null;
        do {
            JsonNode page = json(get(walked.size() % 2 == 0 ? A : B, TENANT, "/traces?limit=7"
                    + (after == null ? "" : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8))), 200);
            page.path("data").forEach(trace -> walked.add(trace.path("trace_id").asText()));
            after = page.path("next_after").isNull() ? null : page.path("next_after").asText();
            PRODUCED.add(produce(TENANT, "it-new", Instant.now()));
        } while (after != null);

        assertThat(walked).doesNotHaveDuplicates().containsExactlyElementsOf(expected);
    }

    @Test
    @Order(2)
    void anExportStreamsEveryTraceInOrder() throws Exception {
        await().atMost(SETTLE).until(() -> traceIds(A, TENANT, "limit=1000").size() == PRODUCED.size());

        HttpResponse<String> export = get(B, TENANT, "/traces/export");

        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type")).hasValue(QueryApi.NDJSON);
        List<String> ids = export.body().lines().map(line -> parse(line).path("trace_id").asText()).toList();
        assertThat(ids).containsExactlyElementsOf(ordered(PRODUCED));
    }

    @Test
    @Order(3)
    void aSessionAndItsTracesFromEitherInstance() throws Exception {
        List<String> inSession = traceIds(A, TENANT, "session_id=it-1");

        for (DropwizardAppExtension<StreamsConfiguration> instance : List.of(A, B)) {
            JsonNode session = json(get(instance, TENANT, "/sessions/it-1"), 200);
            assertThat(session.path("trace_count").asLong()).isEqualTo(inSession.size()).isPositive();
            assertThat(session.path("tenant_id").asText()).isEqualTo(TENANT.tenantId);
            assertThat(traceIds(instance, TENANT, "session_id=it-1")).isEqualTo(inSession);
        }
        JsonNode sessions = json(get(B, TENANT, "/sessions?limit=3"), 200);
        assertThat(sessions.path("data")).hasSize(3);
        assertThat(sessions.path("next_after").isTextual()).isTrue();
    }

    @Test
    @Order(4)
    void aTraceByIdFromEitherInstanceWhereverItIs() throws Exception {
        for (Position trace : PRODUCED.subList(0, 10)) {
            for (DropwizardAppExtension<StreamsConfiguration> instance : List.of(A, B)) {
                assertThat(json(get(instance, TENANT, "/traces/" + trace.id()), 200).path("trace_id").asText())
                        .isEqualTo(trace.id());
            }
        }
    }

    @Test
    @Order(5)
    void anotherTenantSeesNothingOfThisOne() throws Exception {
        String traceId = PRODUCED.getFirst().id();

        assertThat(traceIds(A, OTHER_TENANT, "limit=1000")).hasSize(5).doesNotContainAnyElementsOf(
                PRODUCED.stream().map(Position::id).toList());
        problem(get(A, OTHER_TENANT, "/traces/" + traceId), 404, "not_found");
        problem(get(B, OTHER_TENANT, "/sessions/it-2"), 404, "not_found");
        assertThat(get(B, new Events(), "/traces/export").body()).isEmpty();
    }

    @Test
    @Order(6)
    void badInputIsAProblemWithAStableCode() throws Exception {
        JsonNode invalid = problem(get(A, TENANT, "/traces?decision=maybe&limit=0"), 422, "validation_failed");
        assertThat(invalid.path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("decision", "limit");
        problem(get(A, TENANT, "/traces?after=garbage"), 400, "invalid_cursor");
        problem(send(A, QueryApi.forTenant(QueryApi.TENANT, "tenant_nope") + "/traces"), 422, "validation_failed");
        problem(send(A, "/internal/v1/nowhere"), 404, "not_found");
    }

    /** Last: it takes B's application port away. */
    @Test
    @Order(7)
    void anUnreachablePeerMakesEveryQueryA503NeverAPartialAnswer() throws Exception {
        for (Connector connector : B.getEnvironment().getApplicationContext().getServer().getConnectors()) {
            if (connector instanceof ServerConnector server && server.getLocalPort() == B.getLocalPort()) {
                server.stop();
            }
        }

        for (String query : List.of("/traces", "/traces/export", "/traces/" + PRODUCED.getFirst().id(),
                "/sessions")) {
            HttpResponse<String> response = get(A, TENANT, query);
            problem(response, 503, QueryApi.UNAVAILABLE);
            assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
        }
    }

    private static Position produce(Events events, String sessionId, Instant at) throws Exception {
        RequestEvent request = events.request(sessionId, at);
        for (ProxyEvent event : List.of(request, events.completion(request, Duration.ofMillis(3)))) {
            producer.send(new ProducerRecord<>(Topics.REQUESTS, event.key(), event)).get();
        }
        return new Position(TraceKeys.micros(at), request.traceId());
    }

    private static List<String> ordered(List<Position> positions) {
        return positions.stream().sorted(Position.ORDER).map(Position::id).toList();
    }

    private static Map<String, List<Integer>> instances(DropwizardAppExtension<StreamsConfiguration> instance)
            throws IOException, InterruptedException {
        HttpResponse<String> response = send(instance, QueryApi.INSTANCES);
        if (response.statusCode() != 200) {
            return Map.of();
        }
        return Json.mapper().readerForMapOf(List.class).readValue(response.body());
    }

    private static int localTraces(DropwizardAppExtension<StreamsConfiguration> instance, List<Integer> partitions)
            throws IOException, InterruptedException {
        String path = QueryApi.forTenant(QueryApi.LOCAL_TENANT, TENANT.tenantId) + "/traces?partitions="
                + partitions.stream().map(String::valueOf).collect(Collectors.joining(","));
        HttpResponse<String> response = send(instance, path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return (int) response.body().lines().count();
    }

    private static List<String> traceIds(DropwizardAppExtension<StreamsConfiguration> instance, Events tenant,
                                         String query) throws IOException, InterruptedException {
        HttpResponse<String> response = get(instance, tenant, "/traces?" + query);
        if (response.statusCode() != 200) {
            return List.of();
        }
        return StreamSupport.stream(parse(response.body()).path("data").spliterator(), false)
                .map(trace -> trace.path("trace_id").asText()).toList();
    }

    private static HttpResponse<String> get(DropwizardAppExtension<StreamsConfiguration> instance, Events tenant,
                                            String path) throws IOException, InterruptedException {
        return send(instance, QueryApi.forTenant(QueryApi.TENANT, tenant.tenantId) + path);
    }

    private static HttpResponse<String> send(DropwizardAppExtension<StreamsConfiguration> instance, String path)
            throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + instance.getLocalPort() + path))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return parse(response.body());
    }

    private static JsonNode problem(HttpResponse<String> response, int status, String code) {
        JsonNode problem = json(response, status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(problem.path("code").asText()).isEqualTo(code);
        return problem;
    }

    private static JsonNode parse(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
