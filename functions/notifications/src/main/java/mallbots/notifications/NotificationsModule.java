package mallbots.notifications;

import java.time.Clock;
import java.util.Objects;
import mallbots.notifications.adapters.DynamoNotificationRecords;
import mallbots.notifications.adapters.LoggingNotificationSender;
import mallbots.notifications.adapters.SnsNotificationSender;
import mallbots.notifications.application.ListNotifications;
import mallbots.notifications.application.NotificationSender;
import mallbots.notifications.application.NotifyCustomer;
import mallbots.notifications.domain.CachedCustomer;
import mallbots.platform.aws.TableAndBus;
import mallbots.platform.cache.DynamoEntityCache;
import mallbots.platform.cache.EntityCache;
import mallbots.platform.config.Environment;
import mallbots.platform.messaging.EventPublisher;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;

/** The composition root of notifications: its use cases on one table, sending through one sender. */
public record NotificationsModule(
        EntityCache<CachedCustomer> customerCache,
        NotifyCustomer notifyCustomer,
        ListNotifications listNotifications) {

    public static final String TABLE_NAME = TableAndBus.TABLE_NAME;
    public static final String EVENT_BUS_NAME = TableAndBus.EVENT_BUS_NAME;
    /** "true": SMS through Amazon SNS; anything else: the log only. */
    public static final String SMS_ENABLED = "SMS_ENABLED";

    public NotificationsModule {
        Objects.requireNonNull(customerCache, "customerCache");
        Objects.requireNonNull(notifyCustomer, "notifyCustomer");
        Objects.requireNonNull(listNotifications, "listNotifications");
    }

    /**
     * On a table shaped as {@code NotificationsTable} in template.yaml. The context publishes no
     * events today; {@code publisher} is the state store's, for any it would.
     */
    public static NotificationsModule create(DynamoDbClient dynamo, String tableName, EventPublisher publisher,
            NotificationSender sender, Clock clock) {
        var customers = DynamoEntityCache.builder(dynamo, tableName, CachedCustomer.class)
                .keyPrefix("customer#").blank(CachedCustomer::unseen).build();
        var records = new DynamoNotificationRecords(dynamo, tableName, publisher);
        return new NotificationsModule(
                customers,
                new NotifyCustomer(customers, records, sender, clock),
                new ListNotifications(records));
    }

    /** From a function's settings ({@code TABLE_NAME}, {@code EVENT_BUS_NAME}, {@code SMS_ENABLED}) with real clients. */
    public static NotificationsModule fromEnvironment(Environment env) {
        TableAndBus context = TableAndBus.fromEnvironment(env);
        NotificationSender sender = smsEnabled(env)
                ? new SnsNotificationSender(SnsClient.builder().httpClient(UrlConnectionHttpClient.create()).build())
                : new LoggingNotificationSender();
        return create(context.dynamo(), context.tableName(), context.publisher(), sender, Clock.systemUTC());
    }

    static boolean smsEnabled(Environment env) {
        return Boolean.parseBoolean(env.get(SMS_ENABLED, "false").strip());
    }
}
