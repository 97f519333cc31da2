package mallbots.emulators.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The local EventBridge: buses, rules, targets and archives in memory, patterns matched by
 * event-ruler (one machine per bus), events delivered asynchronously to SQS queues and Lambda
 * functions. {@link #call} serves the AWSEvents JSON 1.1 API; {@link EventBridgeHttpHandler}
 * puts it on HTTP.
 */
public final class EventBridge implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventBridge.class);

    private final EventBridgeSettings settings;
    private final Arns arns;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, EventBus> buses = new ConcurrentSkipListMap<>();
    private final Map<String, Archive> archives = new ConcurrentSkipListMap<>();
    private final TargetDispatcher dispatcher;
    private final ScheduleRunner schedules;
    private final EventBridgeApi api;

    /**
     * @param sqs the client through which SQS targets and dead-letter queues are reached
     *            (pointed at the ElasticMQ of the local cloud)
     */
    public EventBridge(EventBridgeSettings settings, SqsClient sqs) {
        this.settings = settings;
        this.arns = new Arns(settings.region(), settings.accountId());
        this.dispatcher = new TargetDispatcher(settings, sqs, json);
        this.schedules = new ScheduleRunner(settings, this::fireSchedule);
        this.api = new EventBridgeApi(this, json);
        createBus(Arns.DEFAULT_BUS, null);
    }

    /**
     * Runs one operation of the API ({@code PutEvents}, {@code PutRule}, ...) on its JSON request.
     *
     * @throws EventBridgeException as AWS would answer with HTTP 400
     */
    public JsonNode call(String operation, JsonNode request) {
        return api.call(operation, request);
    }

    public void setLambdaInvoker(LambdaInvoker invoker) {
        dispatcher.setLambdaInvoker(invoker);
    }

    /** Duplicates and delays deliveries as the injector draws them. */
    public void injectFaults(mallbots.emulators.faults.FaultInjector faults) {
        dispatcher.injectFaults(faults);
    }

    public void addDeliveryListener(DeliveryListener listener) {
        dispatcher.addListener(listener);
    }

    @Override
    public void close() {
        schedules.close();
        dispatcher.close();
    }

    Arns arns() {
        return arns;
    }

    Instant now() {
        return settings.clock().instant();
    }

    EventBus createBus(String name, String description) {
        EventBus bus = new EventBus(name, arns.bus(name), description, now());
        if (buses.putIfAbsent(name, bus) != null) {
            throw EventBridgeException.alreadyExists("Event bus " + name + " already exists.");
        }
        return bus;
    }

    Optional<EventBus> findBus(String nameOrArn) {
        return Optional.ofNullable(buses.get(Arns.busName(nameOrArn)));
    }

    EventBus bus(String nameOrArn) {
        String name = Arns.busName(nameOrArn);
        return findBus(name).orElseThrow(() -> EventBridgeException.notFound("Event bus " + name + " does not exist."));
    }

    List<EventBus> buses() {
        return List.copyOf(buses.values());
    }

    void deleteBus(String nameOrArn) {
        String name = Arns.busName(nameOrArn);
        if (Arns.DEFAULT_BUS.equals(name)) {
            throw EventBridgeException.validation("Cannot delete event bus default.");
        }
        // Deleting a bus that does not exist succeeds, as on AWS; one with rules does not.
        buses.computeIfPresent(name, (key, bus) -> {
            if (!bus.rules().isEmpty()) {
                throw EventBridgeException.validation("EventBus can't be deleted since it has rules.");
            }
            return null;
        });
    }

    void putRule(EventBus bus, Rule rule) {
        bus.putRule(rule);
        schedules.put(rule);
    }

    void setEnabled(EventBus bus, String ruleName, boolean enabled) {
        bus.setEnabled(ruleName, enabled);
        bus.rule(ruleName).ifPresent(schedules::put);
    }

    void deleteRule(EventBus bus, String ruleName, boolean force) {
        Optional<Rule> rule = bus.rule(ruleName);
        bus.deleteRule(ruleName, force);
        rule.ifPresent(r -> schedules.remove(r.arn()));
    }

    Archive createArchive(Archive archive) {
        if (archives.putIfAbsent(archive.name(), archive) != null) {
            throw EventBridgeException.alreadyExists("Archive " + archive.name() + " already exists.");
        }
        return archive;
    }

    Optional<Archive> archive(String name) {
        return Optional.ofNullable(archives.get(name));
    }

    List<Archive> archives() {
        return List.copyOf(archives.values());
    }

    /**
     * Hands an accepted event to the targets of the rules it matches. AWS accepts events for a
     * bus that does not exist and drops them; so does this, telling the listeners.
     */
    void publish(PublishedEvent event) {
        Optional<EventBus> bus = findBus(event.busName());
        if (bus.isEmpty()) {
            LOG.warn("event {} ({} / {}) was put on event bus {}, which does not exist: dropped as AWS does",
                    event.id(), event.source(), event.detailType(), event.busName());
            dispatcher.unmatched(event);
            return;
        }
        List<Rule> matched = bus.get().matching(event.json());
        int deliveries = 0;
        for (Rule rule : matched) {
            for (Target target : bus.get().targets(rule.name())) {
                dispatcher.dispatch(event, rule, target);
                deliveries++;
            }
        }
        dispatcher.accepted(event, deliveries);
        if (deliveries == 0) {
            dispatcher.unmatched(event);
        }
    }

    /** A schedule rule's "Scheduled Event", sent to the rule's targets. */
    private void fireSchedule(Rule rule, Instant scheduledTime) {
        EventBus bus = buses.get(rule.busName());
        if (bus == null) {
            return;
        }
        String id = UUID.randomUUID().toString();
        ObjectNode event = json.createObjectNode();
        event.put("version", "0");
        event.put("id", id);
        event.put("detail-type", "Scheduled Event");
        event.put("source", "aws.events");
        event.put("account", arns.accountId());
        event.put("time", PutEventsEntries.format(scheduledTime));
        event.put("region", arns.region());
        event.putArray("resources").add(rule.arn());
        event.putObject("detail");
        PublishedEvent published = new PublishedEvent(id, bus.name(), "aws.events", "Scheduled Event",
                event.toString(), now());
        List<Target> targets = bus.rule(rule.name()).isPresent() ? bus.targets(rule.name()) : List.of();
        targets.forEach(target -> dispatcher.dispatch(published, rule, target));
        if (targets.isEmpty()) {
            dispatcher.unmatched(published);
        }
    }
}
