package mallbots.emulators.faults;

import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.LongAdder;

/**
 * Draws the faults of a {@link FaultPlan} from one seeded generator and counts what it injected,
 * and the SDK retries that followed (the {@code amz-sdk-request: attempt=N} header of each
 * request). Injects nothing until {@link #arm()}: the local cloud arms it once it is provisioned,
 * so only the functions' traffic meets faults. Requests signed with {@link #SPARED_ACCESS_KEY}
 * (the fault suite's own reads of the outcome) are never faulted.
 */
public final class FaultInjector {

    /** The access key id of clients that watch a faulted run without taking part in it. */
    public static final String SPARED_ACCESS_KEY = "mallbots-fault-observer";

    private static final List<FaultKind> DYNAMODB = List.of(FaultKind.DYNAMODB_INTERNAL_ERROR,
            FaultKind.DYNAMODB_THROTTLING, FaultKind.DYNAMODB_TIMEOUT);
    private static final List<FaultKind> PUT_EVENTS = List.of(FaultKind.EVENTBRIDGE_INTERNAL_ERROR,
            FaultKind.EVENTBRIDGE_THROTTLING, FaultKind.EVENTBRIDGE_TIMEOUT, FaultKind.CRASH_BEFORE_PUBLISH);

    /** What happens to one delivery of an event to a target: how many copies, each after what delay. */
    public record DeliveryFault(int copies, Duration delay) {

        public static final DeliveryFault NONE = new DeliveryFault(1, Duration.ZERO);
    }

    private final FaultPlan plan;
    private final Random random;
    private final Map<FaultKind, LongAdder> injected = new EnumMap<>(FaultKind.class);
    private final Map<String, LongAdder> sdkRetries = new LinkedHashMap<>();
    private volatile boolean armed;

    public FaultInjector(FaultPlan plan) {
        this.plan = plan;
        this.random = new Random(plan.seed());
        for (FaultKind kind : FaultKind.values()) {
            injected.put(kind, new LongAdder());
        }
        sdkRetries.put("dynamodb", new LongAdder());
        sdkRetries.put("events", new LongAdder());
    }

    public FaultPlan plan() {
        return plan;
    }

    /** From now on faults are injected. */
    public void arm() {
        armed = true;
    }

    /**
     * The fault for one request of {@code service} ("dynamodb" or "events"), if any; also counts
     * the request as an SDK retry when its attempt header says so.
     *
     * @param attemptHeader the request's {@code amz-sdk-request} header, or null
     * @param accessKeyId   the access key id the request was signed with, or null
     */
    public Optional<FaultKind> forRequest(String service, String operation, String attemptHeader, String accessKeyId) {
        if (!armed || SPARED_ACCESS_KEY.equals(accessKeyId)) {
            return Optional.empty();
        }
        if (attemptHeader != null && !attemptHeader.startsWith("attempt=1;") && sdkRetries.containsKey(service)) {
            sdkRetries.get(service).increment();
        }
        List<FaultKind> kinds = switch (service) {
            case "dynamodb" -> DYNAMODB;
            case "events" -> operation.equals("PutEvents") ? PUT_EVENTS : List.of();
            default -> List.of();
        };
        if (kinds.isEmpty()) {
            return Optional.empty();
        }
        FaultKind kind;
        synchronized (random) {
            if (random.nextDouble() >= plan.rate()) {
                return Optional.empty();
            }
            kind = kinds.get(random.nextInt(kinds.size()));
        }
        injected.get(kind).increment();
        return Optional.of(kind);
    }

    /** What happens to one delivery: duplicated and delayed each with the plan's rate. */
    public DeliveryFault forDelivery() {
        if (!armed) {
            return DeliveryFault.NONE;
        }
        boolean duplicate;
        Duration delay = Duration.ZERO;
        synchronized (random) {
            duplicate = random.nextDouble() < plan.rate();
            if (random.nextDouble() < plan.rate()) {
                delay = Duration.ofMillis(1 + random.nextLong(Math.max(1, plan.maxDelay().toMillis())));
            }
        }
        if (duplicate) {
            injected.get(FaultKind.DELIVERY_DUPLICATED).increment();
        }
        if (!delay.isZero()) {
            injected.get(FaultKind.DELIVERY_DELAYED).increment();
        }
        return new DeliveryFault(duplicate ? 2 : 1, delay);
    }

    /** How long a timed-out request hangs before its connection drops: a third of the plan's delay at most. */
    public Duration timeout() {
        long bound = Math.max(1, plan.maxDelay().toMillis() / 3);
        synchronized (random) {
            return Duration.ofMillis(1 + random.nextLong(bound));
        }
    }

    /** The counts so far, as the {@code /_mallbots/faults} view shows them. */
    public Map<String, Object> snapshot() {
        Map<String, Long> kinds = new LinkedHashMap<>();
        injected.forEach((kind, count) -> kinds.put(kind.name(), count.sum()));
        Map<String, Long> retries = new LinkedHashMap<>();
        sdkRetries.forEach((service, count) -> retries.put(service, count.sum()));
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("plan", plan.toString());
        snapshot.put("armed", armed);
        snapshot.put("injected", kinds);
        snapshot.put("sdkRetries", retries);
        return snapshot;
    }
}
