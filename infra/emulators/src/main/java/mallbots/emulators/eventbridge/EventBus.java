package mallbots.emulators.eventbridge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.event.ruler.Machine;

/**
 * One event bus: its rules, their targets, and the event-ruler machine that holds the patterns
 * of its enabled rules. Rules are kept by name in order, as ListRules returns them.
 */
final class EventBus {

    private final String name;
    private final String arn;
    private final String description;
    private final Instant createdAt;
    private final Map<String, Rule> rules = new TreeMap<>();
    private final Map<String, Map<String, Target>> targets = new TreeMap<>();
    private final Machine machine = Machine.builder().build();

    EventBus(String name, String arn, String description, Instant createdAt) {
        this.name = name;
        this.arn = arn;
        this.description = description;
        this.createdAt = createdAt;
    }

    String name() {
        return name;
    }

    String arn() {
        return arn;
    }

    String description() {
        return description;
    }

    Instant createdAt() {
        return createdAt;
    }

    /** Adds or replaces a rule; a replaced rule keeps its targets. The pattern must be valid. */
    synchronized void putRule(Rule rule) {
        Rule previous = rules.put(rule.name(), rule);
        if (previous != null) {
            unmatch(previous);
        }
        match(rule);
        targets.computeIfAbsent(rule.name(), n -> new LinkedHashMap<>());
    }

    synchronized Optional<Rule> rule(String ruleName) {
        return Optional.ofNullable(rules.get(ruleName));
    }

    synchronized List<Rule> rules() {
        return List.copyOf(rules.values());
    }

    synchronized void setEnabled(String ruleName, boolean enabled) {
        Rule rule = existing(ruleName);
        unmatch(rule);
        Rule changed = rule.withEnabled(enabled);
        rules.put(ruleName, changed);
        match(changed);
    }

    synchronized void deleteRule(String ruleName, boolean force) {
        Rule rule = rules.get(ruleName);
        if (rule == null) {
            return; // DeleteRule of a missing rule succeeds on AWS too
        }
        if (!force && !targets.get(ruleName).isEmpty()) {
            throw EventBridgeException.validation("Rule can't be deleted since it has targets.");
        }
        unmatch(rule);
        rules.remove(ruleName);
        targets.remove(ruleName);
    }

    synchronized void putTarget(String ruleName, Target target) {
        existing(ruleName);
        targets.get(ruleName).put(target.id(), target);
    }

    synchronized int targetCount(String ruleName) {
        existing(ruleName);
        return targets.get(ruleName).size();
    }

    synchronized boolean hasTarget(String ruleName, String targetId) {
        existing(ruleName);
        return targets.get(ruleName).containsKey(targetId);
    }

    synchronized void removeTarget(String ruleName, String targetId) {
        existing(ruleName);
        targets.get(ruleName).remove(targetId);
    }

    synchronized List<Target> targets(String ruleName) {
        existing(ruleName);
        return List.copyOf(targets.get(ruleName).values());
    }

    /** The enabled pattern rules that match the event. */
    synchronized List<Rule> matching(String eventJson) {
        try {
            List<Rule> matched = new ArrayList<>();
            for (String ruleName : machine.rulesForJSONEvent(eventJson)) {
                matched.add(rules.get(ruleName));
            }
            matched.sort((a, b) -> a.name().compareTo(b.name()));
            return matched;
        } catch (Exception e) {
            throw new IllegalStateException("event-ruler cannot read an event it was given: " + eventJson, e);
        }
    }

    private Rule existing(String ruleName) {
        Rule rule = rules.get(ruleName);
        if (rule == null) {
            throw EventBridgeException.notFound("Rule " + ruleName + " does not exist on EventBus " + name + ".");
        }
        return rule;
    }

    private void match(Rule rule) {
        if (rule.enabled() && rule.eventPattern() != null) {
            try {
                machine.addRule(rule.name(), rule.eventPattern());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void unmatch(Rule rule) {
        if (rule.enabled() && rule.eventPattern() != null) {
            try {
                machine.deleteRule(rule.name(), rule.eventPattern());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
