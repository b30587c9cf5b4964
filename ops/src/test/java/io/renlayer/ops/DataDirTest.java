package io.renlayer.ops;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataDirTest {

    @TempDir
    Path tmp;

    @Test
    void generatesTheSecretsKeyOnceOwnerReadableOnly() throws IOException {
        DataDir dataDir = DataDir.open(tmp.resolve("data"));

        String key = dataDir.secretsKey();

        assertThat(dataDir.secretsKey()).isEqualTo(key);
        Path file = tmp.resolve("data/secrets.key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.isDirectory(dataDir.logs())).isTrue();
    }

    @Test
    void wipeDeletesTheStateOfAnEarlierRun() throws IOException {
        Path earlier = Files.createDirectories(tmp.resolve("data"));
        Files.createFile(earlier.resolve(DataDir.LOCK_FILE));
        Files.createDirectories(earlier.resolve("postgres/base"));
        Files.writeString(earlier.resolve("secrets.key"), "not even a key");

        DataDir wiped = DataDir.open(earlier);
        wiped.wipe();

        assertThat(wiped.postgres()).doesNotExist();
        assertThat(wiped.secretsKey()).isNotEqualTo("not even a key");
    }

    @Test
    void aSecondLauncherOnTheSameDirectoryIsTurnedAway() {
        DataDir.open(tmp.resolve("data"));

        assertThatThrownBy(() -> DataDir.open(tmp.resolve("data")))
                .isInstanceOf(LaunchException.class)
                .hasMessageContaining("Another renlayer-local is running")
                .extracting(error -> ((LaunchException) error).exitCode()).isEqualTo(LaunchException.CONFLICT);
    }

    @Test
    void refusesADirectoryItDidNotCreate() throws IOException {
        Path someone = Files.createDirectories(tmp.resolve("home"));
        Files.writeString(someone.resolve("notes.txt"), "precious");

        assertThatThrownBy(() -> DataDir.open(someone))
                .isInstanceOf(LaunchException.class)
                .hasMessageContaining("was not created by renlayer-local");
        assertThat(someone.resolve("notes.txt")).exists();
    }

    @Test
    void findsServicesAnEarlierLauncherLeftRunning() throws IOException {
        DataDir dataDir = DataDir.open(tmp.resolve("data"));
        long self = ProcessHandle.current().pid();
        String ownCommandLine = ProcessHandle.current().info().commandLine().orElseThrow();
        // This test JVM stands in for a leftover service: its command line holds some "<x>.jar".
        String jar = ownCommandLine.replaceAll(".*?([\\w.-]+)\\.jar.*", "$1");
        dataDir.recordPid(jar, self);
        dataDir.recordPid("long-gone", Long.MAX_VALUE);

        assertThat(dataDir.leftovers()).containsExactly(new DataDir.Leftover(jar, self));

        dataDir.forgetPid(jar);
        assertThat(dataDir.leftovers()).isEmpty();
    }
}
