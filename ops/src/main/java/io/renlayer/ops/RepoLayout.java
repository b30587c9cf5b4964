package io.renlayer.ops;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the built services are: the repository root is found from this class's own jar
 * ({@code <root>/ops/target/ops.jar}, or {@code ops/target/classes} from an IDE), not from the current
 * directory, so the launcher works wherever it is started from.
 */
record RepoLayout(Path root) {

    static RepoLayout locate() {
        try {
            Path codeSource = Path.of(LocalStack.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path dir = codeSource.toAbsolutePath(); dir != null; dir = dir.getParent()) {
                if (isRepoRoot(dir)) {
                    return new RepoLayout(dir);
                }
            }
        } catch (URISyntaxException | SecurityException e) {
            // fall back to the working directory below
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (isRepoRoot(dir)) {
                return new RepoLayout(dir);
            }
        }
        throw new LaunchException("Cannot find the RenLayer repository (a directory with pom.xml and ops/): "
                + "run the launcher from the repository, e.g. bin/renlayer-local");
    }

    /** Relative to {@link #root()}, which is the services' working directory. */
    Path jar(String module) {
        return Path.of(module, "target", module + ".jar");
    }

    /** Relative to {@link #root()}. */
    Path config(String module) {
        return Path.of(module, "config.yml");
    }

    void requireBuilt(List<String> modules) {
        for (String module : modules) {
            if (!Files.isRegularFile(root.resolve(jar(module)))) {
                throw new LaunchException(root.resolve(jar(module)) + " is missing: build first with "
                        + "./mvnw -B -q -DskipTests package (bin/renlayer-local does it for you)");
            }
            if (!Files.isRegularFile(root.resolve(config(module)))) {
                throw new LaunchException(root.resolve(config(module)) + " is missing");
            }
        }
    }

    private static boolean isRepoRoot(Path dir) {
        return Files.isRegularFile(dir.resolve("pom.xml")) && Files.isRegularFile(dir.resolve("ops/pom.xml"));
    }
}
