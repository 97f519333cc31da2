package mallbots.platform.consumer;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import java.util.List;

/**
 * What became of an SQS batch: how many records were handled and which failed, and why.
 *
 * @param handled  records whose message was handled
 * @param failures records that SQS must deliver again
 */
public record BatchResult(int handled, List<RecordFailure> failures) {

    public BatchResult {
        failures = List.copyOf(failures);
    }

    /** The partial batch response Lambda expects (ReportBatchItemFailures): only the failed records. */
    public SQSBatchResponse toResponse() {
        return new SQSBatchResponse(failures.stream()
                .map(failure -> new SQSBatchResponse.BatchItemFailure(failure.sqsMessageId()))
                .toList());
    }
}
