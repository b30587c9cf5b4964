package io.renlayer.ops;

import io.renlayer.ops.infra.KafkaBroker;
import io.renlayer.ops.infra.PostgresServer;
import io.renlayer.ops.mock.MockUpstream;
import io.renlayer.ops.stack.ServiceEnvironment;
import io.renlayer.schemas.Topics;
import org.apache.kafka.common.utils.Exit;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The one-command local stack: PostgreSQL and a Kafka broker in this JVM's care, then api-service,
 * proxy-service and streams-processor as child processes, until Ctrl-C stops them all.
 */
public final class LocalStack {

    private static final String API = "api-service";
    private static final String PROXY = "proxy-service";
    private static final String STREAMS = "streams-processor";
    private static final String DATABASE = "renlayer";
    private static final int TOPIC_PARTITIONS = 3;
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final LocalStackOptions options;
    private final PrintStream out;
    private final List<ServiceProcess> services = new CopyOnWriteArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean stopping;
    private volatile DataDir dataDir;
    private volatile PostgresServer postgres;
    private volatile KafkaBroker kafka;
    private volatile MockUpstream mock;
    private volatile LogTail mailEcho;

    private LocalStack(LocalStackOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) {
        LocalStackOptions options;
        try {
            options = LocalStackOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("renlayer-local: " + e.getMessage() + " (--help lists the options)");
            System.exit(LaunchException.CONFLICT);
            return;
        }
        if (options.help()) {
            System.out.print(LocalStackOptions.USAGE);
            return;
        }
        LocalStack stack = new LocalStack(options, System.out);
        try {
            stack.run();
        } catch (RuntimeException | Error e) {
            // A Ctrl-C during startup makes whatever was starting fail; the stop explains itself.
            if (!stack.stopping) {
                System.out.flush();
                System.err.println("renlayer-local: " + describe(e));
            }
            System.exit(e instanceof LaunchException launch ? launch.exitCode() : LaunchException.FAILED);
        }
        stack.awaitStopped();
    }

