package mallbots.ordering.handlers;

import static mallbots.ordering.handlers.OrderingTestbed.approve;
import static mallbots.ordering.handlers.OrderingTestbed.checkedOut;
import static mallbots.ordering.handlers.OrderingTestbed.invoicePaid;
import static mallbots.ordering.handlers.OrderingTestbed.listCompleted;
import static mallbots.ordering.handlers.OrderingTestbed.newId;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import mallbots.messages.baskets.BasketCheckedOut;
import mallbots.messages.ordering.OrderCompleted;
import mallbots.messages.ordering.OrderCreated;
import mallbots.messages.ordering.OrderReadied;
import mallbots.messages.ordering.OrderingMessages;
import mallbots.platform.domain.Money;
import mallbots.platform.messaging.Message;
import mallbots.platform.messaging.Metadata;
import mallbots.platform.testing.SqsEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The events ordering consumes (BasketCheckedOut, ShoppingListCompleted, InvoicePaid) through
 * OrderingEventsFunction: really sent to and received from an ElasticMQ queue, the order's
 * history read back from dynalite, the published messages schema-checked.
 */
class OrderingEventsTest {

    private OrderingTestbed ordering;

    @BeforeEach
    void setUp() {
        ordering = new OrderingTestbed();
    }

    // ---------------------------------------------------------------- BasketCheckedOut

    @Test
    void aCheckedOutBasketBecomesAPendingOrderWithItsIdAndTotal() {
        String basketId = newId();
        Message<BasketCheckedOut> checkout = checkedOut(basketId);
        BasketCheckedOut basket = checkout.data();

        assertThat(ordering.deliver(checkout).getBatchItemFailures()).isEmpty();

        JsonNode order = ordering.get(basketId).json();
        assertThat(order.get("id").asText()).isEqualTo(basketId);
        assertThat(order.get("customerId").asText()).isEqualTo(basket.customerId());
        assertThat(order.get("paymentId").asText()).isEqualTo(basket.paymentId());
        assertThat(order.get("status").asText()).isEqualTo("pending");
        assertThat(order.get("total").asText()).isEqualTo("6.30");
        assertThat(order.has("shoppingId")).isFalse();
        assertThat(order.has("invoiceId")).isFalse();
        assertThat(order.get("items")).hasSize(2);
        JsonNode apples = order.get("items").get(0);
        assertThat(apples.get("productId").asText()).isEqualTo(basket.items().get(0).productId());
        assertThat(apples.get("storeId").asText()).isEqualTo(basket.items().get(0).storeId());
        assertThat(apples.get("storeName").asText()).isEqualTo("Corner Shop");
        assertThat(apples.get("productName").asText()).isEqualTo("Apple");
        assertThat(apples.get("price").asText()).isEqualTo("1.50");
        assertThat(apples.get("quantity").asInt()).isEqualTo(3);

        List<Message<?>> created = ordering.published(OrderingMessages.ORDER_CREATED);
        assertThat(created).hasSize(1);
        OrderCreated data = (OrderCreated) created.getFirst().data();
        assertThat(data).isEqualTo(new OrderCreated(basketId, basket.customerId(), basket.paymentId(),
                basket.items().stream().map(item -> new OrderCreated.Item(item.productId(), item.storeId(),
                        item.storeName(), item.productName(), item.price(), item.quantity())).toList(),
                Money.of("6.30")));
        Metadata metadata = created.getFirst().metadata();
        assertThat(metadata.aggregateId()).isEqualTo(basketId);
        assertThat(metadata.aggregateVersion()).isEqualTo(1L);
        assertThat(metadata.causationId()).isEqualTo(checkout.messageId());
        assertThat(metadata.correlationId()).isEqualTo(checkout.metadata().correlationId());
        assertThat(metadata.sagaId()).isNull();
        assertThat(ordering.storedEvents(basketId)).containsExactly("OrderCreated");
    }

    @Test
    void aSecondCheckoutOfTheSameBasketCreatesNothingAndPublishesNothing() {
        String basketId = newId();
        Message<BasketCheckedOut> checkout = checkedOut(basketId);
        assertThat(ordering.deliver(checkout).getBatchItemFailures()).isEmpty();
        List<Map<String, AttributeValue>> afterFirst = ordering.allItems();

        // the same message again (a redelivery), and another message for the same basket
        Message<BasketCheckedOut> another = checkedOut(basketId);
        SQSBatchResponse response = ordering.deliver(checkout, another);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(ordering.allItems()).isEqualTo(afterFirst);
        assertThat(ordering.published()).hasSize(1);
        assertThat(ordering.get(basketId).json().get("customerId").asText())
                .isEqualTo(checkout.data().customerId());
    }

    // ---------------------------------------------------------------- ShoppingListCompleted

