package mallbots.search.handlers;

import mallbots.platform.config.Environment;
import mallbots.platform.consumer.SqsEventsFunction;
import mallbots.platform.consumer.SqsMessageConsumer;
import mallbots.search.SearchModule;

/**
 * The SearchEvents Lambda function: drains SearchQueue (order events for the read model,
 * customers and stores events for the name caches) and reports only the records that failed.
 */
public final class SearchEventsFunction extends SqsEventsFunction {

    public SearchEventsFunction() {
        this(Environment.system());
    }

    /** Reads TABLE_NAME and builds the real clients. */
    public SearchEventsFunction(Environment env) {
        this(SearchModule.fromEnvironment(env));
        primeBeforeCheckpoint(env);
    }

    public SearchEventsFunction(SearchModule search) {
        super(SqsMessageConsumer.of(SearchSubscriptions.of(search)));
    }
}
