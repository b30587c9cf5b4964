package io.renlayer.api.auth;

import io.renlayer.api.api.TokenResponse;
import io.renlayer.api.core.ApiException;
import io.renlayer.api.core.Digests;
import io.renlayer.api.core.User;
import io.renlayer.api.db.AuthAttemptDao;
import io.renlayer.api.db.OtpDao;
import io.renlayer.api.db.UserDao;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * E-mail one-time-code log-in. Codes are stored as an HMAC under a server key (a 6-digit code's plain
 * hash would fall to a dictionary), expire, are burned after a few wrong guesses, and requests are
 * rate-limited per email and per client address. {@code start} behaves the same whether or not the
 * email has an account, and mails asynchronously so its timing tells nothing either.
 */
public final class OtpLogin {

    private static final Logger LOG = LoggerFactory.getLogger(OtpLogin.class);
    private static final String START = "otp_start";
    private static final String VERIFY = "otp_verify";

    private final Jdbi jdbi;
    private final MailSender mail;
    private final Executor mailExecutor;
    private final TokenService tokens;
    private final byte[] hmacKey;
    private final OtpLimits limits;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public OtpLogin(Jdbi jdbi, MailSender mail, Executor mailExecutor, TokenService tokens, byte[] hmacKey,
                    OtpLimits limits, Clock clock) {
        this.jdbi = jdbi;
        this.mail = mail;
        this.mailExecutor = mailExecutor;
        this.tokens = tokens;
        this.hmacKey = hmacKey.clone();
        this.limits = limits;
        this.clock = clock;
    }

    public void start(String email, String clientIp) {
        Instant now = clock.instant();
        String normalized = email.toLowerCase(Locale.ROOT);
        Optional<String> code = jdbi.inTransaction(h -> {
            AuthAttemptDao attempts = h.attach(AuthAttemptDao.class);
            attempts.lockEmail(normalized);
            Instant since = now.minus(limits.window());
            if (attempts.countByEmail(START, normalized, since) >= limits.startsPerEmail()
                    || attempts.countByIp(START, clientIp, since) >= limits.startsPerIp()) {
                throw ApiException.rateLimited("too many sign-in codes requested; wait a few minutes");
            }
            attempts.record(START, normalized, clientIp, now);
            if (h.attach(UserDao.class).findByEmail(normalized).isEmpty()) {
                return Optional.empty();
            }
            String fresh = String.format(Locale.ROOT, "%06d", random.nextInt(1_000_000));
            OtpDao codes = h.attach(OtpDao.class);
            codes.retireAll(normalized, now);
            codes.insert(normalized, hmac(normalized, fresh), now.plus(limits.codeTtl()), now);
            return Optional.of(fresh);
        });
        code.ifPresent(c -> mailExecutor.execute(() -> {
            try {
                mail.sendLoginCode(normalized, c);
            } catch (RuntimeException e) {
                LOG.error("sign-in code delivery failed", e);
            }
        }));
    }

    public TokenResponse verify(String email, String code, String clientIp) {
        Instant now = clock.instant();
        String normalized = email.toLowerCase(Locale.ROOT);
        // Rate-limit bookkeeping commits even when the guess is wrong, so it is its own transaction.
        jdbi.useTransaction(h -> {
            AuthAttemptDao attempts = h.attach(AuthAttemptDao.class);
            if (attempts.countByIp(VERIFY, clientIp, now.minus(limits.window())) >= limits.verifiesPerIp()) {
                throw ApiException.rateLimited("too many sign-in attempts; wait a few minutes");
            }
            attempts.record(VERIFY, normalized, clientIp, now);
        });
        User user = jdbi.inTransaction(h -> {
            OtpDao codes = h.attach(OtpDao.class);
            OtpDao.Code live = codes.liveCode(normalized)
                    .filter(c -> c.expiresAt().isAfter(now) && c.attempts() < limits.maxAttemptsPerCode())
                    .orElse(null);
            if (live == null) {
                return null;
            }
            if (!Digests.equal(live.codeHmac(), hmac(normalized, code))) {
                codes.countAttempt(live.id());
                return null;
            }
            codes.markUsed(live.id(), now);
            return h.attach(UserDao.class).findByEmail(normalized).orElse(null);
        });
        if (user == null) {
            throw ApiException.unauthorized("the code is wrong, expired or used up; request a new one");
        }
        return TokenResponse.bearer(tokens.issue(user.id(), user.tenantId()), tokens.ttl().toSeconds(),
                user.tenantId(), user.id());
    }

    private String hmac(String email, String code) {
        return Digests.hex(Digests.hmacSha256(hmacKey, Digests.utf8(email + ":" + code)));
    }
}