    @Test
    void aDeliveredShoppingListMakesTheApprovedOrderReady() {
        String shoppingId = newId();
        String orderId = ordering.approvedOrder(shoppingId);
        Message<?> completed = listCompleted(shoppingId, orderId);

        assertThat(ordering.deliver(completed).getBatchItemFailures()).isEmpty();

        assertThat(ordering.status(orderId)).isEqualTo("ready");
        List<Message<?>> readied = ordering.published(OrderingMessages.ORDER_READIED);
        assertThat(readied).hasSize(1);
        OrderReadied data = (OrderReadied) readied.getFirst().data();
        assertThat(data.orderId()).isEqualTo(orderId);
        assertThat(data.total()).isEqualTo(Money.of("6.30"));
        assertThat(readied.getFirst().metadata().aggregateVersion()).isEqualTo(3L);
        assertThat(readied.getFirst().metadata().causationId()).isEqualTo(completed.messageId());
        assertThat(ordering.storedEvents(orderId)).containsExactly("OrderCreated", "OrderApproved", "OrderReadied");
    }

    @Test
    void aShoppingListDeliveredTwiceReadiesOnce() {
        String shoppingId = newId();
        String orderId = ordering.approvedOrder(shoppingId);
        Message<?> completed = listCompleted(shoppingId, orderId);
        assertThat(ordering.deliver(completed).getBatchItemFailures()).isEmpty();
        List<Map<String, AttributeValue>> before = ordering.allItems();
        int published = ordering.published().size();

        // the same message again (a redelivery), and a copy with a new message id (depot published it twice)
        assertThat(ordering.deliver(completed, listCompleted(shoppingId, orderId)).getBatchItemFailures()).isEmpty();

        assertThat(ordering.allItems()).isEqualTo(before);
        assertThat(ordering.published()).hasSize(published);
        assertThat(ordering.status(orderId)).isEqualTo("ready");
    }

