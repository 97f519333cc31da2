package mallbots.bench.load;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The CPU time of processes named by pid, each with its descendants (a local cloud's JVM and its
 * dynalite child), read through {@link ProcessHandle}: for a system that serves no usage
 * counters, such as a build from before they existed, measured beside this one.
 */
final class ProcessCpu {

    private ProcessCpu() {
    }

    /** "pid (command)" to CPU milliseconds, for each pid and each of its descendants alive now. */
    static Map<String, Long> snapshot(List<Long> pids) {
        Map<String, Long> millis = new LinkedHashMap<>();
        for (long pid : pids) {
            ProcessHandle process = ProcessHandle.of(pid)
                    .orElseThrow(() -> new IllegalArgumentException("--cpu-of " + pid + ": no such process"));
            Stream.concat(Stream.of(process), process.descendants()).forEach(handle ->
                    cpu(handle).ifPresent(cpu -> millis.put(name(handle), cpu.toMillis())));
        }
        return millis;
    }

    private static Optional<Duration> cpu(ProcessHandle handle) {
        return handle.info().totalCpuDuration();
    }

    private static String name(ProcessHandle handle) {
        String command = handle.info().command().orElse("?");
        return handle.pid() + " (" + command.substring(command.lastIndexOf('/') + 1) + ")";
    }
}
