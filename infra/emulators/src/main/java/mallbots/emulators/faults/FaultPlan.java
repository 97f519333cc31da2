package mallbots.emulators.faults;

import java.time.Duration;
import java.util.Locale;

/**
 * Which faults to inject and how often: {@code seed=7,rate=0.1} (the {@code --faults} flag).
 * {@code rate} is the chance that a DynamoDB or EventBridge request of a function gets a fault
 * (its kind drawn evenly among those of that service), and, on its own, that a delivery is
 * duplicated and that it is delayed. The seed fixes the sequence of draws; which request meets
 * which draw depends on the timing of concurrent requests, so two runs are alike, not identical.
 *
 * @param maxDelay the longest a delayed delivery or a timed-out request is held
 */
public record FaultPlan(long seed, double rate, Duration maxDelay) {

    public FaultPlan {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("the fault rate must be between 0 and 1: " + rate);
        }
        if (maxDelay.isNegative()) {
            throw new IllegalArgumentException("the fault delay must not be negative: " + maxDelay);
        }
    }

    /** Parses {@code seed=N,rate=R[,delay-ms=D]}; the seed defaults to 1, the rate to 0.1, the delay to 3000 ms. */
    public static FaultPlan parse(String text) {
        long seed = 1;
        double rate = 0.1;
        long delayMillis = 3000;
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--faults takes seed=N,rate=R[,delay-ms=D], got " + text);
            }
            String name = part.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = part.substring(eq + 1).trim();
            try {
                switch (name) {
                    case "seed" -> seed = Long.parseLong(value);
                    case "rate" -> rate = Double.parseDouble(value);
                    case "delay-ms" -> delayMillis = Long.parseLong(value);
                    default -> throw new IllegalArgumentException("--faults knows seed, rate and delay-ms, not " + name);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--faults: " + name + " takes a number, got " + value);
            }
        }
        return new FaultPlan(seed, rate, Duration.ofMillis(delayMillis));
    }

    @Override
    public String toString() {
        return "seed=" + seed + ",rate=" + rate + ",delay-ms=" + maxDelay.toMillis();
    }
}
