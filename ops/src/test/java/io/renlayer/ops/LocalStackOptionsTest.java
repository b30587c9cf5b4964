package io.renlayer.ops;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LocalStackOptionsTest {

    @Test
    void defaults() {
        LocalStackOptions options = LocalStackOptions.parse();

        assertThat(options.dataDir()).isEqualTo(Path.of(".renlayer"));
        assertThat(options.wipe()).isFalse();
        assertThat(options.postgresPort()).isEqualTo(54320);
        assertThat(options.kafkaPort()).isEqualTo(19092);
        assertThat(options.apiPort()).isEqualTo(8080);
        assertThat(options.proxyPort()).isEqualTo(8090);
        assertThat(options.streamsPort()).isEqualTo(8070);
        assertThat(options.startupTimeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(options.help()).isFalse();
    }

    @Test
    void readsBothFlagSpellings() {
        LocalStackOptions options = LocalStackOptions.parse("--data-dir", "/tmp/rl", "--wipe",
                "--postgres-port=6000", "--kafka-port", "6001", "--api-port=7000", "--proxy-port", "7100",
                "--streams-port=7200", "--startup-timeout", "30");

        assertThat(options.dataDir()).isEqualTo(Path.of("/tmp/rl"));
        assertThat(options.wipe()).isTrue();
        assertThat(options.postgresPort()).isEqualTo(6000);
        assertThat(options.kafkaPort()).isEqualTo(6001);
        assertThat(options.apiPort()).isEqualTo(7000);
        assertThat(options.proxyPort()).isEqualTo(7100);
        assertThat(options.streamsPort()).isEqualTo(7200);
        assertThat(options.startupTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void help() {
        assertThat(LocalStackOptions.parse("-h").help()).isTrue();
        assertThat(LocalStackOptions.parse("--help").help()).isTrue();
    }

    @Test
    void rejectsWhatItCannotUse() {
        assertThatIllegalArgumentException().isThrownBy(() -> LocalStackOptions.parse("--frobnicate"))
                .withMessage("unknown option: --frobnicate");
        assertThatIllegalArgumentException().isThrownBy(() -> LocalStackOptions.parse("--api-port"))
                .withMessage("--api-port needs a value");
        assertThatIllegalArgumentException().isThrownBy(() -> LocalStackOptions.parse("--api-port", "--wipe"))
                .withMessage("--api-port needs a value");
        assertThatIllegalArgumentException().isThrownBy(() -> LocalStackOptions.parse("--api-port", "http"))
                .withMessage("--api-port needs a positive number, not 'http'");
        assertThatIllegalArgumentException().isThrownBy(() -> LocalStackOptions.parse("--kafka-port=0"))
                .withMessage("--kafka-port needs a positive number, not '0'");
        assertThatIllegalArgumentException().isThrownBy(() -> LocalStackOptions.parse("--api-port", "65535"))
                .withMessage("--api-port must be a port between 1 and 65534, not 65535");
        assertThatIllegalArgumentException().isThrownBy(() -> LocalStackOptions.parse("--wipe=yes"))
                .withMessage("--wipe takes no value");
    }

    @Test
    void wantsEachServicePortAndTheAdminPortAfterIt() {
        LocalStackOptions options = LocalStackOptions.parse("--proxy-port", "9000");

        assertThat(options.wantedPorts())
                .extracting(PortCheck.Wanted::port)
                .containsExactly(54320, 19092, 8060, 8080, 8081, 9000, 9001, 8070, 8071);
        assertThat(options.wantedPorts())
                .filteredOn(wanted -> wanted.port() == 9001)
                .singleElement()
                .satisfies(wanted -> assertThat(wanted.flag()).isEqualTo("--proxy-port"));
    }
}
