package mallbots.notifications.handlers;

import mallbots.notifications.NotificationsModule;
import mallbots.platform.config.Environment;
import mallbots.platform.consumer.SqsEventsFunction;
import mallbots.platform.consumer.SqsMessageConsumer;

/**
 * The NotificationsEvents Lambda function: drains NotificationsQueue (customers events for the
 * cache, the order events to notify) and reports only the records that failed.
 */
public final class NotificationsEventsFunction extends SqsEventsFunction {

    public NotificationsEventsFunction() {
        this(Environment.system());
    }

    /** Reads TABLE_NAME, EVENT_BUS_NAME and SMS_ENABLED, and builds the real clients. */
    public NotificationsEventsFunction(Environment env) {
        this(NotificationsModule.fromEnvironment(env));
        primeBeforeCheckpoint(env);
    }

    public NotificationsEventsFunction(NotificationsModule notifications) {
        super(SqsMessageConsumer.of(NotificationsSubscriptions.of(notifications)));
    }
}
