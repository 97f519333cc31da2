package mallbots.local.lambda;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * What a function writes to stdout or stderr (System.out, or SLF4J's simple logger on
 * System.err) while it handles an invocation goes to that invocation's log, as Lambda sends
 * it to the function's log stream: the console shows it as the function's, and the host can
 * find the reason logged for a failed message. Other threads write through unchanged.
 */
final class FunctionOutput extends OutputStream {

    private static final ThreadLocal<InvocationLogger> CURRENT = new ThreadLocal<>();
    private static final ThreadLocal<ByteArrayOutputStream> LINE = ThreadLocal.withInitial(ByteArrayOutputStream::new);

    private final PrintStream original;

    private FunctionOutput(PrintStream original) {
        this.original = original;
    }

    /** Routes System.out and System.err once per JVM. */
    static synchronized void install() {
        if (!(System.out instanceof Routed)) {
            System.setOut(new Routed(new FunctionOutput(System.out)));
        }
        if (!(System.err instanceof Routed)) {
            System.setErr(new Routed(new FunctionOutput(System.err)));
        }
    }

    /** Runs {@code body} with this thread's output going to {@code log}. */
    static <T> T capture(InvocationLogger log, java.util.concurrent.Callable<T> body) throws Exception {
        CURRENT.set(log);
        try {
            return body.call();
        } finally {
            CURRENT.remove();
            ByteArrayOutputStream pending = LINE.get();
            if (pending.size() > 0) {
                String text = pending.toString(StandardCharsets.UTF_8);
                pending.reset();
                log.log(text);
            }
        }
    }

    @Override
    public void write(int b) throws IOException {
        InvocationLogger log = CURRENT.get();
        if (log == null) {
            original.write(b);
            return;
        }
        ByteArrayOutputStream line = LINE.get();
        if (b == '\n') {
            String text = line.toString(StandardCharsets.UTF_8);
            line.reset();
            // The console may itself write to System.out: while it does, this thread writes through.
            CURRENT.remove();
            try {
                log.log(text);
            } finally {
                CURRENT.set(log);
            }
        } else {
            line.write(b);
        }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (CURRENT.get() == null) {
            original.write(bytes, offset, length);
            return;
        }
        for (int i = offset; i < offset + length; i++) {
            write(bytes[i]);
        }
    }

    @Override
    public void flush() {
        original.flush();
    }

    private static final class Routed extends PrintStream {
        Routed(FunctionOutput output) {
            super(output, true, StandardCharsets.UTF_8);
        }
    }
}
