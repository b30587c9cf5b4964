package io.renlayer.schemas;

import io.renlayer.schemas.config.SecretSealer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretSealerTest {

    private final SecretSealer sealer = new SecretSealer(SecretSealer.generateKey());

    @Test
    void sealedSecretOpensForItsTenantOnly() {
        String sealed = sealer.seal("tenant_A", "whsec_plain");
        assertThat(sealed).startsWith("v1.").doesNotContain("whsec_plain");
        assertThat(sealer.open("tenant_A", sealed)).isEqualTo("whsec_plain");
        assertThatThrownBy(() -> sealer.open("tenant_B", sealed)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anotherKeyOrATamperedValueDoesNotOpen() {
        String sealed = sealer.seal("tenant_A", "whsec_plain");
        SecretSealer other = new SecretSealer(SecretSealer.generateKey());
        assertThatThrownBy(() -> other.open("tenant_A", sealed)).isInstanceOf(IllegalArgumentException.class);
        char last = sealed.charAt(sealed.length() - 1);
        String tampered = sealed.substring(0, sealed.length() - 1) + (last == 'A' ? 'B' : 'A');
        assertThatThrownBy(() -> sealer.open("tenant_A", tampered)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sealingTwiceGivesDifferentCiphertexts() {
        assertThat(sealer.seal("t", "s")).isNotEqualTo(sealer.seal("t", "s"));
    }
}
