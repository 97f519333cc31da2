package mallbots.platform.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs one call per input on its own thread, all released at once, for tests of concurrent writers. */
public final class Race {

    /** A call that may throw, as a handler under test does. */
    @FunctionalInterface
    public interface Call<T, R> {
        R run(T input) throws Exception;
    }

    private Race() {
    }

    /** The calls' results in the inputs' order; the first failure is thrown. */
    public static <T, R> List<R> run(List<T> inputs, Call<T, R> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(inputs.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<R>> futures = new ArrayList<>();
            for (T input : inputs) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return call.run(input);
                }));
            }
            go.countDown();
            List<R> results = new ArrayList<>();
            for (Future<R> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
