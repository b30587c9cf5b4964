package io.renlayer.ops;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The launcher's command line: {@code --flag value} or {@code --flag=value}. */
public record LocalStackOptions(
        Path dataDir,
        boolean wipe,
        int postgresPort,
        int kafkaPort,
        int apiPort,
        int proxyPort,
        int streamsPort,
        int mockPort,
        Duration startupTimeout,
        boolean help) {

    public static final String USAGE = """
            Usage: bin/renlayer-local [options]

            Starts PostgreSQL, a Kafka broker, api-service, proxy-service and streams-processor on this machine.
            State (database, Kafka logs, generated secrets) is kept in the data directory across restarts.

            Options:
              --data-dir <dir>           where state and logs live (default ./.renlayer)
              --wipe                     delete the data directory first and start from scratch
              --postgres-port <port>     PostgreSQL (default 54320)
              --kafka-port <port>        Kafka bootstrap (default 19092)
              --api-port <port>          api-service; its admin port is this + 1 (default 8080)
              --proxy-port <port>        proxy-service; its admin port is this + 1 (default 8090)
              --streams-port <port>      streams-processor; its admin port is this + 1 (default 8070)
              --mock-port <port>         the mock OpenAI-compatible upstream, the demo tenant's "mock" (default 8060)
              --startup-timeout <secs>   how long each service may take to become healthy (default 120)
              -h, --help                 show this help
            """;

    /** @throws IllegalArgumentException with a message meant for the user */
    public static LocalStackOptions parse(String... args) {
        Path dataDir = Path.of(".renlayer");
        boolean wipe = false;
        int postgresPort = 54320;
        int kafkaPort = 19092;
        int apiPort = 8080;
        int proxyPort = 8090;
        int streamsPort = 8070;
        int mockPort = 8060;
        Duration startupTimeout = Duration.ofSeconds(120);
        boolean help = false;
        Args remaining = new Args(args);
        while (remaining.hasNext()) {
            String flag = remaining.nextFlag();
            switch (flag) {
                case "-h", "--help" -> help = true;
                case "--wipe" -> wipe = true;
                case "--data-dir" -> dataDir = Path.of(remaining.value(flag));
                case "--postgres-port" -> postgresPort = port(flag, remaining.value(flag), 65535);
                case "--kafka-port" -> kafkaPort = port(flag, remaining.value(flag), 65535);
                case "--api-port" -> apiPort = port(flag, remaining.value(flag), 65534);
                case "--proxy-port" -> proxyPort = port(flag, remaining.value(flag), 65534);
                case "--streams-port" -> streamsPort = port(flag, remaining.value(flag), 65534);
                case "--mock-port" -> mockPort = port(flag, remaining.value(flag), 65535);
                case "--startup-timeout" -> startupTimeout = Duration.ofSeconds(positive(flag, remaining.value(flag)));
                default -> throw new IllegalArgumentException("unknown option: " + flag);
            }
            remaining.requireValueConsumed(flag);
        }
        return new LocalStackOptions(dataDir, wipe, postgresPort, kafkaPort, apiPort, proxyPort, streamsPort,
                mockPort, startupTimeout, help);
    }

    /** Every port the stack listens on, in start order, with the flag that moves it. */
    public List<PortCheck.Wanted> wantedPorts() {
        return List.of(
                new PortCheck.Wanted("PostgreSQL", postgresPort, "--postgres-port"),
                new PortCheck.Wanted("Kafka", kafkaPort, "--kafka-port"),
                new PortCheck.Wanted("mock upstream", mockPort, "--mock-port"),
                new PortCheck.Wanted("api-service", apiPort, "--api-port"),
                new PortCheck.Wanted("api-service admin", apiPort + 1, "--api-port"),
                new PortCheck.Wanted("proxy-service", proxyPort, "--proxy-port"),
                new PortCheck.Wanted("proxy-service admin", proxyPort + 1, "--proxy-port"),
                new PortCheck.Wanted("streams-processor", streamsPort, "--streams-port"),
                new PortCheck.Wanted("streams-processor admin", streamsPort + 1, "--streams-port"));
    }

    /** Services with an admin connector take the next port too, hence a lower maximum for them. */
    private static int port(String flag, String value, int max) {
        int port = positive(flag, value);
        if (port > max) {
            throw new IllegalArgumentException(flag + " must be a port between 1 and " + max + ", not " + value);
        }
        return port;
    }

    private static int positive(String flag, String value) {
        try {
            int number = Integer.parseInt(value.strip());
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below, with the flag's name
        }
        throw new IllegalArgumentException(flag + " needs a positive number, not '" + value + "'");
    }

    /** Walks the arguments, splitting {@code --flag=value} so both spellings work. */
    private static final class Args {
        private final String[] args;
        private int next;
        private String inlineValue;

        Args(String[] args) {
            this.args = args;
        }

        boolean hasNext() {
            return next < args.length;
        }

        String nextFlag() {
            String arg = args[next++];
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                inlineValue = arg.substring(equals + 1);
                return arg.substring(0, equals);
            }
            inlineValue = null;
            return arg;
        }

        String value(String flag) {
            String value = inlineValue;
            inlineValue = null;
            if (value == null) {
                if (next >= args.length || args[next].startsWith("--")) {
                    throw new IllegalArgumentException(flag + " needs a value");
                }
                value = args[next++];
            }
            if (value.isBlank()) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            return value;
        }

        void requireValueConsumed(String flag) {
            if (inlineValue != null) {
                throw new IllegalArgumentException(flag + " takes no value");
            }
        }
    }
}
