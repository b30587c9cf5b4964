package io.renlayer.api;

import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.renlayer.api.auth.AuthFilter;
import io.renlayer.api.auth.OidcLogin;
import io.renlayer.api.auth.OtpLimits;
import io.renlayer.api.auth.OtpLogin;
import io.renlayer.api.auth.RoleFeature;
import io.renlayer.api.cli.BootstrapCommand;
import io.renlayer.api.cli.SupportTokenCommand;
import io.renlayer.api.core.ConfigSnapshots;
import io.renlayer.api.core.Cursors;
import io.renlayer.api.core.Housekeeping;
import io.renlayer.api.core.OutboxRelay;
import io.renlayer.api.core.SigningSecrets;
import io.renlayer.api.core.UrlGuard;
import io.renlayer.api.core.WebhookTester;
import io.renlayer.api.errors.ApiExceptionMapper;
import io.renlayer.api.errors.JsonExceptionMapper;
import io.renlayer.kit.errors.ProblemErrorHandler;
import io.renlayer.api.errors.RequestContextFilter;
import io.renlayer.api.errors.UnexpectedExceptionMapper;
import io.renlayer.api.errors.WebApplicationExceptionMapper;
import io.renlayer.api.health.OutboxHealthCheck;
import io.renlayer.api.resources.AgentResource;
import io.renlayer.api.resources.AllowListResource;
import io.renlayer.api.resources.ApiKeyResource;
import io.renlayer.api.resources.AuditLogResource;
import io.renlayer.api.resources.AuthResource;
import io.renlayer.api.resources.DetectorResource;
import io.renlayer.api.resources.JwksResource;
import io.renlayer.api.resources.OpenApiResource;
import io.renlayer.api.resources.PatternResource;
import io.renlayer.api.resources.PolicyResource;
import io.renlayer.api.query.StreamsQueries;
import io.renlayer.api.resources.SessionResource;
import io.renlayer.api.resources.SupportGrantResource;
import io.renlayer.api.resources.TenantResource;
import io.renlayer.api.resources.TraceResource;
import io.renlayer.api.resources.UserResource;
import io.renlayer.api.resources.WebhookResource;
import io.renlayer.kit.config.EnvironmentConfig;
import io.renlayer.kit.webhooks.HttpWebhookSender;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;

public class ApiApplication extends Application<ApiConfiguration> {

    public static void main(String[] args) throws Exception {
        new ApiApplication().run(args);
    }

    @Override
    public String getName() {
        return "renlayer-api";
    }

    @Override
    public void initialize(Bootstrap<ApiConfiguration> bootstrap) {
        EnvironmentConfig.enable(bootstrap);
        bootstrap.addCommand(new BootstrapCommand());
        bootstrap.addCommand(new SupportTokenCommand());
    }

    @Override
    public void run(ApiConfiguration config, Environment environment) {
        ApiServices core = ApiServices.forServer(config, environment);
        Cursors cursors = new Cursors(core.secrets().derive("cursor"));

        ExecutorService mailExecutor = environment.lifecycle().executorService("mail-%d").maxThreads(2).build();
        OtpLogin otp = new OtpLogin(core.jdbi(), config.mail.build(config.localMode), mailExecutor, core.tokens(),
                core.secrets().derive("otp"), OtpLimits.defaults(), core.clock());
        UrlGuard urls = new UrlGuard(config.localMode);
        OidcLogin oidc = new OidcLogin(core.jdbi(), core.tokens(), core.mapper(), urls);

        config.getKafka().buildAdminWithHealthCheck(environment, getName());
        environment.lifecycle().manage(new OutboxRelay(core.jdbi(), outboxProducer(config), Duration.ofMillis(50),
                core.clock()));
        environment.lifecycle().manage(new Housekeeping(core.jdbi(), core.clock()));
        environment.healthChecks().register("outbox", new OutboxHealthCheck(core.jdbi(), Duration.ofSeconds(30),
                core.clock()));

        environment.getApplicationContext().setErrorHandler(new ProblemErrorHandler(core.mapper()));
        // Errors met before any context is chosen (a bad request line or URI, headers too large) use the server's.
        environment.lifecycle().addServerLifecycleListener(
                server -> server.setErrorHandler(new ProblemErrorHandler(core.mapper())));
        var jersey = environment.jersey();
        jersey.register(new RequestContextFilter());
        jersey.register(new AuthFilter(core.tokens(), core.jdbi(), core.mapper(), core.clock()));
        jersey.register(new RoleFeature());
        jersey.register(new ApiExceptionMapper());
        jersey.register(new JsonExceptionMapper());
        jersey.register(new WebApplicationExceptionMapper());
        jersey.register(new UnexpectedExceptionMapper());

        jersey.register(new AuthResource(otp, oidc));
        jersey.register(new JwksResource(core.signingKeys()));
        jersey.register(new OpenApiResource());
        jersey.register(new TenantResource(core.jdbi(), core.writes(), urls));
        jersey.register(new UserResource(core.jdbi(), core.writes(), cursors));
        jersey.register(new AgentResource(core.jdbi(), core.writes(), cursors));
        jersey.register(new ApiKeyResource(core.jdbi(), core.writes(), cursors));
        jersey.register(new PolicyResource(core.jdbi(), core.writes(), cursors, new ConfigSnapshots()));
        jersey.register(new DetectorResource(core.jdbi(), core.writes()));
        jersey.register(new PatternResource(core.jdbi(), core.writes(), cursors));
        jersey.register(new AllowListResource(core.jdbi(), core.writes(), cursors));
        StreamsQueries queries = new StreamsQueries(config.streams, core.mapper());
        environment.lifecycle().manage(queries);
        HttpWebhookSender webhookSender = new HttpWebhookSender(config.webhooks.timeout.toJavaDuration(),
                config.webhooks.allowedNetworks);
        environment.lifecycle().manage(webhookSender);
        WebhookTester tester = new WebhookTester(webhookSender, config.webhooks.timeout.toJavaDuration(), core.mapper());
        jersey.register(new WebhookResource(core.jdbi(), core.writes(), cursors,
                new SigningSecrets(core.secrets().sealer()), urls, queries, tester));
        jersey.register(new SupportGrantResource(core.jdbi(), core.writes(), cursors));
        jersey.register(new AuditLogResource(core.jdbi(), cursors));
        jersey.register(new TraceResource(queries, cursors));
        jersey.register(new SessionResource(queries, cursors));
    }

    /** Idempotent and acks=all: the outbox marks a record published only once it is durably in Kafka. */
    private static KafkaProducer<String, String> outboxProducer(ApiConfiguration config) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.getKafka().getBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 2,
                // A large tenant's snapshot can pass 1 MiB as JSON; the producer checks this limit before
                // compression, the broker checks its own (1 MiB) after it, where repetitive JSON shrinks ~10x.
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd",
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 * 1024 * 1024,
                ProducerConfig.CLIENT_ID_CONFIG, "renlayer-api-outbox"),
                new StringSerializer(), new StringSerializer());
    }
}
