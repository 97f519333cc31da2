package mallbots.emulators.eventbridge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import software.amazon.event.ruler.JsonRuleCompiler;
import software.amazon.event.ruler.Machine;

/**
 * The AWSEvents JSON 1.1 operations: request and response shapes as in the EventBridge API
 * reference, validation and error types as AWS reports them.
 */
final class EventBridgeApi {

    private static final Pattern RULE_NAME = Pattern.compile("[.\\-_A-Za-z0-9]{1,64}");
    private static final Pattern BUS_NAME = Pattern.compile("[/.\\-_A-Za-z0-9]{1,256}");
    private static final Pattern TARGET_ID = Pattern.compile("[.\\-_A-Za-z0-9]{1,64}");
    private static final int MAX_TARGETS_PER_RULE = 5;
    private static final int DEFAULT_PAGE = 100;

    private final EventBridge bridge;
    private final ObjectMapper json;
    private final PutEventsEntries entries;
    private final TargetDefinitions targetDefinitions;
    private final Map<String, Function<JsonNode, JsonNode>> operations = Map.ofEntries(
            Map.entry("CreateEventBus", this::createEventBus),
            Map.entry("DescribeEventBus", this::describeEventBus),
            Map.entry("ListEventBuses", this::listEventBuses),
            Map.entry("DeleteEventBus", this::deleteEventBus),
            Map.entry("PutRule", this::putRule),
            Map.entry("DescribeRule", this::describeRule),
            Map.entry("ListRules", this::listRules),
            Map.entry("DeleteRule", this::deleteRule),
            Map.entry("EnableRule", request -> setEnabled(request, true)),
            Map.entry("DisableRule", request -> setEnabled(request, false)),
            Map.entry("PutTargets", this::putTargets),
            Map.entry("ListTargetsByRule", this::listTargetsByRule),
            Map.entry("RemoveTargets", this::removeTargets),
            Map.entry("ListRuleNamesByTarget", this::listRuleNamesByTarget),
            Map.entry("PutEvents", this::putEvents),
            Map.entry("TestEventPattern", this::testEventPattern),
            Map.entry("CreateArchive", this::createArchive),
            Map.entry("DescribeArchive", this::describeArchive),
            Map.entry("ListArchives", this::listArchives),
            Map.entry("StartReplay", this::startReplay),
            Map.entry("DescribeReplay", this::describeReplay),
            Map.entry("ListReplays", this::listReplays),
            Map.entry("CancelReplay", this::cancelReplay));

    EventBridgeApi(EventBridge bridge, ObjectMapper json) {
        this.bridge = bridge;
        this.json = json;
        this.entries = new PutEventsEntries(json, bridge.arns());
        this.targetDefinitions = new TargetDefinitions(json);
    }

    JsonNode call(String operation, JsonNode request) {
        Function<JsonNode, JsonNode> handler = operations.get(operation);
        if (handler == null) {
            throw EventBridgeException.unknownOperation(operation);
        }
        return handler.apply(request == null || request.isNull() ? json.createObjectNode() : request);
    }

    // ---- buses

    private JsonNode createEventBus(JsonNode request) {
        String name = required(request, "Name");
        if (!BUS_NAME.matcher(name).matches() || name.startsWith("aws.")) {
            throw invalidValue(name, "name", BUS_NAME.pattern());
        }
        EventBus bus = bridge.createBus(name, text(request, "Description"));
        ObjectNode response = json.createObjectNode().put("EventBusArn", bus.arn());
        putIfPresent(response, "Description", bus.description());
        return response;
    }

    private JsonNode describeEventBus(JsonNode request) {
        return busShape(bridge.bus(text(request, "Name")));
    }

    private JsonNode listEventBuses(JsonNode request) {
        String prefix = orEmpty(text(request, "NamePrefix"));
        List<EventBus> matching = bridge.buses().stream().filter(b -> b.name().startsWith(prefix)).toList();
        ObjectNode response = json.createObjectNode();
        ArrayNode list = response.putArray("EventBuses");
        page(matching, request, response).forEach(bus -> list.add(busShape(bus)));
        return response;
    }

    private JsonNode deleteEventBus(JsonNode request) {
        bridge.deleteBus(required(request, "Name"));
        return json.createObjectNode();
    }

