package mallbots.emulators.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The local EventBridge: buses, rules and targets in memory, patterns matched by event-ruler
 * (one machine per bus), events delivered asynchronously to SQS queues and Lambda functions.
 * The deliveries not yet done and the archives with their events are in an
 * {@link EventBridgeDatabase} (a data directory's, or memory). {@link #call} serves the AWSEvents
 * JSON 1.1 API; {@link EventBridgeHttpHandler} puts it on HTTP.
 */
public final class EventBridge implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventBridge.class);

    private final EventBridgeSettings settings;
    private final Arns arns;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, EventBus> buses = new ConcurrentSkipListMap<>();
    private final EventBridgeDatabase database;
    private final DeliveryJournal journal;
    private final ArchiveStore archives;
    private final Replays replays;
    private final UnmatchedEvents unmatched;
    private final TargetDefinitions targetDefinitions;
    private final ScheduledExecutorService retention = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("eventbridge-archive-retention").factory());
    private final TargetDispatcher dispatcher;
    private final ScheduleRunner schedules;
    private final EventBridgeApi api;

    /**
     * @param sqs the client through which SQS targets and dead-letter queues are reached
     *            (pointed at the ElasticMQ of the local cloud)
     */
    public EventBridge(EventBridgeSettings settings, SqsClient sqs) {
        this(settings, sqs, null);
    }

    /**
     * @param dataDir where the deliveries not yet done and the archives are kept across restarts
     *                ({@value EventBridgeDatabase#NAME}.mv.db); null keeps them in memory
     */
    public EventBridge(EventBridgeSettings settings, SqsClient sqs, Path dataDir) {
        this.settings = settings;
        this.arns = new Arns(settings.region(), settings.accountId());
        this.database = EventBridgeDatabase.open(dataDir);
        this.journal = new DeliveryJournal(database, json);
        this.archives = new ArchiveStore(database, json);
        this.replays = new Replays(archives, this::replay, settings.clock());
        this.unmatched = new UnmatchedEvents(settings.clock());
        this.targetDefinitions = new TargetDefinitions(json);
        this.dispatcher = new TargetDispatcher(settings, sqs, json, journal);
        this.dispatcher.addListener(unmatched);
        this.schedules = new ScheduleRunner(settings, this::fireSchedule);
        this.api = new EventBridgeApi(this, json);
        createBus(Arns.DEFAULT_BUS, null);
        retention.scheduleWithFixedDelay(this::expireArchived, 0, 1, TimeUnit.HOURS);
    }

    /**
     * Carries on with the deliveries a previous run left unfinished (kept in the data directory),
     * each at its next attempt's time. Call it once the targets can be reached.
     */
    public int resumeDeliveries() {
        List<DeliveryJournal.Pending> pending = journal.toResume();
        if (!pending.isEmpty()) {
            LOG.info("carrying on with {} deliveries a previous run left in {} (with those it finished in its last"
                    + " {} s, which a queue may not have kept)", pending.size(), database.where(),
                    DeliveryJournal.KEPT_AFTER_DONE.toSeconds());
        }
        dispatcher.resume(pending, targetDefinitions);
        return pending.size();
    }

    /**
     * The deliveries not done yet as JSON: {@code {"deliveries":[{eventId, busName, source,
     * detailType, rule, targetArn, attempt, nextAttemptAt, lastError, maximumRetryAttempts,
     * maximumEventAgeSeconds, expiresAt, deadLetterArn}]}}; attempt 1 without lastError is an
     * event on its way, a lastError one being retried.
     */
    public JsonNode deliveriesView() {
        ObjectNode view = json.createObjectNode();
        ArrayNode list = view.putArray("deliveries");
        for (DeliveryJournal.Pending pending : journal.pending()) {
            Target target = targetDefinitions.target(pending.target());
            ObjectNode delivery = list.addObject().put("eventId", pending.event().id())
                    .put("busName", pending.event().busName()).put("source", pending.event().source())
                    .put("detailType", pending.event().detailType()).put("rule", pending.ruleName())
                    .put("ruleArn", pending.ruleArn()).put("targetArn", target.arn()).put("attempt", pending.attempt())
                    .put("nextAttemptAt", pending.nextAttemptAt().toString())
                    .put("maximumRetryAttempts", target.maximumRetryAttempts())
                    .put("maximumEventAgeSeconds", target.maximumEventAge().toSeconds())
                    .put("expiresAt", pending.event().acceptedAt().plus(target.maximumEventAge()).toString());
            delivery.put("lastError", pending.lastError());
            delivery.put("deadLetterArn", target.deadLetterArn());
        }
        return view;
    }

    /** The events that matched no rule, counted per bus, source and detail-type (see {@link UnmatchedEvents}). */
    public JsonNode unmatchedView() {
        return unmatched.view(json);
    }

    public UnmatchedEvents unmatched() {
        return unmatched;
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
        retention.shutdownNow();
        schedules.close();
        replays.close();
        dispatcher.close();
        journal.forgetDone();
        database.close();
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
        if (!archives.create(archive)) {
            throw EventBridgeException.alreadyExists("Archive " + archive.name() + " already exists.");
        }
        return archive;
    }

    Optional<Archive> archive(String name) {
        return archives.find(name);
    }

    List<Archive> archives() {
        return archives.all();
    }

    ArchiveStore.Size archiveSize(String name) {
        return archives.size(name);
    }

    Replays replays() {
        return replays;
    }

    private void expireArchived() {
        try {
            int removed = archives.expire(now());
            if (removed > 0) {
                LOG.info("removed {} archived events past their archive's retention", removed);
            }
        } catch (RuntimeException e) {
            LOG.warn("expiring archived events failed", e);
        }
    }

    /**
     * One archived event again, as StartReplay sends it: with {@code replay-name} in the event,
     * to the rules of the replay's destination bus (those of its FilterArns only, when it has
     * some), never to an archive, not counted as unmatched.
     */
    private void replay(ArchiveStore.ArchivedEvent archived, Replays.Replay replay) {
        Optional<EventBus> bus = findBus(replay.destinationArn);
        if (bus.isEmpty()) {
            throw new IllegalStateException("the replay's destination " + replay.destinationArn + " does not exist");
        }
        ObjectNode event;
        try {
            event = (ObjectNode) json.readTree(archived.json());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("an archived event is not JSON: " + archived.json(), e);
        }
        event.put("replay-name", replay.name);
        PublishedEvent published = new PublishedEvent(archived.id(), bus.get().name(), archived.source(),
                archived.detailType(), event.toString(), now());
        for (Rule rule : bus.get().matching(published.json())) {
            if (replay.filterArns.isEmpty() || replay.filterArns.contains(rule.arn())) {
                bus.get().targets(rule.name()).forEach(target -> dispatcher.dispatch(published, rule, target));
            }
        }
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
        archives.archive(event, bus.get().arn(), now());
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
