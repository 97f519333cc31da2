package mallbots.local.testing;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import mallbots.platform.config.Environment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A queue consumer with partial batch responses. Each body is an EventBridge event, or a bare
 * {"id": ..., "fail": ...}; ids are recorded under the CONSUMER variable, and "fail": true
 * records are reported as failed and logged through SLF4J with their message id, as the
 * platform's consumer does.
 */
public final class RecordingConsumer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(RecordingConsumer.class);
    private final String consumer;

    public RecordingConsumer(Environment environment) {
        this.consumer = environment.require("CONSUMER");
    }

    public SQSBatchResponse handleRequest(SQSEvent event, Context context) throws Exception {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        Recorded.add(consumer + "-batches", Integer.toString(event.getRecords().size()));
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            JsonNode body = JSON.readTree(message.getBody());
            JsonNode data = body.has("detail") ? body.get("detail") : body;
            Recorded.add(consumer, data.path("id").asText());
            Recorded.add(consumer + "-receives", data.path("id").asText() + "@" + message.getAttributes().get("ApproximateReceiveCount"));
            if (data.path("fail").asBoolean()) {
                // As the platform's consumer does: the reason goes to the function's log, with the message id.
                LOG.warn("message {} failed: poison record {}", message.getMessageId(), data.path("id").asText());
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }
}
