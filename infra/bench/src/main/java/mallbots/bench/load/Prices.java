package mallbots.bench.load;

/**
 * Published on-demand prices in us-east-1 (US East, N. Virginia), in dollars, at the first
 * (smallest) volume tier, without the free tiers. Checked on 2026-12-02.
 */
final class Prices {

    /** https://aws.amazon.com/eventbridge/pricing/ : custom events, $1.00 per million (each 64 KB chunk of an entry is one event). */
    static final double EVENTBRIDGE_CUSTOM_EVENT = 1.00 / 1e6;

    /** https://aws.amazon.com/sqs/pricing/ : standard queues, $0.40 per million requests (each 64 KB chunk is one request). */
    static final double SQS_STANDARD_REQUEST = 0.40 / 1e6;

    /** https://aws.amazon.com/lambda/pricing/ : requests, $0.20 per million (arm64 and x86 alike). */
    static final double LAMBDA_REQUEST = 0.20 / 1e6;

    /** https://aws.amazon.com/lambda/pricing/ : arm64 duration, $0.0000133334 per GB-second (first 7.5 billion GB-s a month). */
    static final double LAMBDA_ARM64_GB_SECOND = 0.0000133334;

    /** https://aws.amazon.com/dynamodb/pricing/on-demand/ : $0.125 per million read request units (since 2024-11-01). */
    static final double DYNAMODB_READ_REQUEST_UNIT = 0.125 / 1e6;

    /** https://aws.amazon.com/dynamodb/pricing/on-demand/ : $0.625 per million write request units (since 2024-11-01). */
    static final double DYNAMODB_WRITE_REQUEST_UNIT = 0.625 / 1e6;

    private Prices() {
    }
}
