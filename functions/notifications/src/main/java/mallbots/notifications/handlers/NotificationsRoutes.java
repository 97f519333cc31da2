package mallbots.notifications.handlers;

import java.util.List;
import mallbots.notifications.NotificationsModule;
import mallbots.notifications.application.NotificationView;
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

    /** The body: the customer's notifications, newest first. */
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
