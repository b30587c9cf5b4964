package io.renlayer.ops.bench;

import io.renlayer.engine.dlp.DetectorCatalogue;
import io.renlayer.engine.dlp.DlpScanner;
import io.renlayer.engine.dlp.StreamingDlpScanner;
import io.renlayer.schemas.config.DetectorSetting;
import io.renlayer.schemas.config.DlpAction;
import io.renlayer.schemas.json.Json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.ToIntFunction;

/**
 * Throughput of the DLP engine on one thread, every built-in detector on: the request scan (JSON-aware, as the
 * proxy runs it on a request body) and the streaming scan (as on a response, fed in 1 KiB chunks). Text is
 * generated from a fixed seed: an OpenAI chat-completions body of about 4 KB and 1 MB of prose, each clean
 * and with secrets sprinkled in. Every detector redacts, so that a finding never stops a scan early.
 *
 * <p>{@code java -cp "ops/target/ops.jar:ops/target/lib/*" io.renlayer.ops.bench.DlpBenchmark}
 */
public final class DlpBenchmark {

    private static final long SEED = 42;
    private static final int ROUNDS = 10;
    private static final long BYTES_PER_ROUND = 64L << 20;
    private static final long WARM_UP_BYTES = 4 * BYTES_PER_ROUND;
    private static final int CHUNK = 1024;
    /** Common English words first: drawn with a weight of 1/(rank+1), they make text of natural frequencies. */
    private static final String[] WORDS = ("the of and to a in is it you that he was for on are with as his they be"
            + " at one have this from or had by not word but what some we can out other were all there when up use"
            + " your how said an each she which do their time if will way about many then them write would like so"
            + " these her long make thing see him two has look more day could go come did number no most people my"
            + " over know than call first who may down been now find any new work part take get place made where"
            + " after back little only year show every good give our under name very through just great think say"
            + " request response model stream agent policy service customer invoice order report data value result"
            + " example version update config error retry server client cache query index account token").split(" ");
    private static final String[] NUMBERS = {"%d", "%d", "%d%%", "%d.%d", "20%02d", "%02d:%02d", "$%d.%02d",
        "v%d.%d.1"};
    private static final String[] SECRETS = {"4111 1111 1111 1111", "DE89 3704 0044 0532 0130 00", "123-45-6789",
        "jane.doe@example.com", "+1 415 555 2671", "10.20.30.40", "2001:db8::8a2e:370:7334", "AKIAIOSFODNN7EXAMPLE",
        "sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z", "ghp_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8",
        "password: Zx8vB3nM5qW1eR7tY2uI9oP4", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.SflKxwRJSMeKKF2QT4",
        "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBkg4LVWM9nuwNSk3yByxZpYRTBnVJk5oLzh1Yk\n"
            + "-----END EC PRIVATE KEY-----"};

    /** Where the scans' results go, so that the JIT cannot drop a scan as unused. */
    private static volatile long blackhole;

    private record Case(String name, byte[] body, int secrets) {
    }

    private record Message(String role, String content) {
    }

    private record ChatCompletionRequest(String model, List<Message> messages, double temperature, int maxTokens,
                                         boolean stream, String user) {
    }

    public static void main(String[] args) throws Exception {
        List<DetectorSetting> everyDetectorRedacts = DetectorCatalogue.all().stream()
                .map(d -> new DetectorSetting(d.id(), d.name(), true, DlpAction.REDACT)).toList();
        DlpScanner scanner = DlpScanner.compile(everyDetectorRedacts, List.of(), List.of());
        List<Case> cases = List.of(chat("chat JSON, clean", 0), chat("chat JSON, with findings", 6),
                prose("prose, clean", 0), prose("prose, with findings", 100));
        MachineInfo machine = MachineInfo.current();
        System.out.printf("%s | %d cores | %s | %s | load %s%n", machine.date(), machine.cores(), machine.cpuModel(),
                machine.jdk(), machine.loadAverage());
        System.out.printf("| case | bytes | secrets | findings request / stream | request scan MB/s median (min–max)"
                + " | streaming scan, %d B chunks, MB/s median (min–max) |%n|---|---|---|---|---|---|%n", CHUNK);
        // Every path is compiled before any figure is taken: with two cores, a compiler thread still at work on
        // one case would otherwise slow the next case's rounds.
        for (Case c : cases) {
            rate(c.body(), b -> scanner.scan(b).findings().size(), WARM_UP_BYTES);
            rate(c.body(), b -> streamed(scanner, b), WARM_UP_BYTES);
        }
        for (Case c : cases) {
            System.out.printf("| %s | %,d | %d | %d / %d | %s | %s |%n", c.name(), c.body().length, c.secrets(),
                    scanner.scan(c.body()).findings().size(), streamed(scanner, c.body()),
                    measure(c.body(), b -> scanner.scan(b).findings().size()),
                    measure(c.body(), b -> streamed(scanner, b)));
        }
    }

