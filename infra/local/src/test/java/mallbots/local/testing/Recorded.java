package mallbots.local.testing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** What the test handlers saw, by handler: the tests run the local cloud in their own JVM. */
public final class Recorded {

    private static final Map<String, List<String>> SEEN = new ConcurrentHashMap<>();

    private Recorded() {
    }

    public static void add(String who, String what) {
        SEEN.computeIfAbsent(who, k -> new CopyOnWriteArrayList<>()).add(what);
    }

    public static List<String> by(String who) {
        return List.copyOf(SEEN.getOrDefault(who, List.of()));
    }

    public static long count(String who, String what) {
        return by(who).stream().filter(what::equals).count();
    }
}