    @Test
    void aListDeliveredBeforeTheOrderIsApprovedFailsAndSucceedsOnItsRedeliveryAfterTheApproval() {
        String orderId = ordering.pendingOrder();
        String shoppingId = newId();
        List<Map<String, AttributeValue>> before = ordering.allItems();
        ordering.send(listCompleted(shoppingId, orderId));
        SQSEvent first = ordering.receive(1);

        SQSBatchResponse refused = ordering.handle(first);

        assertThat(refused.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly(first.getRecords().getFirst().getMessageId());
        assertThat(ordering.allItems()).isEqualTo(before);
        // the saga's ApproveOrder arrives; then SQS delivers the list again
        assertThat(ordering.deliver(approve(orderId, shoppingId)).getBatchItemFailures()).isEmpty();
        SqsEvents.release(ordering.sqs, ordering.queueUrl, first);
        SQSEvent second = ordering.receive(1);
        assertThat(second.getRecords().getFirst().getAttributes().get("ApproximateReceiveCount")).isEqualTo("2");

        assertThat(ordering.handle(second).getBatchItemFailures()).isEmpty();

        assertThat(ordering.status(orderId)).isEqualTo("ready");
        assertThat(ordering.published(OrderingMessages.ORDER_READIED)).hasSize(1);
    }

    @Test
    void aListDeliveredForACanceledOrderIsIgnoredAndTheOrderStaysCanceled() {
        String shoppingId = newId();
        String orderId = ordering.approvedOrder(shoppingId);
        assertThat(ordering.cancel(orderId).status()).isEqualTo(200);
        List<Map<String, AttributeValue>> before = ordering.allItems();
        int published = ordering.published().size();

        assertThat(ordering.deliver(listCompleted(shoppingId, orderId)).getBatchItemFailures()).isEmpty();

        assertThat(ordering.status(orderId)).isEqualTo("canceled");
        assertThat(ordering.allItems()).isEqualTo(before);
        assertThat(ordering.published()).hasSize(published);
    }

    @Test
    void aListForAnUnknownOrderOrOtherThanTheOrdersFailsAndChangesNothing() {
        String shoppingId = newId();
        String orderId = ordering.approvedOrder(shoppingId);
        List<Map<String, AttributeValue>> before = ordering.allItems();
        int published = ordering.published().size();

        assertThat(ordering.deliver(listCompleted(newId(), orderId)).getBatchItemFailures()).hasSize(1);
        assertThat(ordering.deliver(listCompleted(shoppingId, newId())).getBatchItemFailures()).hasSize(1);

        assertThat(ordering.allItems()).isEqualTo(before);
        assertThat(ordering.published()).hasSize(published);
        assertThat(ordering.status(orderId)).isEqualTo("approved");
    }

    // ---------------------------------------------------------------- InvoicePaid

    @Test
    void aPaidInvoiceCompletesTheReadyOrder() {
        String shoppingId = newId();
        String orderId = ordering.readyOrder(shoppingId);
        Message<?> paid = invoicePaid(orderId, orderId, "6.30");

        assertThat(ordering.deliver(paid).getBatchItemFailures()).isEmpty();

        JsonNode order = ordering.get(orderId).json();
        assertThat(order.get("status").asText()).isEqualTo("completed");
        assertThat(order.get("invoiceId").asText()).isEqualTo(orderId);
        assertThat(order.get("shoppingId").asText()).isEqualTo(shoppingId);
        List<Message<?>> completed = ordering.published(OrderingMessages.ORDER_COMPLETED);
        assertThat(completed).hasSize(1);
        assertThat(completed.getFirst().data()).isEqualTo(new OrderCompleted(orderId,
                order.get("customerId").asText(), orderId));
        assertThat(completed.getFirst().metadata().aggregateVersion()).isEqualTo(4L);
        assertThat(completed.getFirst().metadata().causationId()).isEqualTo(paid.messageId());
        // the whole life, every event announced with consecutive versions
        assertThat(ordering.publishedAbout(orderId)).extracting(Message::detailType).containsExactly(
                "OrderCreated", "OrderApproved", "OrderReadied", "OrderCompleted");
        assertThat(ordering.publishedAbout(orderId)).extracting(message -> message.metadata().aggregateVersion())
                .containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void aCompletedOrderLoadsFromItsSnapshot() {
        String orderId = ordering.readyOrder(newId());
        assertThat(ordering.deliver(invoicePaid(orderId, orderId, "6.30")).getBatchItemFailures()).isEmpty();

        List<Map<String, AttributeValue>> history = ordering.historyOf(orderId);

        // one item per command: created, approved, readied (snapshot at version 3), completed
        assertThat(history).extracting(item -> item.get("sk").n()).containsExactly("1", "2", "3", "4");
        assertThat(history.get(2)).containsKey("snapshot");
        assertThat(history.get(2).get("snapshot").s()).contains("\"status\":\"READY\"");
        assertThat(ordering.module.getOrder().get(orderId).status()).isEqualTo("completed");
    }

    @Test
    void anInvoicePaidTwiceCompletesOnce() {
        String orderId = ordering.readyOrder(newId());
        Message<?> paid = invoicePaid(orderId, orderId, "6.30");
        assertThat(ordering.deliver(paid).getBatchItemFailures()).isEmpty();
        List<Map<String, AttributeValue>> before = ordering.allItems();

        assertThat(ordering.deliver(paid, invoicePaid(orderId, orderId, "6.30")).getBatchItemFailures()).isEmpty();

        assertThat(ordering.allItems()).isEqualTo(before);
        assertThat(ordering.published(OrderingMessages.ORDER_COMPLETED)).hasSize(1);
    }

    @Test
    void anInvoicePaidForAnOrderThatIsNotReadyFailsToReachTheDeadLetterQueueAndChangesNothing() {
        String approved = ordering.approvedOrder(newId());
        String pending = ordering.pendingOrder();
        String canceled = ordering.pendingOrder();
        assertThat(ordering.cancel(canceled).status()).isEqualTo(200);
        String completed = ordering.readyOrder(newId());
        assertThat(ordering.deliver(invoicePaid(completed, completed, "6.30")).getBatchItemFailures()).isEmpty();
        List<Map<String, AttributeValue>> before = ordering.allItems();
        int published = ordering.published().size();

        SQSBatchResponse response = ordering.deliver(invoicePaid(approved, approved, "6.30"),
                invoicePaid(pending, pending, "6.30"), invoicePaid(canceled, canceled, "6.30"),
                invoicePaid(newId(), completed, "6.30"), invoicePaid(newId(), newId(), "6.30"));

        assertThat(response.getBatchItemFailures()).hasSize(5);
        assertThat(ordering.allItems()).isEqualTo(before);
        assertThat(ordering.published()).hasSize(published);
    }

    // ---------------------------------------------------------------- the batch

    @Test
    void onlyThePoisonRecordsOfABatchFail() {
        String basketId = newId();
        Message<BasketCheckedOut> good = checkedOut(basketId);
        ordering.send(good);
        SqsEvents.send(ordering.sqs, ordering.queueUrl, "{\"detail-type\": \"BasketCheckedOut\", \"source\": ");
        // a message of a type ordering does not handle
        Message<?> foreign = new Message<>(OrderingMessages.ORDER_CANCELED,
                Metadata.first().withAggregate(basketId, 2),
                new mallbots.messages.ordering.OrderCanceled(basketId, newId(), newId(), null));
        SqsEvents.send(ordering.sqs, ordering.queueUrl, OrderingTestbed.eventBridgeEvent(foreign));
        SQSEvent batch = ordering.receive(3);

        SQSBatchResponse response = ordering.handle(batch);

        String goodId = batch.getRecords().stream().filter(record -> record.getBody().contains(good.messageId()))
                .findFirst().orElseThrow().getMessageId();
        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .hasSize(2).doesNotContain(goodId);
        assertThat(ordering.status(basketId)).isEqualTo("pending");
    }
}
