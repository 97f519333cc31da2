package mallbots.local.system;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * Where the system tests' AWS services run. By default the local cloud starts its own endpoint.
 * {@code -Dmallbots.endpoint=URL} points every system test at an AWS-compatible endpoint someone
 * else runs (LocalStack, Floci, another {@code ./mallbots up}): the local cloud provisions the
 * template there and hosts the functions here, as {@code ./mallbots up --endpoint URL} does.
 * {@code -Dmallbots.emulator=floci|localstack} has Testcontainers start the pinned image for
 * them instead. Without a Docker engine a test that needs a container is skipped, saying why.
 */
final class SystemEndpoint {

    /** Pinned: the MIT-licensed emulator that needs no account. */
    static final String FLOCI_IMAGE = "floci/floci:1.5.33";
    /** Pinned: the last LocalStack community release that runs without an auth token (later ones need LOCALSTACK_AUTH_TOKEN). */
    static final String LOCALSTACK_IMAGE = "localstack/localstack:4.14.0";

    private static final Map<String, GenericContainer<?>> STARTED = new ConcurrentHashMap<>();

    private SystemEndpoint() {
    }

    /** The external endpoint the system tests are told to use, if any. */
    static Optional<URI> configured() {
        String endpoint = System.getProperty("mallbots.endpoint", "");
        if (!endpoint.isBlank()) {
            return Optional.of(URI.create(endpoint));
        }
        String emulator = System.getProperty("mallbots.emulator", "");
        return emulator.isBlank() ? Optional.empty() : Optional.of(container(emulator));
    }

    /** Whether the system tests run on our own endpoint (some settings exist only there). */
    static boolean embedded() {
        return System.getProperty("mallbots.endpoint", "").isBlank() && System.getProperty("mallbots.emulator", "").isBlank();
    }

    /** The emulator's endpoint, its pinned container started once per test JVM; skips the test without Docker. */
    static URI container(String emulator) {
        String image = switch (emulator) {
            case "floci" -> FLOCI_IMAGE;
            case "localstack" -> LOCALSTACK_IMAGE;
            default -> throw new IllegalArgumentException("mallbots.emulator is floci or localstack, not " + emulator);
        };
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            String reason = emulator + " (" + image + "): no Docker engine found by Testcontainers, skipped";
            System.out.println("SystemEndpoint: " + reason);
            Assumptions.abort(reason);
        }
        GenericContainer<?> container = STARTED.computeIfAbsent(emulator, name -> {
            GenericContainer<?> started = new GenericContainer<>(DockerImageName.parse(image))
                    .withExposedPorts(4566)
                    .withStartupTimeout(Duration.ofMinutes(3))
                    .waitingFor(name.equals("localstack") ? Wait.forHttp("/_localstack/health").forPort(4566)
                            : Wait.forListeningPort());
            started.start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, name + "-stop"));
            return started;
        });
        return URI.create("http://" + container.getHost() + ":" + container.getMappedPort(4566));
    }
}