    private ObjectNode busShape(EventBus bus) {
        ObjectNode shape = json.createObjectNode().put("Name", bus.name()).put("Arn", bus.arn());
        putIfPresent(shape, "Description", bus.description());
        shape.put("CreationTime", bus.createdAt().getEpochSecond());
        shape.put("LastModifiedTime", bus.createdAt().getEpochSecond());
        return shape;
    }

    // ---- rules

    private JsonNode putRule(JsonNode request) {
        String name = required(request, "Name");
        if (!RULE_NAME.matcher(name).matches()) {
            throw invalidValue(name, "name", RULE_NAME.pattern());
        }
        EventBus bus = bridge.bus(text(request, "EventBusName"));
        String pattern = text(request, "EventPattern");
        String schedule = text(request, "ScheduleExpression");
        if (pattern == null && schedule == null) {
            throw EventBridgeException.validation("Parameter(s) EventPattern or ScheduleExpression must be specified.");
        }
        if (pattern != null) {
            checkPattern(pattern);
        }
        if (schedule != null) {
            if (!Arns.DEFAULT_BUS.equals(bus.name())) {
                throw EventBridgeException.validation("ScheduleExpression is supported only on the default event bus.");
            }
            Schedule.parse(schedule);
        }
        String state = orDefault(text(request, "State"), "ENABLED");
        boolean enabled = switch (state) {
            case "ENABLED", "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS" -> true;
            case "DISABLED" -> false;
            default -> throw invalidValue(state, "state", "ENABLED|DISABLED|ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS");
        };
        Rule rule = new Rule(name, bus.name(), bridge.arns().rule(bus.name(), name), pattern, schedule, enabled,
                text(request, "Description"), text(request, "RoleArn"), bridge.now());
        bridge.putRule(bus, rule);
        return json.createObjectNode().put("RuleArn", rule.arn());
    }

    private JsonNode describeRule(JsonNode request) {
        EventBus bus = bridge.bus(text(request, "EventBusName"));
        ObjectNode shape = ruleShape(rule(bus, required(request, "Name")));
        shape.put("CreatedBy", bridge.arns().accountId());
        return shape;
    }

    private JsonNode listRules(JsonNode request) {
        EventBus bus = bridge.bus(text(request, "EventBusName"));
        String prefix = orEmpty(text(request, "NamePrefix"));
        List<Rule> matching = bus.rules().stream().filter(r -> r.name().startsWith(prefix)).toList();
        ObjectNode response = json.createObjectNode();
        ArrayNode list = response.putArray("Rules");
        page(matching, request, response).forEach(rule -> list.add(ruleShape(rule)));
        return response;
    }

    private JsonNode deleteRule(JsonNode request) {
        EventBus bus = bridge.bus(text(request, "EventBusName"));
        bridge.deleteRule(bus, required(request, "Name"), request.path("Force").asBoolean(false));
        return json.createObjectNode();
    }

    private JsonNode setEnabled(JsonNode request, boolean enabled) {
        EventBus bus = bridge.bus(text(request, "EventBusName"));
        bridge.setEnabled(bus, required(request, "Name"), enabled);
        return json.createObjectNode();
    }

    private ObjectNode ruleShape(Rule rule) {
        ObjectNode shape = json.createObjectNode().put("Name", rule.name()).put("Arn", rule.arn());
        putIfPresent(shape, "EventPattern", rule.eventPattern());
        putIfPresent(shape, "ScheduleExpression", rule.scheduleExpression());
        shape.put("State", rule.state());
        putIfPresent(shape, "Description", rule.description());
        putIfPresent(shape, "RoleArn", rule.roleArn());
        shape.put("EventBusName", rule.busName());
        return shape;
    }

    private Rule rule(EventBus bus, String name) {
        return bus.rule(name).orElseThrow(() -> EventBridgeException.notFound(
                "Rule " + name + " does not exist on EventBus " + bus.name() + "."));
    }

    private void checkPattern(String pattern) {
        String problem;
        try {
            problem = json.readTree(pattern).isObject() ? JsonRuleCompiler.check(pattern) : "it is not a JSON object";
        } catch (JsonProcessingException e) {
            problem = e.getOriginalMessage();
        }
        if (problem != null) {
            throw EventBridgeException.invalidPattern("Event pattern is not valid. Reason: " + problem);
        }
    }

    // ---- targets