    /** Starts everything and prints the summary; the shutdown hook stops it all. */
    private void run() {
        long startedAt = System.nanoTime();
        RepoLayout repo = RepoLayout.locate();
        repo.requireBuilt(List.of(API, PROXY, STREAMS));
        openDataDir();
        InfraLogs.routeTo(dataDir.logs());
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "renlayer-local-stop"));
        stopOthersWhenKafkaHalts();
        String secretsKey = dataDir.secretsKey();

        Progress progress = new Progress(out, 7);
        try (Progress.Step step = progress.start("PostgreSQL")) {
            starting(() -> postgres = PostgresServer.start(dataDir.postgres(), options.postgresPort()));
            postgres.createDatabase(DATABASE);
            step.done("ready on 127.0.0.1:" + postgres.port() + ", database " + DATABASE);
        }
        try (Progress.Step step = progress.start("Kafka broker (KRaft)")) {
            starting(() -> kafka = KafkaBroker.start(dataDir.kafka(), options.kafkaPort()));
            step.done("ready on " + kafka.bootstrapServers());
        }
        try (Progress.Step step = progress.start("Kafka topics")) {
            List<Topics.TopicSpec> topics = Topics.all(TOPIC_PARTITIONS);
            kafka.createTopics(topics);
            step.done(topics.size() + " topics, " + TOPIC_PARTITIONS + " partitions each");
        }

        try (Progress.Step step = progress.start("mock upstream")) {
            starting(() -> mock = MockUpstream.start(options.mockPort()));
            step.done("OpenAI-compatible, on " + mock.baseUrl());
        }

        ServiceEnvironment environment = new ServiceEnvironment(kafka.bootstrapServers(), secretsKey);
        // proxy-service and streams-processor do not need the API: their JVMs boot while it is bootstrapped.
        ServiceProcess proxy = startServer(repo, PROXY, environment.proxy(options.proxyPort(), options.proxyPort() + 1));
        ServiceProcess streams = startServer(repo, STREAMS, environment.streams(options.streamsPort(),
                options.streamsPort() + 1, dataDir.service(STREAMS).resolve("state")));
        BootstrappedTenant tenant;
        try (Progress.Step step = progress.start(API)) {
            Map<String, String> env = environment.api(options.apiPort(), options.apiPort() + 1, postgres, DATABASE,
                    dataDir.service(API), "http://localhost:" + options.streamsPort());
            tenant = bootstrapDemoTenant(repo, env);
            ServiceProcess api = startServer(repo, API, env);
            // The local-mode mail sender logs one-time codes; echo them so a newcomer can log in.
            starting(() -> mailEcho = LogTail.follow(api.logFile(), api.logOffset(), "OTP for ",
                    line -> out.println("[mail] " + line.substring(line.indexOf("OTP for ")))));
            awaitHealthy(api, options.apiPort());
            step.done("healthy on http://localhost:" + options.apiPort());
        }
        try (Progress.Step step = progress.start(PROXY)) {
            awaitHealthy(proxy, options.proxyPort());
            step.done("healthy on http://localhost:" + options.proxyPort());
        }
        try (Progress.Step step = progress.start(STREAMS)) {
            awaitHealthy(streams, options.streamsPort());
            step.done("healthy on http://localhost:" + options.streamsPort());
        }

        Banner.Endpoints endpoints = new Banner.Endpoints(options.apiPort(), options.proxyPort(), options.streamsPort(),
                mock.baseUrl(), kafka.bootstrapServers(), postgres.jdbcUrl(DATABASE), postgres.user(), postgres.password());
        out.print(Banner.render(endpoints, tenant, dataDir.root(), Duration.ofNanos(System.nanoTime() - startedAt)));
        out.flush();
    }

    /** Everything that can refuse the start does so here, before anything is started or deleted. */
    private void openDataDir() {
        dataDir = DataDir.open(options.dataDir());
        List<DataDir.Leftover> leftovers = dataDir.leftovers();
        if (!leftovers.isEmpty()) {
            throw new LaunchException("An earlier renlayer-local on " + dataDir.root() + " was killed before it could "
                    + "stop everything; still running: "
                    + leftovers.stream().map(DataDir.Leftover::toString).collect(Collectors.joining(", "))
                    + ". Stop them with: kill "
                    + leftovers.stream().map(leftover -> Long.toString(leftover.pid())).collect(Collectors.joining(" ")),
                    LaunchException.CONFLICT);
        }
        PortCheck.problem(options.wantedPorts()).ifPresent(problem -> {
            throw new LaunchException(problem, LaunchException.CONFLICT);
        });
        if (options.wipe()) {
            dataDir.wipe();
        }
    }

    /** Runs {@code api-service bootstrap} to completion: it creates the demo tenant once, then finds it. */
    private BootstrappedTenant bootstrapDemoTenant(RepoLayout repo, Map<String, String> env) {
        List<String> args = List.of("bootstrap", repo.config(API).toString(),
                "--tenant-name", BootstrappedTenant.DEMO_NAME, "--owner-email", BootstrappedTenant.DEMO_OWNER_EMAIL,
                "--upstream", BootstrappedTenant.MOCK_UPSTREAM + "=" + mock.baseUrl());
        ServiceProcess bootstrap = new ServiceProcess(API + " bootstrap", repo.jar(API), args, repo.root(), env,
                dataDir.log(API));
        starting(() -> {
            services.add(bootstrap);
            bootstrap.start();
            return bootstrap;
        });
        bootstrap.awaitSuccess(options.startupTimeout());
        services.remove(bootstrap);
        return BootstrappedTenant.parse(bootstrap.output()).orElseThrow(() -> new LaunchException(
                API + " bootstrap did not print tenant_id=... and owner_email=... lines; see " + dataDir.log(API)));
    }

    private ServiceProcess startServer(RepoLayout repo, String name, Map<String, String> env) {
        ServiceProcess service = new ServiceProcess(name, repo.jar(name), List.of("server", repo.config(name).toString()),
                repo.root(), env, dataDir.log(name));
        return starting(() -> {
            services.add(service);
            service.start();
            dataDir.recordPid(name, service.pid());
            return service;
        });
    }

    /** Waits until the service is healthy, then reports if it ever exits on its own. */
    private void awaitHealthy(ServiceProcess service, int port) {
        service.awaitHealthy(port + 1, options.startupTimeout());
        // Ctrl-C in the terminal reaches the children too, often before this launcher's shutdown hook
        // runs: look again a moment later so a normal stop is not reported as a crash.
        service.onUnexpectedExit(code -> CompletableFuture.delayedExecutor(2, TimeUnit.SECONDS).execute(() -> {
            if (!stopping) {
                System.err.println("renlayer-local: " + service.name() + " exited unexpectedly (code " + code
                        + "); see " + service.logFile());
            }
        }));
    }

    /**
     * Starts a resource unless a stop has begun, under the same lock as {@link #stop()}: a Ctrl-C during
     * startup then waits for the resource being started and stops it, instead of leaving it orphaned.
     * The start action assigns the resource's field itself, so the stop never sees it half-registered.
     */
    private synchronized <T> T starting(Supplier<T> start) {
        if (stopping) {
            throw new LaunchException("stopped while starting");
        }
        return start.get();
    }

    /** Children first (they use the broker and the database), then Kafka, then PostgreSQL. */
    private void stop() {
        synchronized (this) {
            if (stopping) {
                return;
            }
            stopping = true;
        }
        long startedAt = System.nanoTime();
        out.println();
        out.println("Stopping RenLayer ...");
        stopServices();
        closeQuietly("log echo", mailEcho);
        closeQuietly("mock upstream", mock);
        closeQuietly("Kafka broker", kafka);
        closeQuietly("PostgreSQL", postgres);
        out.printf(Locale.ROOT, "Stopped (%.1f s).%n", (System.nanoTime() - startedAt) / 1e9);
        out.flush();
        stopped.countDown();
    }

    private void stopServices() {
        List<ServiceProcess> running = new ArrayList<>(services);
        running.forEach(ServiceProcess::requestStop);
        for (ServiceProcess service : running) {
            service.awaitStopped(STOP_GRACE);
            dataDir.forgetPid(service.name());
        }
    }

    private void awaitStopped() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A fatal broker fault halts the JVM without running shutdown hooks; stop the child processes and
     * PostgreSQL first so none of them outlives the launcher.
     */
    private void stopOthersWhenKafkaHalts() {
        Exit.setHaltProcedure((status, message) -> {
            System.err.println("renlayer-local: the Kafka broker failed fatally" + (message == null ? "" : " (" + message + ")")
                    + "; stopping everything. See " + dataDir.log("kafka"));
            stopServices();
            closeQuietly("PostgreSQL", postgres);
            Runtime.getRuntime().halt(status);
        });
    }

    private static String describe(Throwable error) {
        if (error instanceof LaunchException) {
            return error.getMessage();
        }
        StringBuilder message = new StringBuilder("startup failed: ").append(error);
        for (Throwable cause = error.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            message.append("\n  caused by: ").append(cause);
        }
        return message.toString();
    }

    private void closeQuietly(String what, AutoCloseable resource) {
        if (resource == null) {
            return;
        }
        try {
            resource.close();
        } catch (Exception e) {
            System.err.println("renlayer-local: stopping " + what + " failed: " + e);
        }
    }
}
