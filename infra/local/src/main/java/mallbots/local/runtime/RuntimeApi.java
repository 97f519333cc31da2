package mallbots.local.runtime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Lambda Runtime API (2018-06-01) for one runtime process at a time, as the runtime interface
 * client uses it: {@code GET /runtime/invocation/next} hands out the run's one event, then
 * {@code POST /runtime/invocation/<id>/response} or {@code /error} (or {@code /init/error}) ends
 * the run. It notes when the first {@code /next} and the answer arrive: the end of the init phase
 * and of the first invocation, which {@code ./mallbots invoke} reports and the cold-start harness
 * measures (the process's start, {@link RuntimeProcess}, is the third instant).
 */
public final class RuntimeApi implements AutoCloseable {

    private static final String PREFIX = "/2018-06-01/runtime/";

    /** What one runtime process did: its instants in {@link System#nanoTime()}, its answer. */
    public static final class Run {
        final String functionArn;
        final byte[] event;
        final Duration timeout;
        final String requestId = UUID.randomUUID().toString();
        final CompletableFuture<Void> answered = new CompletableFuture<>();
        final CompletableFuture<Void> finished = new CompletableFuture<>();
        volatile long startNanos;
        volatile long firstNextNanos;
        volatile long answerNanos;
        volatile boolean failed;
        volatile String answer;

        Run(String functionArn, byte[] event, Duration timeout) {
            this.functionArn = functionArn;
            this.event = event;
            this.timeout = timeout;
        }

        public String requestId() {
            return requestId;
        }

        /** When the process started, its first /next (end of init) and its answer; 0 when it never came. */
        public long startNanos() {
            return startNanos;
        }

        public long firstNextNanos() {
            return firstNextNanos;
        }

        public long answerNanos() {
            return answerNanos;
        }

        /** Whether the answer was an invocation or init error. */
        public boolean failed() {
            return failed;
        }

        /** The response or error document the runtime posted; null when it posted none. */
        public String answer() {
            return answer;
        }
    }

    private final HttpServer server;
    private volatile Run current;

    private RuntimeApi(HttpServer server) {
        this.server = server;
    }

    public static RuntimeApi start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            RuntimeApi api = new RuntimeApi(server);
            server.createContext(PREFIX, api::handle);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return api;
        } catch (IOException e) {
            throw new IllegalStateException("cannot serve the Runtime API", e);
        }
    }

    /** host:port, the value of AWS_LAMBDA_RUNTIME_API. */
    public String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * The run that the next process to call belongs to; the previous one must be finished. Its
     * deadline (Lambda-Runtime-Deadline-Ms) is {@code timeout} after its event is handed out.
     */
    Run begin(String functionArn, byte[] event, Duration timeout) {
        Run run = new Run(functionArn, event, timeout);
        current = run;
        return run;
    }

    /** Waits for the run's answer (response or error). */
    static void awaitAnswer(Run run, Duration timeout) throws InterruptedException, TimeoutException {
        try {
            run.answered.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        Run run = current;
        String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
        try (exchange; InputStream body = exchange.getRequestBody()) {
            byte[] request = body.readAllBytes();
            if (run == null) {
                send(exchange, 500, "{\"errorMessage\":\"no run\"}");
            } else if (path.equals("invocation/next") && exchange.getRequestMethod().equals("GET")) {
                next(exchange, run);
            } else if (path.equals("invocation/" + run.requestId + "/response")) {
                answer(run, false, request);
                send(exchange, 202, "{\"status\":\"OK\"}");
            } else if (path.equals("invocation/" + run.requestId + "/error") || path.equals("init/error")) {
                answer(run, true, request);
                send(exchange, 202, "{\"status\":\"OK\"}");
            } else {
                send(exchange, 404, "{\"errorMessage\":\"unknown path " + path + "\"}");
            }
        }
    }

    private static void next(HttpExchange exchange, Run run) throws IOException {
        if (run.firstNextNanos != 0) {
            // The process asks for a second event: it waits here until the harness ends it.
            run.finished.join();
            send(exchange, 500, "{\"errorMessage\":\"the run is over\"}");
            return;
        }
        run.firstNextNanos = System.nanoTime();
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "application/json");
        headers.set("Lambda-Runtime-Aws-Request-Id", run.requestId);
        headers.set("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + run.timeout.toMillis()));
        headers.set("Lambda-Runtime-Invoked-Function-Arn", run.functionArn);
        headers.set("Lambda-Runtime-Trace-Id", "Root=1-" + Long.toHexString(System.currentTimeMillis() / 1000)
                + "-" + run.requestId.replace("-", "").substring(0, 24) + ";Sampled=0");
        exchange.sendResponseHeaders(200, run.event.length);
        exchange.getResponseBody().write(run.event);
    }

    private static void answer(Run run, boolean failed, byte[] body) {
        if (run.answered.isDone()) {
            return;
        }
        run.answerNanos = System.nanoTime();
        run.failed = failed;
        run.answer = new String(body, StandardCharsets.UTF_8);
        run.answered.complete(null);
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        Run run = current;
        if (run != null) {
            run.finished.complete(null);
        }
        server.stop(0);
    }
}
