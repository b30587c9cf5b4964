package io.renlayer.ops;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/** The summary printed once everything is up: where things are, and how to log in. */
final class Banner {

    record Endpoints(int apiPort, int proxyPort, int streamsPort, String mockUrl, String kafkaBootstrap,
                     String jdbcUrl, String dbUser, String dbPassword) {
    }

    static String render(Endpoints at, BootstrappedTenant tenant, Path dataDir, Duration startup) {
        String api = "http://localhost:" + at.apiPort();
        return String.format(Locale.ROOT, """

                RenLayer is running (started in %.1f s)

                  API          %s/v1
                  OpenAPI      %s/v1/openapi.json
                  Proxy        http://localhost:%d/<upstream>/...   (upstreams of the demo tenant: openai,
                               anthropic, mock → the mock upstream %s)
                  Streams      http://localhost:%d
                  Health       http://localhost:%d/healthcheck   (api-service admin)
                               http://localhost:%d/healthcheck   (proxy-service admin)
                               http://localhost:%d/healthcheck   (streams-processor admin)
                  Kafka        %s
                  PostgreSQL   %s   (user %s, password %s)

                  Tenant       %s   (%s)
                  Owner        %s

                Log in as the owner:
                  curl -s -X POST %s/v1/auth/otp/start -H 'Content-Type: application/json' \\
                       -d '{"email":"%s"}'
                  # the one-time code shows up below as: [mail] OTP for %s: <code>
                  curl -s -X POST %s/v1/auth/otp/verify -H 'Content-Type: application/json' \\
                       -d '{"email":"%s","code":"<code>"}'

                Call the mock through the proxy (create an agent and a key first, see the README):
                  curl -s http://localhost:%d/mock/v1/chat/completions -H 'X-RenLayer-Key: <key>' \\
                       -H 'Content-Type: application/json' -d '{"model":"m","messages":[{"role":"user","content":"hi"}]}'

                Data         %s   (kept across restarts; --wipe starts over)
                Logs         %s

                Ctrl-C stops everything.
                """,
                startup.toMillis() / 1000.0,
                api, api, at.proxyPort(), at.mockUrl(), at.streamsPort(), at.apiPort() + 1, at.proxyPort() + 1, at.streamsPort() + 1,
                at.kafkaBootstrap(), at.jdbcUrl(), at.dbUser(), at.dbPassword(),
                tenant.id(), BootstrappedTenant.DEMO_NAME, tenant.ownerEmail(),
                api, tenant.ownerEmail(), tenant.ownerEmail(), api, tenant.ownerEmail(),
                at.proxyPort(), dataDir, dataDir.resolve("logs"));
    }

    private Banner() {
    }
}
