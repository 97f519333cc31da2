package mallbots.platform.domain;

/** A command named an aggregate that has no history. An HTTP API answers 404. */
public class AggregateNotFound extends NotFound {

    private final String aggregateId;

    public AggregateNotFound(String aggregateId) {
        super("no aggregate with id " + aggregateId);
        this.aggregateId = aggregateId;
    }

    public String aggregateId() {
        return aggregateId;
    }
}
