package io.renlayer.api.auth;

import java.time.Duration;

/**
 * Brute-force limits of the OTP log-in.
 *
 * @param maxAttemptsPerCode wrong guesses after which a code is burned
 * @param startsPerEmail     codes one email may request per window
 * @param startsPerIp        codes one client address may request per window
 * @param verifiesPerIp      guesses one client address may make per window, across emails
 */
public record OtpLimits(Duration codeTtl, int maxAttemptsPerCode, Duration window, int startsPerEmail,
                        int startsPerIp, int verifiesPerIp) {

    public static OtpLimits defaults() {
        return new OtpLimits(Duration.ofMinutes(10), 5, Duration.ofMinutes(15), 5, 20, 50);
    }
}
