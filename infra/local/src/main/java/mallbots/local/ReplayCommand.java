package mallbots.local;

import java.io.PrintStream;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import mallbots.local.provision.ProvisioningClients;
import mallbots.local.template.Template;
import mallbots.local.template.TemplateReader;
import software.amazon.awssdk.services.eventbridge.model.DescribeReplayResponse;
import software.amazon.awssdk.services.eventbridge.model.ReplayState;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;

/**
 * {@code ./mallbots replay --from T [--to T] [--rule R ...] [--archive NAME]}: replays the
 * template's bus archive between two ISO-8601 times (to: now by default) with EventBridge's
 * StartReplay, to every rule of the bus or only to the rules named (Destination.FilterArns),
 * waits for it to finish and prints what DescribeReplay says. Works against any endpoint that
 * implements StartReplay (ours, or AWS itself).
 */
final class ReplayCommand {

    /** The command's flags with a value; {@link Options} keeps them with the command's words. */
    static final List<String> FLAGS = List.of("--from", "--to", "--rule", "--archive");

    private ReplayCommand() {
    }

    static int run(Options options, PrintStream out, PrintStream err) throws InterruptedException {
        Instant from = null;
        Instant to = Instant.now();
        List<String> rules = new ArrayList<>();
        String archiveName = null;
        List<String> words = options.command();
        for (int i = 1; i < words.size(); i++) {
            String word = words.get(i);
            String flag = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
            if (!FLAGS.contains(flag)) {
                err.println("replay takes --from, --to, --rule and --archive, not " + word + "\n" + Options.USAGE);
                return 2;
            }
            String value = word.contains("=") ? word.substring(word.indexOf('=') + 1) : i + 1 < words.size() ? words.get(++i) : null;
            if (value == null) {
                err.println(flag + " needs a value\n" + Options.USAGE);
                return 2;
            }
            switch (flag) {
                case "--from" -> from = time(flag, value);
                case "--to" -> to = time(flag, value);
                case "--rule" -> rules.add(value);
                default -> archiveName = value;
            }
        }
        if (from == null) {
            err.println("replay needs --from (an ISO-8601 time, e.g. 2026-12-02T14:00:00Z)\n" + Options.USAGE);
            return 2;
        }
        URI endpoint = options.awsEndpoint();
        Template template = TemplateReader.read(options.template(), options.parameters(),
                new TemplateReader.Site(options.region(), endpoint, URI.create("http://127.0.0.1:" + options.apiPort())));
        Template.Archive archive = archive(template, archiveName);
        String bus = archive.sourceArn().substring(archive.sourceArn().lastIndexOf('/') + 1);
        try (ProvisioningClients aws = ProvisioningClients.of(endpoint, options.region())) {
            List<String> ruleArns = new ArrayList<>();
            for (String rule : rules) {
                try {
                    ruleArns.add(aws.events().describeRule(r -> r.name(rule).eventBusName(bus)).arn());
                } catch (ResourceNotFoundException e) {
                    throw new IllegalArgumentException("no rule " + rule + " on bus " + bus + " at " + endpoint);
                }
            }
            String archiveArn = aws.events().describeArchive(a -> a.archiveName(archive.name())).archiveArn();
            String name = "mallbots-replay-" + System.currentTimeMillis();
            Instant start = from;
            Instant end = to;
            aws.events().startReplay(r -> r.replayName(name).eventSourceArn(archiveArn).eventStartTime(start)
                    .eventEndTime(end).destination(d -> d.arn(archive.sourceArn()).filterArns(ruleArns.isEmpty() ? null : ruleArns)));
            out.println("replay " + name + ": archive " + archive.name() + ", events from " + start + " to " + end + " -> "
                    + (rules.isEmpty() ? "every rule of bus " + bus : "rules " + String.join(", ", rules)));
            DescribeReplayResponse replay = aws.events().describeReplay(d -> d.replayName(name));
            while (replay.state() == ReplayState.STARTING || replay.state() == ReplayState.RUNNING
                    || replay.state() == ReplayState.CANCELLING) {
                Thread.sleep(200);
                replay = aws.events().describeReplay(d -> d.replayName(name));
            }
            out.println("replay " + name + ": " + replay.stateAsString() + " (" + replay.stateReason() + ")");
            return replay.state() == ReplayState.COMPLETED ? 0 : 1;
        } catch (software.amazon.awssdk.core.exception.SdkClientException e) {
            throw new IllegalStateException("cannot reach " + endpoint + " (is ./mallbots up running?): " + e.getMessage(), e);
        }
    }

    private static Template.Archive archive(Template template, String name) {
        List<Template.Archive> archives = template.archives();
        if (name != null) {
            return archives.stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow(() ->
                    new IllegalArgumentException("no archive " + name + " in the template (archives: "
                            + archives.stream().map(Template.Archive::name).toList() + ")"));
        }
        if (archives.size() != 1) {
            throw new IllegalArgumentException("the template declares " + archives.size() + " archives: name one with --archive "
                    + archives.stream().map(Template.Archive::name).toList());
        }
        return archives.getFirst();
    }

    /** An ISO-8601 time with its offset: 2026-12-02T14:00:00Z or 2026-12-02T15:00:00+01:00. */
    private static Instant time(String flag, String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(flag + " takes an ISO-8601 time with its offset, e.g. 2026-12-02T14:00:00Z, not " + value);
        }
    }
}