    /** Scans in {@value #CHUNK}-byte chunks; returns how many findings the stream had. */
    private static int streamed(DlpScanner scanner, byte[] body) {
        StreamingDlpScanner stream = scanner.newStreamScanner();
        for (int offset = 0; offset < body.length; offset += CHUNK) {
            stream.feed(body, offset, Math.min(CHUNK, body.length - offset));
        }
        stream.finish();
        return stream.findings().size();
    }

    /** MB/s (10^6 bytes) of {@value #ROUNDS} rounds: median, lowest and highest. */
    private static String measure(byte[] body, ToIntFunction<byte[]> scan) {
        double[] rates = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            rates[round] = rate(body, scan, BYTES_PER_ROUND);
        }
        Arrays.sort(rates);
        return String.format(Locale.ROOT, "%.0f (%.0f–%.0f)", (rates[ROUNDS / 2 - 1] + rates[ROUNDS / 2]) / 2,
                rates[0], rates[ROUNDS - 1]);
    }

    /** Scans the body over and over, {@code bytes} in all; returns MB/s. */
    private static double rate(byte[] body, ToIntFunction<byte[]> scan, long bytes) {
        long sink = 0;
        long start = System.nanoTime();
        long done = 0;
        for (; done < bytes; done += body.length) {
            sink += scan.applyAsInt(body);
        }
        blackhole += sink;
        return done * 1e3 / (System.nanoTime() - start);
    }

    private static Case chat(String name, int secrets) throws Exception {
        Random random = new Random(SEED);
        List<Message> messages = new ArrayList<>(List.of(new Message("system", text(random, 400))));
        for (int turn = 0, length = 400; length < 3600; turn++) {
            String content = text(random, 250 + random.nextInt(400))
                    + (turn < secrets ? " Here it is: " + SECRETS[(turn * 5) % SECRETS.length] + "." : "");
            messages.add(new Message(turn % 2 == 0 ? "user" : "assistant", content));
            length += content.length();
        }
        ChatCompletionRequest body = new ChatCompletionRequest("gpt-4o-mini", messages, 0.7, 1024, true,
                "user-" + random.nextInt(100_000));
        return new Case(name, Json.mapper().writeValueAsBytes(body), Math.min(secrets, messages.size() - 1));
    }

    private static Case prose(String name, int secrets) {
        StringBuilder text = new StringBuilder(text(new Random(SEED), 1 << 20));
        Random placing = new Random(SEED + 1);
        for (int s = 0; s < secrets; ) {
            int sentenceEnd = text.indexOf(". ", placing.nextInt(text.length()));
            if (sentenceEnd >= 0) {
                text.insert(sentenceEnd + 2, "Note " + SECRETS[s++ % SECRETS.length] + " here. ");
            }
        }
        return new Case(name, text.toString().getBytes(StandardCharsets.UTF_8), secrets);
    }

    /** About {@code length} characters of sentences and paragraphs, with numbers here and there. */
    private static String text(Random random, int length) {
        StringBuilder out = new StringBuilder(length + 200);
        while (out.length() < length) {
            int words = 6 + random.nextInt(18);
            for (int w = 0; w < words; w++) {
                // (n+1)^u - 1 for a uniform u is distributed with density 1/(rank+1).
                int rank = (int) Math.pow(WORDS.length + 1, random.nextDouble()) - 1;
                String word = random.nextInt(25) == 0
                        ? String.format(Locale.ROOT, NUMBERS[random.nextInt(NUMBERS.length)], random.nextInt(100),
                                random.nextInt(60))
                        : WORDS[Math.min(WORDS.length - 1, rank)];
                out.append(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
                out.append(w == words - 1 ? "" : random.nextInt(12) == 0 ? ", " : " ");
            }
            out.append(random.nextInt(6) == 0 ? ".\n\n" : ". ");
        }
        return out.toString();
    }

    private DlpBenchmark() {
    }
}
