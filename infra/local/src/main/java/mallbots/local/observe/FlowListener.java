package mallbots.local.observe;

/** Told of every message the bus accepted and of every handling of one by a function. */
public interface FlowListener {

    /** A message a bus accepted: the EventBridge event as its targets receive it. */
    void published(String eventJson, long acceptedAtMillis, int targets);

    void handled(HandledMessage message);
}
