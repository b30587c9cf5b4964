package io.renlayer.api;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.renlayer.api.auth.LogMailSender;
import io.renlayer.api.auth.Role;
import io.renlayer.api.testing.ApiClient;
import io.renlayer.api.testing.Sql;
import io.renlayer.api.testing.TestStack;
import io.renlayer.api.testing.TestTenant;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.renlayer.api.testing.Problems.assertInvalid;
import static io.renlayer.api.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * E-mail one-time codes, read from the local-mode mail log. Every request of the suite comes from the same
 * address, so the per-address limits are shared with every other test class: this class clears the
 * loopback's {@code auth_attempts} before and after itself, and uses its own emails throughout.
 */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OtpLoginIT {

    private static final Pattern OTP_LINE = Pattern.compile("OTP for (\\S+): (\\d{6})");

    private final TestStack.App app = TestStack.get().app();
    private final Jdbi jdbi = app.services().jdbi();
    private final ApiClient anonymous = app.client();
    private final ListAppender<ILoggingEvent> mailLog = new ListAppender<>();
    private Logger mailLogger;
    private TestTenant tenant;

    @BeforeAll
    void captureTheMailLog() {
        clearLoopbackAttempts();
        mailLogger = (Logger) LoggerFactory.getLogger(LogMailSender.class);
        mailLog.start();
        tenant = app.newTenant();
    }

    /** Dropwizard resets logging whenever a server starts; attach again before each test to be safe. */
    @BeforeEach
    void attach() {
        clearLoopbackAttempts();
        mailLogger.detachAppender(mailLog);
        if (!mailLog.isStarted()) {
            mailLog.start(); // a logging reset stops the appenders it detaches
        }
        mailLogger.addAppender(mailLog);
    }

    @AfterEach
    void detach() {
        mailLogger.detachAppender(mailLog);
    }

    @AfterAll
    void cleanUp() {
        mailLog.stop();
        clearLoopbackAttempts();
    }

    @Test
    void signInWithTheMailedCode() {
        String email = newUser(Role.ANALYST);
        String code = startForCode(email);

        ApiClient.Reply verified = verify(email, code);
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        JsonNode token = verified.json();
        assertThat(token.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(token.get("expires_in").asLong()).isBetween(890L, 900L);
        assertThat(token.get("tenant_id").asText()).isEqualTo(tenant.id);
        assertThat(token.get("user_id").asText()).startsWith("user_");
        String accessToken = token.get("access_token").asText();

        JsonNode me = anonymous.withToken(accessToken).get("/v1/tenants/" + tenant.id).expect(200).json();
        assertThat(me.get("id").asText()).isEqualTo(tenant.id);
        // Analyst rights, no more.
        anonymous.withToken(accessToken).get("/v1/tenants/" + tenant.id + "/audit-log").expect(200);
        assertProblem(anonymous.withToken(accessToken).post("/v1/tenants/" + tenant.id + "/agents", Map.of("name", "x")),
                403, "forbidden");

        // The code is spent.
        assertProblem(verify(email, code), 401, "unauthorized");
        // Email case does not matter.
        String second = startForCode(email.toUpperCase());
        verify(email.toUpperCase(), second).expect(200);
    }

    @Test
    void aNewCodeReplacesTheOldOne() {
        String email = newUser(Role.VIEWER);
        String first = startForCode(email);
        String second = startForCode(email);
        if (!second.equals(first)) {
            assertProblem(verify(email, first), 401, "unauthorized");
        }
        verify(email, second).expect(200);
    }

    @Test
    void unknownEmailsGetTheSameAnswerAndNoCode() {
        String unknown = "nobody-" + UUID.randomUUID() + "@example.com";
        ApiClient.Reply reply = start(unknown);
        assertThat(reply.status()).isEqualTo(202);
        JsonNode body = reply.json();

        // A known email right after: once its code is out, the unknown one's would be too.
        String known = newUser(Role.VIEWER);
        ApiClient.Reply knownReply = start(known);
        assertThat(knownReply.status()).isEqualTo(202);
        assertThat(knownReply.json()).as("no account oracle in the body").isEqualTo(body);
        awaitCodes(known, 1);
        sleep(Duration.ofMillis(300));
        assertThat(codeFor(unknown)).as("no code for an email without an account").isEmpty();
        assertThat(Sql.count(jdbi, "select count(*) from otp_codes where lower(email) = lower(:e)", "e", unknown))
                .isZero();
        assertProblem(verify(unknown, "123456"), 401, "unauthorized");

        assertInvalid(anonymous.post("/v1/auth/otp/start", Map.of("email", "not-an-email")), "email");
        assertInvalid(anonymous.post("/v1/auth/otp/verify", Map.of("email", known, "code", "12ab")), "code");
        assertInvalid(anonymous.post("/v1/auth/otp/start", Map.of()), "email");
    }

    @Test
    void fiveWrongGuessesBurnTheCode() {
        String email = newUser(Role.VIEWER);
        String code = startForCode(email);
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 5; i++) {
            assertProblem(verify(email, wrong), 401, "unauthorized");
        }
        assertProblem(verify(email, code), 401, "unauthorized");
        assertThat(Sql.one(jdbi, Integer.class, "select attempts from otp_codes where lower(email) = lower(:e) "
                + "order by id desc limit 1", "e", email)).isEqualTo(5);
    }

    @Test
    void fourWrongGuessesDoNot() {
        String email = newUser(Role.VIEWER);
        String code = startForCode(email);
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 4; i++) {
            assertProblem(verify(email, wrong), 401, "unauthorized");
        }
        verify(email, code).expect(200);
    }

    @Test
    void anExpiredCodeFails() {
        String email = newUser(Role.VIEWER);
        String code = startForCode(email);
        int expired = jdbi.withHandle(h -> h.createUpdate("update otp_codes set expires_at = now() - interval '1 minute' "
                + "where lower(email) = lower(:e) and used_at is null").bind("e", email).execute());
        assertThat(expired).isEqualTo(1);
        assertProblem(verify(email, code), 401, "unauthorized");
    }

    @Test
    void theSixthStartForOneEmailIsRateLimited() {
        String email = newUser(Role.VIEWER);
        for (int i = 0; i < 5; i++) {
            start(email).expect(202);
        }
        ApiClient.Reply sixth = start(email);
        assertProblem(sixth, 429, "rate_limited");
        // Another email from the same address is not affected.
        start(newUser(Role.VIEWER)).expect(202);
        // Nor is an email without an account treated differently.
        String unknown = "nobody-" + UUID.randomUUID() + "@example.com";
        for (int i = 0; i < 5; i++) {
            start(unknown).expect(202);
        }
        assertProblem(start(unknown), 429, "rate_limited");
        clearLoopbackAttempts();
    }

    @Test
    void perAddressLimits() {
        String ip = loopbackAddressSeenByTheServer();
        // 20 starts from this address in the window (recorded through the side door, other emails).
        insertAttempts("otp_start", ip, 20);
        assertProblem(start(newUser(Role.VIEWER)), 429, "rate_limited");
        clearLoopbackAttempts();

        String email = newUser(Role.VIEWER);
        String code = startForCode(email);
        insertAttempts("otp_verify", ip, 50);
        assertProblem(verify(email, code), 429, "rate_limited");
        clearLoopbackAttempts();
        // The refused attempt did not touch the code: it still works once the window has room.
        verify(email, code).expect(200);
    }

    // --------------------------------------------------------------------------------------------- helpers

    private String newUser(Role role) {
        String email = "otp-" + UUID.randomUUID() + "@example.com";
        tenant.owner().post(tenant.path("/users"), Map.of("email", email, "role", role.wire())).expect(201);
        return email;
    }

    private ApiClient.Reply start(String email) {
        return anonymous.post("/v1/auth/otp/start", Map.of("email", email));
    }

    private ApiClient.Reply verify(String email, String code) {
        return anonymous.post("/v1/auth/otp/verify", Map.of("email", email, "code", code));
    }

    /** Requests a code and returns it once the mail log shows it. */
    private String startForCode(String email) {
        int before = codesFor(email).size();
        start(email).expect(202);
        awaitCodes(email, before + 1);
        return codesFor(email).getLast();
    }

    private void awaitCodes(String email, int count) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> codesFor(email).size() >= count);
    }

    private Optional<String> codeFor(String email) {
        List<String> codes = codesFor(email);
        return codes.isEmpty() ? Optional.empty() : Optional.of(codes.getLast());
    }

    private List<String> codesFor(String email) {
        String normalized = email.toLowerCase();
        List<ILoggingEvent> events;
        synchronized (mailLog) { // AppenderBase.doAppend holds the appender's lock while appending
            events = List.copyOf(mailLog.list);
        }
        return events.stream().map(ILoggingEvent::getFormattedMessage).map(OTP_LINE::matcher)
                .filter(Matcher::find).filter(m -> m.group(1).equals(normalized)).map(m -> m.group(2)).toList();
    }

    private String loopbackAddressSeenByTheServer() {
        String email = newUser(Role.VIEWER);
        start(email).expect(202);
        return jdbi.withHandle(h -> h.createQuery("select client_ip from auth_attempts where email = lower(:e) "
                + "order by id desc limit 1").bind("e", email).mapTo(String.class).one());
    }

    private void insertAttempts(String kind, String ip, int n) {
        jdbi.useHandle(h -> {
            for (int i = 0; i < n; i++) {
                h.createUpdate("insert into auth_attempts (kind, email, client_ip, created_at) "
                        + "values (:kind, :email, :ip, :now)").bind("kind", kind)
                        .bind("email", "filler-" + i + "@example.com").bind("ip", ip).bind("now", Instant.now())
                        .execute();
            }
        });
    }

    /** All test traffic comes from the loopback: keep its per-address counters from leaking across classes. */
    private void clearLoopbackAttempts() {
        jdbi.useHandle(h -> h.createUpdate("delete from auth_attempts where client_ip in "
                + "('127.0.0.1', '::1', '0:0:0:0:0:0:0:1')").execute());
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
