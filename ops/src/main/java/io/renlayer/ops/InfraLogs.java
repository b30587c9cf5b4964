package io.renlayer.ops;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;

/**
 * Sends the in-process broker's and PostgreSQL's logs to files in the data directory, at INFO, so they
 * are there when something goes wrong but the console keeps to the launcher's own lines. Done in code
 * because the directory is only known once the options are parsed.
 */
final class InfraLogs {

    static void routeTo(Path logsDir) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        FileAppender<ILoggingEvent> kafka = fileAppender(context, logsDir.resolve("kafka.log"));
        FileAppender<ILoggingEvent> postgres = fileAppender(context, logsDir.resolve("postgres.log"));
        for (String name : List.of("kafka", "org.apache.kafka", "state.change.logger")) {
            attach(context.getLogger(name), kafka);
        }
        attach(context.getLogger("io.zonky"), postgres);
    }

    private static void attach(Logger logger, FileAppender<ILoggingEvent> appender) {
        logger.setLevel(Level.INFO);
        logger.setAdditive(false);
        logger.addAppender(appender);
    }

    private static FileAppender<ILoggingEvent> fileAppender(LoggerContext context, Path file) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{ISO8601} %-5level [%thread] %logger{36} - %msg%n");
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setName(file.getFileName().toString());
        appender.setFile(file.toString());
        appender.setAppend(true);
        appender.setEncoder(encoder);
        appender.start();
        return appender;
    }

    private InfraLogs() {
    }
}
