package io.renlayer.ops.stack;

import com.fasterxml.jackson.databind.JsonNode;
import io.renlayer.ops.BootstrappedTenant;
import io.renlayer.ops.JavaCommand;
import io.renlayer.ops.infra.FreePort;
import io.renlayer.ops.infra.KafkaBroker;
import io.renlayer.ops.infra.PostgresServer;
import io.renlayer.ops.mock.MockUpstream;
import io.renlayer.schemas.Topics;
import io.renlayer.schemas.config.SecretSealer;
import io.renlayer.schemas.json.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The whole product in a temporary directory, configured the way the local stack configures it: PostgreSQL, a KRaft
 * broker with RenLayer's topics and the mock upstream in this JVM, and api-service, proxy-service and
 * streams-processor as child processes of their packaged jars. For end-to-end tests and benchmarks; {@link #close()}
 * stops it all and deletes the directory.
 */
public final class FullStack implements AutoCloseable {

    private static final int PARTITIONS = 3;
    private static final String DATABASE = "renlayer";
    private static final Duration STARTUP = Duration.ofSeconds(120);
    private static final Pattern OTP = Pattern.compile("OTP for (\\S+): (\\d+)");

    /** Extra JVM flags per service (e.g. {@code -Xmx128m} for api-service). */
    public record Options(List<String> apiJvmFlags, List<String> proxyJvmFlags, List<String> streamsJvmFlags) {

        public static Options defaults() {
            return new Options(List.of(), List.of(), List.of());
        }

        public Options withApiJvmFlags(String... flags) {
            return new Options(List.of(flags), proxyJvmFlags, streamsJvmFlags);
        }
    }

    private final Path dir = Files.createTempDirectory("renlayer-stack-");
    private final Started started = new Started("stack");
    private final String secretsKey = SecretSealer.generateKey();
    private final Map<String, Integer> ports = new HashMap<>();
    private PostgresServer postgres;
    private KafkaBroker kafka;
    private MockUpstream mock;
    private ServiceEnvironment environment;
    private ServiceJvm api;

    private FullStack() throws IOException {
    }

    public static FullStack start(Options options) throws Exception {
        FullStack stack = new FullStack();
        try {
            stack.startAll(options);
            return stack;
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        }
    }

    private void startAll(Options options) throws Exception {
        postgres = PostgresServer.start(dir.resolve("postgres"), 0);
        started.add(postgres);
        postgres.createDatabase(DATABASE);
        kafka = KafkaBroker.start(dir.resolve("kafka"), 0);
        started.add(kafka);
        kafka.createTopics(Topics.all(PARTITIONS));
        mock = MockUpstream.start(0);
        started.add(mock);
        environment = new ServiceEnvironment(kafka.bootstrapServers(), secretsKey);
        for (String service : List.of("API", "PROXY", "STREAMS")) {
            ports.put(service, FreePort.pick());
            ports.put(service + "_ADMIN", FreePort.pick());
        }
        // streams-processor and proxy-service boot while api-service migrates its database.
        ServiceJvm streams = service("streams-processor", "STREAMS", streamsEnvironment(), options.streamsJvmFlags());
        ServiceJvm proxy = service("proxy-service", "PROXY", proxyEnvironment(), options.proxyJvmFlags());
        api = service("api-service", "API", apiEnvironment(), options.apiJvmFlags());
        for (ServiceJvm service : List.of(api, proxy, streams)) {
            service.awaitHealthy(STARTUP);
        }
    }

    private ServiceJvm service(String module, String prefix, Map<String, String> env, List<String> jvmFlags)
            throws IOException {
        ServiceJvm service = ServiceJvm.start(module, env, ports.get(prefix + "_ADMIN"), jvmFlags, log(module));
        started.add(service);
        return service;
    }

    /** Test receivers of webhooks (api-service sends {@code webhook.test} events itself) listen on loopback. */
    private Map<String, String> apiEnvironment() {
        Map<String, String> env = environment.api(ports.get("API"), ports.get("API_ADMIN"), postgres, DATABASE,
                dir.resolve("api-service"), streamsUrl());
        env.put("WEBHOOK_ALLOWED_NETWORKS", "127.0.0.1/32");
        return env;
    }

    private Map<String, String> proxyEnvironment() {
        return environment.proxy(ports.get("PROXY"), ports.get("PROXY_ADMIN"));
    }

    private Map<String, String> streamsEnvironment() {
        Map<String, String> env = environment.streams(ports.get("STREAMS"), ports.get("STREAMS_ADMIN"),
                dir.resolve("streams-state"));
        env.put("WEBHOOK_ALLOWED_NETWORKS", "127.0.0.1/32");
        return env;
    }

    /** Runs {@code api-service bootstrap} (the operator's command) for a new tenant. */
    public BootstrappedTenant bootstrapTenant(String name, String ownerEmail)
            throws IOException, InterruptedException {
        Path root = ServiceJvm.repositoryRoot();
        Path output = dir.resolve("bootstrap-" + ownerEmail + ".log");
        ProcessBuilder builder = new ProcessBuilder(JavaCommand.forJar(
                Path.of("api-service", "target", "api-service.jar"),
                List.of("bootstrap", Path.of("api-service", "config.yml").toString(), "--tenant-name", name,
                        "--owner-email", ownerEmail, "--upstream",
                        BootstrappedTenant.MOCK_UPSTREAM + "=" + mock.baseUrl())))
                .directory(root.toFile()).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(apiEnvironment());
        Process process = builder.start();
        if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("api-service bootstrap failed; see " + output);
        }
        return BootstrappedTenant.parse(Files.readAllLines(output, StandardCharsets.UTF_8)).orElseThrow(
                () -> new IllegalStateException("bootstrap printed no tenant_id and owner_email; see " + output));
    }

    /**
     * Signs in as a person does — a code by email (local mode writes it to the api-service log), exchanged for an
     * access token — and returns the token.
     */
    public String signIn(String email) throws IOException, InterruptedException {
        String before = latestSignInCode(email);
        postJson("/v1/auth/otp/start", Map.of("email", email));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        String code = latestSignInCode(email);
        while (code == null || code.equals(before)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no sign-in code for " + email + " in " + log("api-service"));
            }
            Thread.sleep(50);
            code = latestSignInCode(email);
        }
        JsonNode token = Json.mapper().readTree(postJson("/v1/auth/otp/verify", Map.of("email", email, "code", code)));
        return token.path("access_token").asText();
    }

    private String postJson(String path, Map<String, String> body) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(apiUrl() + path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Json.mapper().writeValueAsBytes(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body();
        }
    }

    private String latestSignInCode(String email) throws IOException {
        String code = null;
        for (String line : Files.readAllLines(log("api-service"), StandardCharsets.UTF_8)) {
            Matcher m = OTP.matcher(line);
            if (m.find() && m.group(1).equals(email)) {
                code = m.group(2);
            }
        }
        return code;
    }

    public String apiUrl() {
        return "http://localhost:" + ports.get("API");
    }

    public String proxyUrl() {
        return "http://localhost:" + ports.get("PROXY");
    }

    /** streams-processor's internal query API. */
    public String streamsUrl() {
        return "http://localhost:" + ports.get("STREAMS");
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public MockUpstream mock() {
        return mock;
    }

    public long apiPid() {
        return api.pid();
    }

    public Path log(String module) {
        return dir.resolve(module + ".log");
    }

    /** Services first (they use the broker and the database), then the mock, the broker, PostgreSQL. */
    @Override
    public synchronized void close() {
        started.closeAll();
        TempDirs.delete(dir);
    }
}
