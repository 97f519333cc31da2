package mallbots.notifications.handlers;

import mallbots.notifications.NotificationsModule;
import mallbots.platform.api.HttpApiFunction;
import mallbots.platform.config.Environment;

/** The NotificationsApi Lambda function: the notifications route of the HTTP API. */
public final class NotificationsApiFunction extends HttpApiFunction {

    public NotificationsApiFunction() {
        this(Environment.system());
    }

    /** Reads TABLE_NAME and EVENT_BUS_NAME, and builds the real clients. */
    public NotificationsApiFunction(Environment env) {
        this(NotificationsModule.fromEnvironment(env));
        primeBeforeCheckpoint(env);
    }

    public NotificationsApiFunction(NotificationsModule notifications) {
        super(NotificationsRoutes.router(notifications));
    }
}
