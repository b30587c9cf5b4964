package io.renlayer.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.renlayer.schemas.Topics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml cannot be run here (no Docker engine on CI), so it is checked against what it must agree with:
 * the services' config.yml (every variable it sets is one they read, ports and addresses line up), RenLayer's
 * topics (names, compaction, retention) and the Kafka version the code is built and tested against.
 */
class ComposeFileTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern TOPIC_LINE = Pattern.compile("^topic (\\S+) (\\S+)$", Pattern.MULTILINE);
    private static final Map<String, String> PREFIX = Map.of(
            "api-service", "API", "proxy-service", "PROXY", "streams-processor", "STREAMS");

    private static JsonNode services;

    @BeforeAll
    static void parse() throws IOException {
        JsonNode compose = new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve("docker-compose.yml").toFile());
        services = compose.path("services");
        assertThat(services.fieldNames()).toIterable().contains("kafka", "kafka-topics", "postgres",
                "api-service", "proxy-service", "streams-processor");
    }

    @Test
    void kafkaIsTheOfficialImageInKraftModeAtTheTestedVersion() throws IOException {
        Matcher version = Pattern.compile("<kafka.version>([^<]+)</kafka.version>")
                .matcher(Files.readString(ROOT.resolve("pom.xml")));
        assertThat(version.find()).isTrue();
        for (String service : List.of("kafka", "kafka-topics")) {
            assertThat(services.path(service).path("image").asText()).isEqualTo("apache/kafka:" + version.group(1));
        }
        JsonNode env = services.path("kafka").path("environment");
        assertThat(env.path("KAFKA_PROCESS_ROLES").asText()).contains("broker", "controller");
        assertThat(env.path("KAFKA_AUTO_CREATE_TOPICS_ENABLE").asText()).isEqualTo("false");
    }

    @Test
    void everyTopicIsCreatedWithItsCompactionOrRetention() {
        Map<String, String> created = new HashMap<>();
        Matcher line = TOPIC_LINE.matcher(services.path("kafka-topics").path("command").get(0).asText());
        while (line.find()) {
            created.put(line.group(1), line.group(2));
        }
        Map<String, String> expected = new HashMap<>();
        for (Topics.TopicSpec spec : Topics.all(3)) {
            expected.put(spec.name(), spec.compacted() ? "cleanup.policy=compact"
                    : "retention.ms=" + spec.retention().toMillis());
        }
        assertThat(created).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"api-service", "proxy-service", "streams-processor"})
    void aServiceSetsOnlyVariablesItsConfigReadsOnItsOwnPorts(String module) throws IOException {
        JsonNode service = services.path(module);
        assertThat(service.path("build").path("args").path("MODULE").asText()).isEqualTo(module);
        Set<String> read = variablesReadBy(module);
        Set<String> set = new TreeSet<>();
        service.path("environment").fieldNames().forEachRemaining(set::add);

        assertThat(read).as(module + "/config.yml reads every variable the compose file sets").containsAll(set);
        String prefix = PREFIX.get(module);
        assertThat(set).contains("KAFKA_BOOTSTRAP_SERVERS", prefix + "_PORT", prefix + "_ADMIN_PORT");
        assertThat(env(module, "KAFKA_BOOTSTRAP_SERVERS")).isEqualTo(advertisedKafka());
        List<String> published = new ArrayList<>();
        service.path("ports").forEach(p -> published.add(p.asText().substring(p.asText().lastIndexOf(':') + 1)));
        assertThat(published).as("published container ports are the service's application port")
                .allMatch(port -> port.equals(env(module, prefix + "_PORT")));
    }

    @Test
    void apiServiceReachesPostgresAndStreamsProcessorWhereTheyListen() {
        JsonNode postgres = services.path("postgres").path("environment");
        URI database = URI.create(env("api-service", "DATABASE_URL").substring("jdbc:".length()));
        assertThat(database.getHost()).isEqualTo("postgres");
        assertThat(database.getPath()).isEqualTo("/" + postgres.path("POSTGRES_DB").asText());
        assertThat(env("api-service", "DATABASE_USER")).isEqualTo(postgres.path("POSTGRES_USER").asText());
        assertThat(env("api-service", "DATABASE_PASSWORD")).isEqualTo(postgres.path("POSTGRES_PASSWORD").asText());

        assertThat(env("api-service", "STREAMS_QUERY_URLS"))
                .isEqualTo("http://streams-processor:" + env("streams-processor", "STREAMS_PORT"));
        assertThat(env("streams-processor", "STREAMS_ADVERTISED_HOST")).isEqualTo("streams-processor");
        assertThat(services.path("streams-processor").has("ports")).as("the query API is internal").isFalse();
    }

    @Test
    void apiServiceAndStreamsProcessorShareTheSecretsKey() {
        // api-service seals the tenants' webhook secrets; the dispatcher in streams-processor opens them.
        assertThat(env("api-service", "RENLAYER_SECRETS_KEY")).startsWith("${RENLAYER_SECRETS_KEY:?")
                .isEqualTo(env("streams-processor", "RENLAYER_SECRETS_KEY"));
    }

    @Test
    void theImageCarriesTheModulesJarLibrariesAndConfig() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        assertThat(dockerfile).contains("${MODULE}/target/${MODULE}.jar", "${MODULE}/target/lib",
                "${MODULE}/config.yml", "\"server\", \"config.yml\"");
    }

    private static String env(String service, String name) {
        JsonNode value = services.path(service).path("environment").path(name);
        assertThat(value.isMissingNode()).as(service + " sets " + name).isFalse();
        return value.asText();
    }

    private static String advertisedKafka() {
        String listeners = services.path("kafka").path("environment").path("KAFKA_ADVERTISED_LISTENERS").asText();
        return listeners.substring(listeners.indexOf("PLAINTEXT://") + "PLAINTEXT://".length()).split(",")[0];
    }

    private static Set<String> variablesReadBy(String module) throws IOException {
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("\\$\\{([A-Z0-9_]+):-").matcher(Files.readString(ROOT.resolve(module).resolve("config.yml")));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
