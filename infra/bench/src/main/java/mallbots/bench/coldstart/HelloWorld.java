package mallbots.bench.coldstart;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/**
 * The baseline of the cold-start harness: the smallest useful handler, run from a jar of its own
 * under the same runtime interface client and flags as every function.
 */
public final class HelloWorld implements RequestHandler<Map<String, Object>, String> {

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        return "hello " + event.size();
    }
}
