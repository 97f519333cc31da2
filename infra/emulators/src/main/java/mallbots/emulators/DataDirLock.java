package mallbots.emulators;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The LevelDB lock of dynalite's data directory ({@code LOCK}, a POSIX record lock, which Java's
 * {@link FileChannel#tryLock()} takes the same way): held while a dynalite uses the directory. A
 * start on a locked directory would get a dynalite that answers every request with an error, so
 * the start waits for the lock (a dynalite whose JVM was killed exits within a second) and then
 * refuses with one line that says which process holds it.
 */
final class DataDirLock {

    private DataDirLock() {
    }

    static void awaitFree(Path dataDir, Duration patience) {
        Path lock = dataDir.resolve("LOCK");
        if (!Files.exists(lock)) {
            return;
        }
        long deadline = System.nanoTime() + patience.toNanos();
        while (!free(lock)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the data directory " + dataDir.toAbsolutePath() + " is in use by "
                        + holder(lock).map(pid -> "process " + pid + describe(pid)).orElse("another process")
                        + " (another local cloud on it, or a dynalite left by an older version): stop it, or use"
                        + " another --data-dir");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + lock, e);
            }
        }
    }

    /** Whether no process holds the lock: taken and released at once. */
    static boolean free(Path lock) {
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE)) {
            FileLock taken = channel.tryLock();
            if (taken == null) {
                return false;
            }
            taken.release();
            return true;
        } catch (OverlappingFileLockException thisJvmHoldsIt) {
            return false;
        } catch (IOException e) {
            throw new IllegalStateException("cannot check the lock " + lock + ": " + e.getMessage(), e);
        }
    }

    /** The pid holding a POSIX lock on the file, from /proc/locks (Linux), if it can be told. */
    private static Optional<Long> holder(Path lock) {
        try {
            Object inode = Files.getAttribute(lock, "unix:ino");
            List<String> locks = Files.readAllLines(Path.of("/proc/locks"));
            for (String line : locks) {
                // e.g. "1: POSIX  ADVISORY  WRITE 12345 08:01:1234567 0 EOF"
                String[] fields = line.trim().split("\\s+");
                if (fields.length >= 6 && fields[5].endsWith(":" + inode)) {
                    return Optional.of(Long.parseLong(fields[4]));
                }
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // not Linux, or not allowed to look: say "another process"
        }
        return Optional.empty();
    }

    private static String describe(long pid) {
        return ProcessHandle.of(pid).flatMap(handle -> handle.info().commandLine())
                .map(command -> " (" + (command.length() > 80 ? command.substring(0, 80) + "..." : command) + ")")
                .orElse("");
    }
}