    private JsonNode putTargets(JsonNode request) {
        EventBus bus = bridge.bus(text(request, "EventBusName"));
        String ruleName = rule(bus, required(request, "Rule")).name();
        JsonNode targets = request.path("Targets");
        if (!targets.isArray() || targets.isEmpty()) {
            throw EventBridgeException.validation("1 validation error detected: Value null at 'targets' failed to "
                    + "satisfy constraint: Member must not be null and must have length greater than or equal to 1");
        }
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode target : targets) {
            String id = required(target, "Id");
            if (!TARGET_ID.matcher(id).matches()) {
                throw invalidValue(id, "targets.member.id", TARGET_ID.pattern());
            }
            required(target, "Arn");
            if (!bus.hasTarget(ruleName, id)) {
                ids.add(id);
            }
        }
        if (bus.targetCount(ruleName) + ids.size() > MAX_TARGETS_PER_RULE) {
            throw EventBridgeException.limitExceeded("The requested resource exceeds the maximum number allowed.");
        }
        ObjectNode response = json.createObjectNode();
        ArrayNode failed = json.createArrayNode();
        for (JsonNode definition : targets) {
            String problem = targetDefinitions.problem(definition);
            if (problem == null) {
                bus.putTarget(ruleName, targetDefinitions.target((ObjectNode) definition));
            } else {
                failed.addObject().put("TargetId", definition.get("Id").asText())
                        .put("ErrorCode", "ValidationException").put("ErrorMessage", problem);
            }
        }
        response.put("FailedEntryCount", failed.size());
        response.set("FailedEntries", failed);
        return response;
    }

    private JsonNode listTargetsByRule(JsonNode request) {
        EventBus bus = bridge.bus(text(request, "EventBusName"));
        String ruleName = rule(bus, required(request, "Rule")).name();
        ObjectNode response = json.createObjectNode();
        ArrayNode list = response.putArray("Targets");
        page(bus.targets(ruleName), request, response).forEach(target -> list.add(target.definition()));
        return response;
    }

    private JsonNode removeTargets(JsonNode request) {
        EventBus bus = bridge.bus(text(request, "EventBusName"));
        String ruleName = rule(bus, required(request, "Rule")).name();
        for (JsonNode id : request.path("Ids")) {
            bus.removeTarget(ruleName, id.asText());
        }
        ObjectNode response = json.createObjectNode().put("FailedEntryCount", 0);
        response.putArray("FailedEntries");
        return response;
    }

    private JsonNode listRuleNamesByTarget(JsonNode request) {
        String targetArn = required(request, "TargetArn");
        EventBus bus = bridge.bus(text(request, "EventBusName"));
        List<String> names = new ArrayList<>();
        for (Rule rule : bus.rules()) {
            if (bus.targets(rule.name()).stream().anyMatch(t -> t.arn().equals(targetArn))) {
                names.add(rule.name());
            }
        }
        ObjectNode response = json.createObjectNode();
        ArrayNode list = response.putArray("RuleNames");
        page(names, request, response).forEach(list::add);
        return response;
    }

    // ---- events

    private JsonNode putEvents(JsonNode request) {
        JsonNode requestEntries = request.get("Entries");
        entries.checkRequest(requestEntries);
        Instant now = bridge.now();
        ObjectNode response = json.createObjectNode();
        ArrayNode results = json.createArrayNode();
        List<PublishedEvent> accepted = new ArrayList<>();
        int failed = 0;
        for (JsonNode entry : requestEntries) {
            switch (entries.accept(entry, now)) {
                case PutEventsEntries.Accepted(PublishedEvent event) -> {
                    accepted.add(event);
                    results.addObject().put("EventId", event.id());
                }
                case PutEventsEntries.Rejected(String code, String message) -> {
                    failed++;
                    results.addObject().put("ErrorCode", code).put("ErrorMessage", message);
                }
            }
        }
        accepted.forEach(bridge::publish);
        response.put("FailedEntryCount", failed);
        response.set("Entries", results);
        return response;
    }

    private JsonNode testEventPattern(JsonNode request) {
        String pattern = required(request, "EventPattern");
        String event = required(request, "Event");
        checkPattern(pattern);
        try {
            if (!json.readTree(event).isObject()) {
                throw EventBridgeException.validation("Parameter Event is not valid.");
            }
            Machine machine = Machine.builder().build();
            machine.addRule("pattern", pattern);
            return json.createObjectNode().put("Result", !machine.rulesForJSONEvent(event).isEmpty());
        } catch (EventBridgeException e) {
            throw e;
        } catch (Exception e) {
            throw EventBridgeException.validation("Parameter Event is not valid.");
        }
    }

    // ---- archives and replays

    private JsonNode createArchive(JsonNode request) {
        String name = required(request, "ArchiveName");
        String source = required(request, "EventSourceArn");
        bridge.bus(source);
        String pattern = text(request, "EventPattern");
        if (pattern != null) {
            checkPattern(pattern);
        }
        Archive archive = bridge.createArchive(new Archive(name, bridge.arns().archive(name), source,
                text(request, "Description"), pattern, request.path("RetentionDays").asInt(0), bridge.now()));
        return json.createObjectNode().put("ArchiveArn", archive.arn()).put("State", "ENABLED")
                .put("CreationTime", archive.createdAt().getEpochSecond());
    }

    private JsonNode describeArchive(JsonNode request) {
        String name = required(request, "ArchiveName");
        Archive archive = bridge.archive(name)
                .orElseThrow(() -> EventBridgeException.notFound("Archive " + name + " does not exist."));
        ObjectNode shape = archiveShape(archive).put("ArchiveArn", archive.arn());
        putIfPresent(shape, "Description", archive.description());
        putIfPresent(shape, "EventPattern", archive.eventPattern());
        return shape;
    }

    private JsonNode listArchives(JsonNode request) {
        String prefix = orEmpty(text(request, "NamePrefix"));
        String source = text(request, "EventSourceArn");
        List<Archive> matching = bridge.archives().stream()
                .filter(a -> a.name().startsWith(prefix))
                .filter(a -> source == null || a.eventSourceArn().equals(source))
                .toList();
        ObjectNode response = json.createObjectNode();
        ArrayNode list = response.putArray("Archives");
        page(matching, request, response).forEach(archive -> list.add(archiveShape(archive)));
        return response;
    }

    private ObjectNode archiveShape(Archive archive) {
        ArchiveStore.Size size = bridge.archiveSize(archive.name());
        return json.createObjectNode().put("ArchiveName", archive.name()).put("EventSourceArn", archive.eventSourceArn())
                .put("State", "ENABLED").put("RetentionDays", archive.retentionDays()).put("SizeBytes", size.sizeBytes())
                .put("EventCount", size.eventCount()).put("CreationTime", archive.createdAt().getEpochSecond());
    }

    private JsonNode startReplay(JsonNode request) {
        String name = required(request, "ReplayName");
        if (!RULE_NAME.matcher(name).matches()) {
            throw invalidValue(name, "replayName", RULE_NAME.pattern());
        }
        String source = required(request, "EventSourceArn");
        Archive archive = bridge.archives().stream().filter(a -> a.arn().equals(source)).findFirst()
                .orElseThrow(() -> EventBridgeException.notFound("Archive " + source + " does not exist."));
        Instant start = timestamp(request, "EventStartTime");
        Instant end = timestamp(request, "EventEndTime");
        if (!start.isBefore(end)) {
            throw EventBridgeException.validation("EventStartTime must be before EventEndTime.");
        }
        JsonNode destination = request.path("Destination");
        String destinationArn = required(destination, "Arn");
        if (!destinationArn.equals(archive.eventSourceArn())) {
            throw EventBridgeException.validation("Parameter Destination.Arn is not valid. Reason: the destination "
                    + "must be the event bus the archive " + archive.name() + " was created on, " + archive.eventSourceArn());
        }
        EventBus bus = bridge.bus(destinationArn);
        List<String> filters = new ArrayList<>();
        for (JsonNode filter : destination.path("FilterArns")) {
            String ruleArn = filter.asText();
            if (bus.rules().stream().noneMatch(r -> r.arn().equals(ruleArn))) {
                throw EventBridgeException.validation("Parameter Destination.FilterArns is not valid. Reason: rule "
                        + ruleArn + " does not exist on event bus " + bus.name() + ".");
            }
            filters.add(ruleArn);
        }
        Replays.Replay replay = bridge.replays().start(new Replays.Replay(name, bridge.arns().replay(name),
                text(request, "Description"), archive, destinationArn, filters, start, end, bridge.now()));
        return json.createObjectNode().put("ReplayArn", replay.arn).put("State", replay.state)
                .put("StateReason", replay.stateReason).put("ReplayStartTime", seconds(replay.replayStartTime));
    }

    private JsonNode describeReplay(JsonNode request) {
        Replays.Replay replay = replay(required(request, "ReplayName"));
        ObjectNode shape = replayShape(replay).put("ReplayArn", replay.arn);
        putIfPresent(shape, "Description", replay.description);
        ObjectNode destination = shape.putObject("Destination").put("Arn", replay.destinationArn);
        if (!replay.filterArns.isEmpty()) {
            ArrayNode filters = destination.putArray("FilterArns");
            replay.filterArns.forEach(filters::add);
        }
        return shape;
    }

    private JsonNode listReplays(JsonNode request) {
        String prefix = orEmpty(text(request, "NamePrefix"));
        String state = text(request, "State");
        String source = text(request, "EventSourceArn");
        List<Replays.Replay> matching = bridge.replays().all().stream()
                .filter(r -> r.name.startsWith(prefix))
                .filter(r -> state == null || r.state.equals(state))
                .filter(r -> source == null || r.archive.arn().equals(source))
                .toList();
        ObjectNode response = json.createObjectNode();
        ArrayNode list = response.putArray("Replays");
        page(matching, request, response).forEach(replay -> list.add(replayShape(replay)));
        return response;
    }

    private JsonNode cancelReplay(JsonNode request) {
        Replays.Replay replay = bridge.replays().cancel(required(request, "ReplayName"));
        return json.createObjectNode().put("ReplayArn", replay.arn).put("State", replay.state)
                .put("StateReason", replay.stateReason);
    }

    private Replays.Replay replay(String name) {
        return bridge.replays().find(name)
                .orElseThrow(() -> EventBridgeException.notFound("Replay " + name + " does not exist."));
    }

    private ObjectNode replayShape(Replays.Replay replay) {
        ObjectNode shape = json.createObjectNode().put("ReplayName", replay.name)
                .put("EventSourceArn", replay.archive.arn()).put("State", replay.state)
                .put("StateReason", replay.stateReason)
                .put("EventStartTime", seconds(replay.eventStartTime)).put("EventEndTime", seconds(replay.eventEndTime))
                .put("ReplayStartTime", seconds(replay.replayStartTime));
        if (replay.eventLastReplayedTime != null) {
            shape.put("EventLastReplayedTime", seconds(replay.eventLastReplayedTime));
        }
        if (replay.replayEndTime != null) {
            shape.put("ReplayEndTime", seconds(replay.replayEndTime));
        }
        return shape;
    }

    /** JSON 1.1 timestamps: epoch seconds, with a fraction. */
    private static double seconds(Instant time) {
        return time.toEpochMilli() / 1000.0;
    }

    /** A required JSON 1.1 timestamp: epoch seconds (the SDKs), or ISO-8601 text. */
    private static Instant timestamp(JsonNode request, String field) {
        JsonNode value = request.get(field);
        if (value == null || value.isNull()) {
            required(request, field);
        }
        try {
            return value.isNumber() ? Instant.ofEpochMilli(Math.round(value.asDouble() * 1000)) : Instant.parse(value.asText());
        } catch (RuntimeException e) {
            throw EventBridgeException.validation("Parameter " + field + " is not valid.");
        }
    }

    // ---- helpers

    /** One page of {@code items} by Limit and NextToken (an offset); sets NextToken when more remain. */
    private static <T> List<T> page(List<T> items, JsonNode request, ObjectNode response) {
        int limit = request.path("Limit").asInt(DEFAULT_PAGE);
        if (limit < 1 || limit > 100) {
            throw invalidValue(Integer.toString(limit), "limit", "1..100");
        }
        int offset;
        try {
            offset = request.hasNonNull("NextToken") ? Integer.parseInt(request.get("NextToken").asText()) : 0;
        } catch (NumberFormatException e) {
            throw EventBridgeException.validation("The NextToken is not valid.");
        }
        int end = Math.min(items.size(), offset + limit);
        if (end < items.size()) {
            response.put("NextToken", Integer.toString(end));
        }
        return offset >= items.size() ? List.of() : items.subList(offset, end);
    }

    private static String required(JsonNode request, String field) {
        String value = text(request, field);
        if (value == null || value.isEmpty()) {
            throw EventBridgeException.validation("1 validation error detected: Value null at '"
                    + Character.toLowerCase(field.charAt(0)) + field.substring(1)
                    + "' failed to satisfy constraint: Member must not be null");
        }
        return value;
    }

    private static EventBridgeException invalidValue(String value, String field, String constraint) {
        return EventBridgeException.validation("1 validation error detected: Value '" + value + "' at '" + field
                + "' failed to satisfy constraint: Member must satisfy constraint " + constraint);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
