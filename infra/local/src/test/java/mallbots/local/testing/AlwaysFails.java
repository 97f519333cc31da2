package mallbots.local.testing;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** A rule target that always throws: EventBridge retries it, then dead-letters the event. */
public final class AlwaysFails implements RequestHandler<Map<String, Object>, Void> {

    @Override
    public Void handleRequest(Map<String, Object> event, Context context) {
        @SuppressWarnings("unchecked")
        Map<String, Object> detail = (Map<String, Object>) event.get("detail");
        Recorded.add("always-fails", String.valueOf(detail.get("id")));
        throw new IllegalStateException("downstream unavailable for " + detail.get("id"));
    }
}
