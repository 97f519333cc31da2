package mallbots.platform.outbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import mallbots.platform.messaging.EventPublisher;
import mallbots.platform.messaging.OutboundEvent;
import mallbots.platform.messaging.PublishException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * Publishes an item's outbox entries and then removes those the bus accepted. Entries the bus
 * did not accept stay (with the GSI flag) for the {@link OutboxSweeper}. The flag goes only once
 * the map is empty, by a write conditional on that, so an entry added meanwhile is never lost.
 */
public final class OutboxPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxPublisher.class);

    private final DynamoDbClient dynamo;
    private final String tableName;
    private final EventPublisher publisher;

    public OutboxPublisher(DynamoDbClient dynamo, String tableName, EventPublisher publisher) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.tableName = Objects.requireNonNull(tableName, "tableName");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
    }

    /** What a publication did: the ids now published and removed, the ids left, each with why. */
    public record Result(List<String> published, Map<String, String> failed) {

        public Result {
            published = List.copyOf(published);
            failed = Map.copyOf(failed);
        }
    }

    /**
     * Right after the item was written: publishes and cleans up, and never throws. A failure is
     * logged; the entries are in the item and the sweeper publishes them later.
     */
    public Result publishAfterWrite(Map<String, AttributeValue> key, List<OutboundEvent> events) {
        try {
            return publish(key, events);
        } catch (RuntimeException e) {
            LOG.warn("outbox of {} in {}: cleanup after publishing failed, the sweeper will retry: {}",
                    describe(key), tableName, e.toString());
            return new Result(List.of(), failures(events, e.toString()));
        }
    }

    /** Publishes the entries and removes the accepted ones from the item. Throws only if the removal fails. */
    public Result publish(Map<String, AttributeValue> key, List<OutboundEvent> events) {
        if (events.isEmpty()) {
            return new Result(List.of(), Map.of());
        }
        List<String> accepted;
        Map<String, String> failed;
        try {
            publisher.publish(events);
            accepted = events.stream().map(OutboundEvent::messageId).toList();
            failed = Map.of();
        } catch (PublishException e) {
            accepted = e.publishedMessageIds();
            failed = e.failedMessageIds();
            LOG.warn("outbox of {} in {}: {} of {} events not published, left for the sweeper: {}",
                    describe(key), tableName, failed.size(), events.size(), failed);
        } catch (RuntimeException e) {
            accepted = List.of();
            failed = failures(events, e.toString());
            LOG.warn("outbox of {} in {}: publishing {} events failed, left for the sweeper: {}",
                    describe(key), tableName, events.size(), e.toString());
        }
        markPublished(key, accepted);
        return new Result(accepted, failed);
    }

    /**
     * Removes the entries from the item's outbox, and the GSI flag if that empties it. Usually
     * the outbox holds just these entries (those of the write before), and one write removes
     * them and the flag together; when it holds others too, the flag goes in a second write
     * once the map is empty.
     */
    public void markPublished(Map<String, AttributeValue> key, Collection<String> messageIds) {
        if (messageIds.isEmpty()) {
            return;
        }
        Map<String, String> names = new HashMap<>();
        names.put("#outbox", Outbox.ATTRIBUTE);
        List<String> paths = new ArrayList<>();
        List<String> present = new ArrayList<>();
        int i = 0;
        for (String messageId : new LinkedHashSet<>(messageIds)) {
            names.put("#m" + i, messageId);
            paths.add("#outbox.#m" + i);
            present.add("attribute_exists(#outbox.#m" + i + ")");
            i++;
        }
        if (removeAllWithFlag(key, names, paths, present)) {
            return;
        }
        UpdateItemResponse response;
        try {
            response = dynamo.updateItem(r -> r.tableName(tableName).key(key)
                    .updateExpression("REMOVE " + String.join(", ", paths))
                    .conditionExpression("attribute_exists(#outbox)")
                    .expressionAttributeNames(names)
                    .returnValues(ReturnValue.ALL_NEW));
        } catch (ConditionalCheckFailedException gone) {
            return; // no item or no outbox: nothing left to clean
        }
        AttributeValue outbox = response.attributes().get(Outbox.ATTRIBUTE);
        if (outbox != null && outbox.hasM() && outbox.m().isEmpty()) {
            clearFlag(key);
        }
    }

    /** One write: the entries and the flag, if the outbox holds exactly these entries. */
    private boolean removeAllWithFlag(Map<String, AttributeValue> key, Map<String, String> names, List<String> paths,
                                      List<String> present) {
        Map<String, String> withFlag = new HashMap<>(names);
        withFlag.put("#pending", Outbox.PENDING);
        withFlag.put("#since", Outbox.SINCE);
        try {
            dynamo.updateItem(r -> r.tableName(tableName).key(key)
                    .updateExpression("REMOVE " + String.join(", ", paths) + ", #pending, #since")
                    .conditionExpression("size(#outbox) = :count AND " + String.join(" AND ", present))
                    .expressionAttributeNames(withFlag)
                    .expressionAttributeValues(Map.of(":count", AttributeValue.fromN(Integer.toString(paths.size())))));
            return true;
        } catch (ConditionalCheckFailedException othersOrGone) {
            return false; // other entries wait in the outbox, or the item or its entries are gone
        }
    }

    private void clearFlag(Map<String, AttributeValue> key) {
        try {
            dynamo.updateItem(r -> r.tableName(tableName).key(key)
                    .updateExpression("REMOVE #pending, #since")
                    .conditionExpression("size(#outbox) = :zero")
                    .expressionAttributeNames(Map.of("#pending", Outbox.PENDING, "#since", Outbox.SINCE,
                            "#outbox", Outbox.ATTRIBUTE))
                    .expressionAttributeValues(Map.of(":zero", AttributeValue.fromN("0"))));
        } catch (ConditionalCheckFailedException entryAddedMeanwhile) {
            // another write added an entry after ours emptied the map: the flag must stay
        }
    }

    private static Map<String, String> failures(List<OutboundEvent> events, String reason) {
        return events.stream().collect(Collectors.toMap(OutboundEvent::messageId, e -> reason, (a, b) -> a));
    }

    static String describe(Map<String, AttributeValue> key) {
        return key.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + (e.getValue().s() != null ? e.getValue().s() : e.getValue().n()))
                .collect(Collectors.joining(",", "{", "}"));
    }
}
