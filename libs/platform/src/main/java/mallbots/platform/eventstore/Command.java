package mallbots.platform.eventstore;

import java.util.List;
import mallbots.platform.messaging.OutboundEvent;

/**
 * A command run on a loaded aggregate: it calls the aggregate's methods (which raise events)
 * and returns the messages to publish with them, e.g. the integration events made from
 * {@code aggregate.uncommittedEvents()} or a saga reply. They go into the outbox of the same
 * item. It may run more than once (after a conflict), each time on a freshly loaded aggregate,
 * so it must not have other side effects.
 */
@FunctionalInterface
public interface Command<A> {

    List<OutboundEvent> execute(A aggregate);
}
