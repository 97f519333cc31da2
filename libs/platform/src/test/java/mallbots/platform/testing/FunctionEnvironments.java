package mallbots.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import mallbots.platform.config.Environment;

/** The environment Lambda and the local cloud give a context's functions, for wiring tests. */
public final class FunctionEnvironments {

    private FunctionEnvironments() {
    }

    /**
     * The table on the local dynalite and an EventBridge endpoint nobody listens on: a function built
     * from it stores what it must and can publish nothing, which leaves its events to the sweeper.
     */
    public static Environment withBusDown(String tableName) {
        return Environment.of(Map.of(
                "TABLE_NAME", tableName,
                "EVENT_BUS_NAME", "mallbots",
                "AWS_REGION", LocalAws.REGION.id(),
                "AWS_ACCESS_KEY_ID", "test",
                "AWS_SECRET_ACCESS_KEY", "test",
                "AWS_ENDPOINT_URL_DYNAMODB", LocalAws.dynamoEndpoint().toString(),
                "AWS_ENDPOINT_URL_EVENTBRIDGE", "http://127.0.0.1:" + closedPort()));
    }

    /** A port that was free a moment ago and that nothing listens on now. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
