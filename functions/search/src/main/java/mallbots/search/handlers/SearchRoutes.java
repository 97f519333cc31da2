package mallbots.search.handlers;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import mallbots.platform.api.BadRequest;
import mallbots.platform.api.HttpRequest;
import mallbots.platform.api.HttpResponse;
import mallbots.platform.api.HttpRouter;
import mallbots.platform.api.Input;
import mallbots.platform.messaging.Nullable;
import mallbots.search.SearchModule;
import mallbots.search.application.FindOrders;
import mallbots.search.application.OrderQuery;
import mallbots.search.application.SearchOrderView;
import mallbots.search.domain.SearchOrderStatus;

/**
 * The search HTTP API: GET one order's view (404 until its OrderCreated is in), POST a search
 * answering {"orders": [...], "next": token} ({@code next} absent on the last page). Bad input is
 * a 400 naming the field.
 */
final class SearchRoutes {

    static final String GET = "GET /api/search/orders/{id}";
    static final String SEARCH = "POST /api/search/orders";

    private SearchRoutes() {
    }

    /** POST /api/search/orders: every field optional; an empty body lists all orders. */
    record SearchBody(@Nullable @Input.Uuid String customerId, @Nullable @Input.Uuid List<String> storeIds,
            @Nullable @Input.Uuid List<String> productIds,
            @Nullable String status, @Nullable String createdAfter, @Nullable String createdBefore,
            @Nullable Integer limit, @Nullable @Input.MaxLength(2048) String next) {
    }

    /** The answer of a search. */
    record SearchAnswer(List<SearchOrderView> orders, @Nullable String next) {
    }

    static HttpRouter router(SearchModule search) {
        return HttpRouter.builder()
                .route(GET, request -> HttpResponse.ok(search.findOrders().get(request.idParam("id"))))
                .route(SEARCH, request -> {
                    FindOrders.Result result = search.findOrders().search(query(request));
                    return HttpResponse.ok(new SearchAnswer(result.orders(), result.next()));
                })
                .build();
    }

    private static OrderQuery query(HttpRequest request) {
        SearchBody body = request.body().isEmpty()
                ? new SearchBody(null, null, null, null, null, null, null, null)
                : request.body(SearchBody.class);
        return new OrderQuery(text(body.customerId(), "customerId"), ids(body.storeIds(), "storeIds"),
                ids(body.productIds(), "productIds"), status(body.status()),
                instant(body.createdAfter(), "createdAfter"), instant(body.createdBefore(), "createdBefore"),
                body.limit() == null ? OrderQuery.DEFAULT_LIMIT : body.limit(), text(body.next(), "next"));
    }

    private static String text(String value, String field) {
        if (value != null && value.isBlank()) {
            throw new BadRequest(field + ": must not be blank");
        }
        return value;
    }

    private static List<String> ids(List<String> ids, String field) {
        if (ids == null) {
            return null;
        }
        for (int i = 0; i < ids.size(); i++) {
            if (ids.get(i) == null || ids.get(i).isBlank()) {
                throw new BadRequest(field + "[" + i + "]: must not be blank");
            }
        }
        return ids;
    }

    private static SearchOrderStatus status(String word) {
        if (word == null) {
            return null;
        }
        return SearchOrderStatus.ofWord(word).orElseThrow(() -> new BadRequest(
                "status: must be one of pending, approved, rejected, ready, completed, canceled"));
    }

    /** An ISO-8601 instant ("2026-11-27T09:00:00Z") or date-time with an offset. */
    private static Instant instant(String text, String field) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadRequest(field + ": must be an ISO-8601 date-time with an offset, e.g. 2026-11-27T09:00:00Z");
        }
    }
}
