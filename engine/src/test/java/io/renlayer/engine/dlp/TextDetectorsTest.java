package io.renlayer.engine.dlp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.renlayer.engine.dlp.Detections.find;
import static org.assertj.core.api.Assertions.assertThat;

class TextDetectorsTest {

    @ParameterizedTest
    @ValueSource(strings = {"jane.doe+tag@example.co.uk", "x@example.com", "first_last@sub-domain.example.org"})
    void findsEmails(String email) {
        assertThat(find("email", "write to " + email + ".")).containsExactly(email);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ping @mention", "user@localhost", "a@b.c", "foo@bar", "@example.com", "x@-bad.com"})
    void ignoresEmailLookAlikes(String text) {
        assertThat(find("email", text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2001:db8::1", "fe80::a00:27ff:fe4e:66a1", "2606:2800:21f:cb07:6820:80da:af6b:8b2c",
        "::ffff:192.168.1.1", "2001:db8:0:0:0:0:2:1"})
    void findsIpv6(String address) {
        assertThat(find("ipv6", "addr [" + address + "] up")).containsExactly(address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"std::vector<int>", "at 12:30:45", "mac 00:1A:2B:3C:4D:5E", "localhost ::1",
        "1:2:3:4:5:6:7:8:9", "2001:db8::1::2", "Note: this"})
    void ignoresIpv6LookAlikes(String text) {
        assertThat(find("ipv6", text)).isEmpty();
    }

    @Test
    void findsAwsAccessKeysButNotLookAlikes() {
        assertThat(find("aws_access_key", "key=AKIAIOSFODNN7EXAMPLE;")).containsExactly("AKIAIOSFODNN7EXAMPLE");
        assertThat(find("aws_access_key", "ASIAY34FZKBOKMUTVV7A")).containsExactly("ASIAY34FZKBOKMUTVV7A");
        assertThat(find("aws_access_key", "AKIA1234")).as("too short").isEmpty();
        assertThat(find("aws_access_key", "AKIAIOSFODNN7EXAMPLE1")).as("too long").isEmpty();
        assertThat(find("aws_access_key", "XAKIAIOSFODNN7EXAMPLE")).as("inside a word").isEmpty();
        assertThat(find("aws_access_key", "akiaiosfodnn7example")).as("lower case").isEmpty();
    }

    @Test
    void findsGithubTokens() {
        String classic = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
        String fineGrained = "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abc";
        assertThat(find("github_token", "token " + classic + " and " + fineGrained)).containsExactly(classic, fineGrained);
        assertThat(find("github_token", "ghs_" + "Z".repeat(36))).hasSize(1);
        assertThat(find("github_token", "ghp_short")).isEmpty();
        assertThat(find("github_token", "ghx_" + "a".repeat(36))).as("unknown token type").isEmpty();
        assertThat(find("github_token", "through the ghost")).isEmpty();
    }

    @Test
    void findsSlackTokens() {
        String token = "xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx";
        assertThat(find("slack_token", "SLACK=" + token)).containsExactly(token);
        assertThat(find("slack_token", "xoxz-1234567890abcdef")).isEmpty();
        assertThat(find("slack_token", "xoxb-123")).isEmpty();
    }

    @Test
    void findsStripeSecretAndRestrictedKeysButNotPublishableOnes() {
        String live = "sk_live_" + "4eC39HqLyjWDarjtT1zdp7dc";
        String restricted = "rk_test_" + "51H8x2LkqW9vZ0aBcDeFgHiJ";
        assertThat(find("stripe_key", live + " " + restricted)).containsExactly(live, restricted);
        assertThat(find("stripe_key", "pk_live_4eC39HqLyjWDarjtT1zdp7dc")).isEmpty();
        assertThat(find("stripe_key", "sk_live_short")).isEmpty();
    }

    @Test
    void findsOpenAiKeys() {
        String project = "sk-proj-" + "Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z_Ab3dEf6hIj9kLm2nOp5q";
        String legacy = "sk-" + "T3BlbkFJ".repeat(6);
        assertThat(find("openai_key", "OPENAI_API_KEY=" + project)).containsExactly(project);
        assertThat(find("openai_key", legacy)).containsExactly(legacy);
        assertThat(find("openai_key", "sk-this-is-not-a-real-key-example")).as("no digits").isEmpty();
        assertThat(find("openai_key", "task-1234567890abcdefghijklmn")).as("inside a word").isEmpty();
        assertThat(find("openai_key", "sk-12345")).as("too short").isEmpty();
    }

    @Test
    void findsGoogleApiKeys() {
        String key = "AIza" + "SyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q";
        assertThat(key).hasSize(39);
        assertThat(find("google_api_key", "?key=" + key + "&q=1")).containsExactly(key);
        assertThat(find("google_api_key", "AIza" + "SyA1b2C3d4E5f6G7h8I9")).isEmpty();
    }

    @Test
    void findsJwtsWhoseHeaderNamesAnAlgorithm() {
        String jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ"
                + ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
        assertThat(find("jwt", "Authorization: Bearer " + jwt)).containsExactly(jwt);
        assertThat(find("jwt", "eyJub3QiOiJhIGp3dCJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl")).as("header without alg").isEmpty();
        assertThat(find("jwt", "eyJ%%%.abc.def")).isEmpty();
        assertThat(find("jwt", "eyJhbGciOiJIUzI1NiJ9")).as("header alone").isEmpty();
    }

    @Test
    void findsPemPrivateKeysWithOrWithoutTheirEndLine() {
        String rsa = "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM\n-----END RSA PRIVATE KEY-----";
        assertThat(find("pem_private_key", "key:\n" + rsa + "\nthanks")).containsExactly(rsa);
        assertThat(find("pem_private_key", "-----BEGIN PRIVATE KEY-----\nMIIBVQIBADANBg\nkqhkiG9w0B== truncated"))
                .containsExactly("-----BEGIN PRIVATE KEY-----\nMIIBVQIBADANBg\nkqhkiG9w0B==");
        assertThat(find("pem_private_key", "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkq\n-----END PUBLIC KEY-----")).isEmpty();
        assertThat(find("pem_private_key", "-----BEGIN CERTIFICATE-----\nMIIC\n-----END CERTIFICATE-----")).isEmpty();
    }

    @Test
    void findsHighEntropyTokensAfterAKeyword() {
        assertThat(find("generic_secret", "password=Xk9mP2vL8qR4nW7zT1bY")).containsExactly("Xk9mP2vL8qR4nW7zT1bY");
        assertThat(find("generic_secret", "My API_KEY is: 'a8f5f167f44f4964e6c998dee827110c'"))
                .containsExactly("a8f5f167f44f4964e6c998dee827110c");
        assertThat(find("generic_secret", "dbPassword: Zx8vB3nM5qW1eR7tY2uI9oP4")).containsExactly("Zx8vB3nM5qW1eR7tY2uI9oP4");
        assertThat(find("generic_secret", "secret = \"c2VjcmV0LXZhbHVlLTEyMzQ1Ng==\""))
                .containsExactly("c2VjcmV0LXZhbHVlLTEyMzQ1Ng==");
    }

    @Test
    void usesAJsonMemberNameAsTheKeyword() {
        assertThat(find("generic_secret", "Zx8vB3nM5qW1eR7tY2uI9oP4", "client_secret")).containsExactly("Zx8vB3nM5qW1eR7tY2uI9oP4");
        assertThat(find("generic_secret", "Zx8vB3nM5qW1eR7tY2uI9oP4", "description")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "password: aaaaaaaaaaaaaaaaaaaaaaaaa1",                       // low entropy
        "password is correcthorsebatterystaple",                      // a word, no digits
        "password=Password1Password1Password1",                       // repetitive
        "the token is described far below in this long sentence, then Xk9mP2vL8qR4nW7zT1bY", // outside the window
        "diffieHellman.computeSecret(otherPublicKeyEncoding)",        // code: no digits
        "a pretokenized Xk9mP2vL8qR4nW7zT1bY",                       // keyword inside a word
        "secret: crypto.webcrypto.getRandomValues1()",                // dotted code, not a token
        "no keyword here: Xk9mP2vL8qR4nW7zT1bY",
        "password=Xk9mP2vL8q"                                         // too short
    })
    void ignoresWhatIsNotASecret(String text) {
        assertThat(find("generic_secret", text)).isEmpty();
    }
}
