package mallbots.notifications.handlers;

import java.util.List;
import mallbots.notifications.domain.Notification;
import mallbots.platform.api.HttpRequest;
import mallbots.platform.api.HttpResponse;
import mallbots.platform.api.HttpRouter;

/**
 * The notifications HTTP API: GET /api/notifications?customerId=... answers 200
 * {"notifications": [...]} newest first (empty for a customer never notified). The route is a
 * customer's (scope mallbots/customer): the list is the caller's own; customerId may be left out,
 * and another customer's id is not found (404).
 */
final class NotificationsRoutes {

    static final String LIST = "GET /api/notifications";

    private NotificationsRoutes() {
    }

    /** One notification as the API shows it. */
    record NotificationView(String id, String customerId, String smsNumber, String kind, String orderId, String text,
            String sentAt, String status) {

        static NotificationView of(Notification n) {
            return new NotificationView(n.id(), n.customerId(), n.smsNumber(), n.kind().name(), n.orderId(), n.text(),
                    n.sentAt(), n.status().name());
        }
    }

    record NotificationList(List<NotificationView> notifications) {
    }

    static HttpRouter router(NotificationsModule notifications) {
        return HttpRouter.builder()
                .route(LIST, request -> HttpResponse.ok(new NotificationList(notifications.listNotifications()
                        .ofCustomer(ownCustomerId(request)).stream()
                        .map(NotificationView::of).toList())))
                .build();
    }

    private static String ownCustomerId(HttpRequest request) {
        String caller = request.customerId();
        String named = request.queryParam("customerId").orElse(caller);
        return request.ownedByCaller(named, caller.equalsIgnoreCase(named) ? caller : null, "customer", named);
    }
}
