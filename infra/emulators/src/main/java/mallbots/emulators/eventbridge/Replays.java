package mallbots.emulators.eventbridge;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * StartReplay's replays: each runs on a thread of its own, reading its archive's events of the
 * time range oldest first and handing each to the bus again (see {@link EventBridge#replay}),
 * moving from STARTING through RUNNING to COMPLETED, or CANCELLED when CancelReplay asks, or
 * FAILED. Replays live in memory: one that a crash interrupts is not resumed.
 */
final class Replays implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Replays.class);

    /** A replay as DescribeReplay reports it; the fields that change are volatile. */
    static final class Replay {
        final String name;
        final String arn;
        final String description;
        final Archive archive;
        final String destinationArn;
        final List<String> filterArns;
        final Instant eventStartTime;
        final Instant eventEndTime;
        final Instant replayStartTime;
        volatile String state = "STARTING";
        volatile String stateReason = "Replay is starting.";
        volatile Instant eventLastReplayedTime;
        volatile Instant replayEndTime;
        volatile int replayed;
        volatile boolean cancelRequested;

        Replay(String name, String arn, String description, Archive archive, String destinationArn,
               List<String> filterArns, Instant eventStartTime, Instant eventEndTime, Instant replayStartTime) {
            this.name = name;
            this.arn = arn;
            this.description = description;
            this.archive = archive;
            this.destinationArn = destinationArn;
            this.filterArns = List.copyOf(filterArns);
            this.eventStartTime = eventStartTime;
            this.eventEndTime = eventEndTime;
            this.replayStartTime = replayStartTime;
        }
    }

    /** Hands one archived event to the destination bus's rules (those of filterArns only, when given). */
    interface Replayer {
        void replay(ArchiveStore.ArchivedEvent event, Replay replay);
    }

    private final ArchiveStore archives;
    private final Replayer replayer;
    private final java.time.InstantSource clock;
    private final Map<String, Replay> replays = new ConcurrentSkipListMap<>();
    private final ExecutorService running = Executors.newVirtualThreadPerTaskExecutor();

    Replays(ArchiveStore archives, Replayer replayer, java.time.InstantSource clock) {
        this.archives = archives;
        this.replayer = replayer;
        this.clock = clock;
    }

    /** Starts a replay that StartReplay has validated; a name in use is refused as AWS does. */
    Replay start(Replay replay) {
        if (replays.putIfAbsent(replay.name, replay) != null) {
            throw EventBridgeException.alreadyExists("Replay " + replay.name + " already exists.");
        }
        running.execute(() -> run(replay));
        return replay;
    }

    Optional<Replay> find(String name) {
        return Optional.ofNullable(replays.get(name));
    }

    List<Replay> all() {
        return List.copyOf(replays.values());
    }

    /** Asks a replay to stop; refused (IllegalStatusException) once it is over. */
    Replay cancel(String name) {
        Replay replay = find(name).orElseThrow(() -> EventBridgeException.notFound("Replay " + name + " does not exist."));
        synchronized (replay) {
            if (!replay.state.equals("STARTING") && !replay.state.equals("RUNNING")) {
                throw new EventBridgeException("IllegalStatusException",
                        "Replay " + name + " is " + replay.state + " and cannot be cancelled.");
            }
            replay.cancelRequested = true;
            replay.state = "CANCELLING";
            replay.stateReason = "Replay is being cancelled.";
        }
        return replay;
    }

    private void run(Replay replay) {
        try {
            List<ArchiveStore.ArchivedEvent> events = archives.events(replay.archive.name(), replay.eventStartTime,
                    replay.eventEndTime);
            if (!moveOn(replay, "RUNNING", "Replay is running.")) {
                finish(replay, "CANCELLED", "Replay was cancelled before it started.");
                return;
            }
            for (ArchiveStore.ArchivedEvent event : events) {
                if (replay.cancelRequested) {
                    break;
                }
                replayer.replay(event, replay);
                replay.replayed++;
                replay.eventLastReplayedTime = event.time();
            }
            if (replay.cancelRequested) {
                finish(replay, "CANCELLED", "Replay was cancelled after " + events(replay.replayed) + ".");
            } else {
                finish(replay, "COMPLETED", "Replay completed: " + events(replay.replayed) + " replayed.");
            }
        } catch (RuntimeException e) {
            LOG.warn("replay {} failed", replay.name, e);
            finish(replay, "FAILED", String.valueOf(e.getMessage()));
        }
    }

    private static String events(int count) {
        return count + (count == 1 ? " event" : " events");
    }

    private static boolean moveOn(Replay replay, String state, String reason) {
        synchronized (replay) {
            if (replay.cancelRequested) {
                return false;
            }
            replay.state = state;
            replay.stateReason = reason;
            return true;
        }
    }

    private void finish(Replay replay, String state, String reason) {
        synchronized (replay) {
            replay.replayEndTime = clock.instant();
            replay.state = state;
            replay.stateReason = reason;
        }
    }

    @Override
    public void close() {
        running.shutdownNow();
    }
}
