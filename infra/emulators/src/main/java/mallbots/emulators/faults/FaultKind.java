package mallbots.emulators.faults;

/** The faults the local cloud can inject, each counted under its own name. */
public enum FaultKind {

    /** DynamoDB answers 500 InternalServerError; nothing was applied. The SDK retries. */
    DYNAMODB_INTERNAL_ERROR("dynamodb 500 InternalServerError"),
    /** DynamoDB answers 400 ProvisionedThroughputExceededException; nothing was applied. The SDK retries. */
    DYNAMODB_THROTTLING("dynamodb 400 ProvisionedThroughputExceededException"),
    /** The request reaches DynamoDB and is applied, the answer never comes back (the connection drops). */
    DYNAMODB_TIMEOUT("dynamodb timeout (applied, answer lost)"),
    /** EventBridge answers 500 InternalException; nothing was published. The SDK retries. */
    EVENTBRIDGE_INTERNAL_ERROR("eventbridge 500 InternalException"),
    /** EventBridge answers 400 ThrottlingException; nothing was published. The SDK retries. */
    EVENTBRIDGE_THROTTLING("eventbridge 400 ThrottlingException"),
    /** The events are published, the answer never comes back: the SDK's retry publishes them again. */
    EVENTBRIDGE_TIMEOUT("eventbridge timeout (published, answer lost)"),
    /**
     * A function's PutEvents never reaches the bus, as when the function dies between its write and
     * its publish: refused with an error the SDK does not retry, so the events stay in the outbox.
     */
    CRASH_BEFORE_PUBLISH("crash between write and PutEvents"),
    /** EventBridge delivers an event to a target twice. */
    DELIVERY_DUPLICATED("delivery duplicated"),
    /** EventBridge holds a delivery back for up to a few seconds, so later events overtake it. */
    DELIVERY_DELAYED("delivery delayed (reordered)");

    private final String description;

    FaultKind(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
