package mallbots.platform.priming;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import mallbots.platform.aws.AwsClients;
import mallbots.platform.config.Environment;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SnapStart priming: work that a function's first request would otherwise pay, done before Lambda
 * takes the snapshot ({@link Resource#beforeCheckpoint}), so that a restored function starts with
 * its classes loaded and linked and its code compiled. Every step changes nothing: the SDK clients
 * send read-only or refused requests ({@link AwsClients#prime}), the Lambda runtime's serializers
 * read a sample event, the handler answers a request that reads nothing.
 *
 * <p>A function registers its priming in its {@code (Environment)} constructor (the base classes
 * do it, see {@code HttpApiFunction.primeBeforeCheckpoint}). Only a function that runs as its own
 * process registers: the local cloud hosts many functions in one JVM and never checkpoints. With
 * {@code MALLBOTS_PRIME_AT_INIT=true} the priming runs at once, in init (what a restored snapshot
 * has already done; also a choice for provisioned concurrency). A failing step is logged and the
 * others still run: priming is an optimisation, never a reason to fail a snapshot.
 */
public final class Priming implements Resource {

    public static final String PRIME_AT_INIT = "MALLBOTS_PRIME_AT_INIT";
    public static final String TABLE_NAME = "TABLE_NAME";
    public static final String EVENT_BUS_NAME = "EVENT_BUS_NAME";

    private static final Logger LOG = LoggerFactory.getLogger(Priming.class);
    private static final boolean RUNTIME_SERIALIZERS = runtimeSerializersPresent();

    /** One piece of priming, named in the log and in {@link #prime()}'s result. */
    public record Step(String name, Runnable work) {
        public Step {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(work, "work");
        }
    }

    private final List<Step> steps;
    private volatile List<String> lastFailures;

    private Priming(List<Step> steps) {
        this.steps = List.copyOf(steps);
    }

    public static Priming of(List<Step> steps) {
        return new Priming(steps);
    }

    /**
     * The priming of a function: its SDK clients on its own table and bus (TABLE_NAME,
     * EVENT_BUS_NAME of its environment), the runtime's serializers for its event and answer
     * types, then its handler path.
     *
     * @param handlerPath given the sample event as the runtime read it, runs the handler's path
     *                    without side effects and returns the answer
     */
    public static <E, A> Priming forFunction(Environment env, Class<E> eventType, String sampleEventJson,
                                              Supplier<E> fallbackEvent,
                                              Class<A> answerType, Function<E, A> handlerPath) {
        List<Step> steps = new ArrayList<>();
        env.get(TABLE_NAME).ifPresent(table -> steps.add(new Step("aws clients",
                () -> AwsClients.forEnvironment(env).prime(table, env.get(EVENT_BUS_NAME).orElse("default")))));
        steps.add(new Step("handler path", () -> {
            E event = RUNTIME_SERIALIZERS
                    ? RuntimeSerializers.read(eventType, sampleEventJson)
                    : fallbackEvent.get();
            A answer = handlerPath.apply(event);
            if (RUNTIME_SERIALIZERS && answer != null) {
                RuntimeSerializers.write(answerType, answer);
            }
        }));
        return new Priming(steps);
    }

    /**
     * Registers this priming with the CRaC context when {@code env} is the process's own
     * environment (a function on Lambda, or under the runtime interface client), and runs it now
     * when MALLBOTS_PRIME_AT_INIT is true. Does nothing for a function hosted among others.
     */
    public void registerFor(Environment env) {
        if (!env.asMap().equals(System.getenv())) {
            return;
        }
        Core.getGlobalContext().register(this);
        if (env.get(PRIME_AT_INIT).map(value -> value.trim().equalsIgnoreCase("true")).orElse(false)) {
            prime();
        }
    }

    /** Runs every step; returns the failures, one line per failed step (empty when all ran). */
    public List<String> prime() {
        List<String> failures = new ArrayList<>();
        long start = System.nanoTime();
        for (Step step : steps) {
            try {
                step.work().run();
            } catch (RuntimeException e) {
                failures.add(step.name() + ": " + e);
                LOG.warn("priming step '{}' failed, the first request will pay for it: {}", step.name(), e.toString());
            }
        }
        LOG.info("primed {} step(s) in {} ms{}", steps.size(), (System.nanoTime() - start) / 1_000_000,
                failures.isEmpty() ? "" : ", " + failures.size() + " failed");
        lastFailures = List.copyOf(failures);
        return lastFailures;
    }

    /** The failures of the last run of {@link #prime()} (or of the checkpoint hook); empty before any run. */
    public java.util.Optional<List<String>> lastFailures() {
        return java.util.Optional.ofNullable(lastFailures);
    }

    /** Whether the Lambda runtime's serializers are there (see {@link RuntimeSerializers}). */
    private static boolean runtimeSerializersPresent() {
        try {
            Class.forName("com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers",
                    false, Priming.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    public List<String> stepNames() {
        return steps.stream().map(Step::name).toList();
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // nothing to redo: the clients resolve credentials per request, and keep no connection
        // that the restore could have broken (URLConnection reconnects)
    }
}
