package mallbots.local.testing;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** A scheduled function taking its event as a stream. */
public final class Ticker implements RequestStreamHandler {

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws java.io.IOException {
        Recorded.add("ticker", new String(input.readAllBytes(), StandardCharsets.UTF_8));
    }
}
