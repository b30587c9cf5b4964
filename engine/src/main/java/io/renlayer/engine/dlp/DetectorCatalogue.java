package io.renlayer.engine.dlp;

import io.renlayer.schemas.config.DetectorSetting;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.renlayer.schemas.config.DlpAction.BLOCK;
import static io.renlayer.schemas.config.DlpAction.LOG;
import static io.renlayer.schemas.config.DlpAction.REDACT;

/**
 * The built-in detectors. Ids are written out rather than generated so that reordering this list can never
 * re-key a tenant's settings. Defaults: credentials block (a leaked key cannot be un-sent), personal data is
 * redacted, and what routinely travels legitimately (emails, phones, JWTs) or is noisy (IPs) is logged or off.
 */
public final class DetectorCatalogue {

    private static final List<BuiltInDetector> ALL = List.of(
            new BuiltInDetector("det_00000000000000000000000001", "payment_card",
                    "Payment card numbers (13-19 digits, optionally grouped) with a valid Luhn check digit",
                    REDACT, true, false, new PaymentCardDetector()),
            new BuiltInDetector("det_00000000000000000000000002", "iban",
                    "International bank account numbers with the country's length and a valid mod-97 checksum",
                    REDACT, true, false, new IbanDetector()),
            new BuiltInDetector("det_00000000000000000000000003", "us_ssn",
                    "US Social Security numbers (AAA-GG-SSSS) excluding never-issued ranges",
                    REDACT, true, false, new UsSsnDetector()),
            new BuiltInDetector("det_00000000000000000000000004", "email",
                    "Email addresses", LOG, true, false, new EmailDetector()),
            new BuiltInDetector("det_00000000000000000000000005", "phone",
                    "Phone numbers: international (+ and 8-15 digits), North American and trunk-prefixed national",
                    LOG, true, false, new PhoneDetector()),
            new BuiltInDetector("det_00000000000000000000000006", "ipv4",
                    "IPv4 addresses", LOG, false, false, new Ipv4Detector()),
            new BuiltInDetector("det_00000000000000000000000007", "ipv6",
                    "IPv6 addresses", LOG, false, false, new Ipv6Detector()),
            new BuiltInDetector("det_00000000000000000000000008", "aws_access_key",
                    "AWS access key ids (AKIA/ASIA followed by 16 characters)", BLOCK, true, false,
                    new PrefixedTokenDetector(List.of("AKIA", "ASIA"), "(?:AKIA|ASIA)[0-9A-Z]{16}(?![0-9A-Za-z])")),
            new BuiltInDetector("det_00000000000000000000000009", "github_token",
                    "GitHub tokens (ghp_, gho_, ghu_, ghs_, ghr_, github_pat_)", BLOCK, true, false,
                    new PrefixedTokenDetector(List.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"),
                            "(?:gh[pousr]_[A-Za-z0-9]{36,251}|github_pat_[A-Za-z0-9_]{22,240})(?![A-Za-z0-9_])")),
            new BuiltInDetector("det_0000000000000000000000000A", "slack_token",
                    "Slack tokens (xoxa-, xoxb-, xoxp-, xoxo-, xoxr-, xoxs-)", BLOCK, true, false,
                    new PrefixedTokenDetector(List.of("xox"), "xox[abposr]-[0-9A-Za-z-]{10,250}(?![0-9A-Za-z-])")),
            new BuiltInDetector("det_0000000000000000000000000B", "stripe_key",
                    "Stripe secret and restricted keys (sk_live_, rk_live_, sk_test_, rk_test_)", BLOCK, true, false,
                    new PrefixedTokenDetector(List.of("sk_", "rk_"),
                            "[sr]k_(?:live|test)_[0-9A-Za-z]{16,247}(?![0-9A-Za-z])")),
            new BuiltInDetector("det_0000000000000000000000000C", "openai_key",
                    "OpenAI API keys (sk-..., sk-proj-...)", BLOCK, true, false,
                    new PrefixedTokenDetector(List.of("sk-"), "sk-[A-Za-z0-9_-]{20,250}(?![A-Za-z0-9_-])",
                            TokenChecks::mixesLettersAndDigits)),
            new BuiltInDetector("det_0000000000000000000000000D", "google_api_key",
                    "Google API keys (AIza followed by 35 characters)", BLOCK, true, false,
                    new PrefixedTokenDetector(List.of("AIza"), "AIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])")),
            new BuiltInDetector("det_0000000000000000000000000E", "jwt",
                    "JSON Web Tokens whose header decodes to JSON naming an algorithm", LOG, true, false,
                    new PrefixedTokenDetector(List.of("eyJ"),
                            "eyJ[A-Za-z0-9_-]{2,2048}\\.[A-Za-z0-9_-]{2,16384}\\.[A-Za-z0-9_-]{0,2048}"
                                    + "(?![A-Za-z0-9_-])",
                            TokenChecks::hasJwtHeader)),
            new BuiltInDetector("det_0000000000000000000000000F", "pem_private_key",
                    "PEM-encoded private keys (-----BEGIN ... PRIVATE KEY-----)", BLOCK, true, false,
                    new PemPrivateKeyDetector()),
            new BuiltInDetector("det_0000000000000000000000000G", "generic_secret",
                    "High-entropy tokens (20+ characters) shortly after a keyword such as password, secret, token"
                            + " or api_key",
                    REDACT, true, true, new GenericSecretDetector()));

    private static final Map<String, BuiltInDetector> BY_ID = index(BuiltInDetector::id);
    private static final Map<String, BuiltInDetector> BY_NAME = index(BuiltInDetector::name);

    /** Every built-in detector, in catalogue order. */
    public static List<BuiltInDetector> all() {
        return ALL;
    }

    public static Optional<BuiltInDetector> byId(String id) {
        return Optional.ofNullable(id == null ? null : BY_ID.get(id));
    }

    public static Optional<BuiltInDetector> byName(String name) {
        return Optional.ofNullable(name == null ? null : BY_NAME.get(name));
    }

    /** The literals that built-in detectors' matches start with, for the {@link Prefilter}. */
    static List<String> literals() {
        return ALL.stream().flatMap(builtIn -> builtIn.detector().literals().stream()).toList();
    }

    /** The settings of a tenant that has not changed any detector, in catalogue order. */
    public static List<DetectorSetting> defaultSettings() {
        return ALL.stream().map(BuiltInDetector::defaultSetting).toList();
    }

    private static Map<String, BuiltInDetector> index(Function<BuiltInDetector, String> key) {
        return ALL.stream().collect(Collectors.toUnmodifiableMap(key, Function.identity()));
    }

    private DetectorCatalogue() {
    }
}
