package io.renlayer.schemas;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.renlayer.schemas.json.JsonSerde;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped JSON Schemas, and what the serdes write, for conformance tests. */
final class JsonSchemas {

    private static final String SCHEMA_ID_BASE = "https://renlayer.io/schemas/";

    static <T> String write(JsonSerde<T> serde, T value) {
        return new String(serde.serializer().serialize("t", value), StandardCharsets.UTF_8);
    }

    static <T> T read(JsonSerde<T> serde, String json) {
        return serde.deserializer().deserialize("t", json.getBytes(StandardCharsets.UTF_8));
    }

    /** Violations of {@code schema} by {@code json}, with {@code format} (date-time) asserted. */
    static List<Error> errors(Schema schema, String json) {
        return schema.validate(json, InputFormat.JSON, ctx -> ctx.executionConfig(c -> c.formatAssertionsEnabled(true)));
    }

    /** @param file a file name under {@code src/main/resources/schemas} */
    static Schema schema(String file) {
        try (InputStream in = JsonSchemas.class.getResourceAsStream("/schemas/" + file)) {
            assertThat(in).as(file).isNotNull();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // A schema may refer to another shipped one by its $id: resolve those from the classpath, never the network.
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                            registry -> registry.schemaIdResolvers(ids -> ids.mapPrefix(SCHEMA_ID_BASE, "classpath:schemas/")))
                    .getSchema(text, InputFormat.JSON);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonSchemas() {
    }
}
