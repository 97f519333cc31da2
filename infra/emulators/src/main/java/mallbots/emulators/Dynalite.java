package mallbots.emulators;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * dynalite, the DynamoDB of the local cloud, as a child process of this JVM. In memory by
 * default; with a data directory it keeps its LevelDB files there. The process is stopped by
 * {@link #close()} and, should the JVM end without it, by a shutdown hook; should the JVM die
 * without running it ({@code kill -9}), by itself: it runs under our {@code run.js}, which exits
 * when its stdin (a pipe from this JVM) closes or its parent changes. A data directory that
 * another process holds (its LevelDB lock) or a port in use is refused at start, saying so.
 */
public final class Dynalite implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Dynalite.class);
    /** Where the pinned package.json lives, relative to the repository root. */
    public static final String PACKAGE_DIR = "infra/emulators/dynalite";

    /** How long a start waits for a data directory still locked by a dynalite that is on its way out. */
    static final Duration LOCK_WAIT = Duration.ofSeconds(10);

    private final Process process;
    private final int port;
    private final Thread shutdownHook;

    private Dynalite(Process process, int port) {
        this.process = process;
        this.port = port;
        this.shutdownHook = new Thread(process::destroy, "dynalite-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts dynalite on a free port, in memory. */
    public static Dynalite start() {
        return start(0, null);
    }

    /**
     * Starts dynalite on 127.0.0.1:port (0 for a free port), keeping data in {@code dataDir}
     * when it is not null. Runs {@code npm ci} first if the package is not installed yet.
     */
    public static Dynalite start(int port, Path dataDir) {
        Path packageDir = locatePackage();
        Path cli = packageDir.resolve("node_modules/dynalite/cli.js");
        if (!Files.isRegularFile(cli)) {
            npmCi(packageDir);
        }
        int chosen = port == 0 ? Ports.free() : port;
        if (Ports.isOpen(chosen)) {
            throw new IllegalStateException("port " + chosen + " is in use by another process: cannot start dynalite"
                    + " there (another local cloud? pick another port)");
        }
        if (dataDir != null) {
            DataDirLock.awaitFree(dataDir, LOCK_WAIT);
        }
        List<String> command = new ArrayList<>(List.of(node(), packageDir.resolve("run.js").toString(),
                "--host", "127.0.0.1", "--port", Integer.toString(chosen),
                "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"));
        if (dataDir != null) {
            try {
                Files.createDirectories(dataDir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + dataDir, e);
            }
            command.add("--path");
            command.add(dataDir.toAbsolutePath().toString());
        }
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start dynalite with " + command + ": is Node.js installed?", e);
        }
        Dynalite dynalite = new Dynalite(process, chosen);
        Thread.ofVirtual().name("dynalite-output").start(() -> forwardOutput(process));
        try {
            Ports.awaitOpen(chosen, Duration.ofSeconds(20), "dynalite");
        } catch (RuntimeException e) {
            dynalite.close();
            throw e;
        }
        LOG.debug("dynalite listening on port {}", chosen);
        return dynalite;
    }

    public int port() {
        return port;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** The Node.js process, e.g. to read its CPU time. */
    public ProcessHandle process() {
        return process.toHandle();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook runs anyway
        }
    }

    /**
     * The dynalite package directory: the system property {@code mallbots.dynalite.dir}, the
     * environment variable {@code MALLBOTS_DYNALITE_DIR}, or {@value #PACKAGE_DIR} found by walking
     * up from the working directory (tests run in a module directory, the CLI at the root).
     */
    public static Path locatePackage() {
        Optional<String> configured = Optional.ofNullable(System.getProperty("mallbots.dynalite.dir"))
                .or(() -> Optional.ofNullable(System.getenv("MALLBOTS_DYNALITE_DIR")));
        if (configured.isPresent()) {
            return Path.of(configured.get()).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(PACKAGE_DIR);
            if (Files.isRegularFile(candidate.resolve("package.json"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("cannot find " + PACKAGE_DIR + "/package.json above "
                + Path.of("").toAbsolutePath() + "; set MALLBOTS_DYNALITE_DIR");
    }

    private static void npmCi(Path packageDir) {
        LOG.info("installing dynalite: npm ci in {}", packageDir);
        try {
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
                    .directory(packageDir.toFile()).redirectErrorStream(true).start();
            String output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (npm.waitFor() != 0) {
                throw new IllegalStateException("npm ci failed in " + packageDir + ":\n" + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run npm ci in " + packageDir + ": is npm installed?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during npm ci", e);
        }
    }

    private static String node() {
        return Optional.ofNullable(System.getenv("MALLBOTS_NODE")).orElse("node");
    }

    private static void forwardOutput(Process process) {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                LOG.debug("dynalite: {}", line);
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }
}
