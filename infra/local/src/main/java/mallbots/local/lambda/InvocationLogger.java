package mallbots.local.lambda;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The LambdaLogger of one invocation: forwards each line to the console and keeps them, so
 * that the host can find the reason a function logged for a failed message.
 */
public final class InvocationLogger implements LambdaLogger {

    private final Consumer<String> console;
    private final List<String> lines = new ArrayList<>();

    InvocationLogger(Consumer<String> console) {
        this.console = console;
    }

    @Override
    public synchronized void log(String message) {
        String line = message.strip();
        if (!line.isEmpty()) {
            lines.add(line);
            console.accept(line);
        }
    }

    @Override
    public void log(byte[] message) {
        log(new String(message, StandardCharsets.UTF_8));
    }

    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** The last line that mentions {@code token} (a message id), if the function logged one. */
    public synchronized String lastMentioning(String token) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).contains(token)) {
                return lines.get(i);
            }
        }
        return null;
    }
}
