package mallbots.emulators.eventbridge;

import java.util.Optional;

/** The ARNs of the local EventBridge's resources and of the targets it delivers to. */
public record Arns(String region, String accountId) {

    public static final String DEFAULT_BUS = "default";

    public String bus(String busName) {
        return "arn:aws:events:" + region + ":" + accountId + ":event-bus/" + busName;
    }

    /** Rules of the default bus are {@code rule/<name>}, others {@code rule/<bus>/<name>}, as on AWS. */
    public String rule(String busName, String ruleName) {
        String path = DEFAULT_BUS.equals(busName) ? ruleName : busName + "/" + ruleName;
        return "arn:aws:events:" + region + ":" + accountId + ":rule/" + path;
    }

    public String archive(String archiveName) {
        return "arn:aws:events:" + region + ":" + accountId + ":archive/" + archiveName;
    }

    public String replay(String replayName) {
        return "arn:aws:events:" + region + ":" + accountId + ":replay/" + replayName;
    }

    /** The bus a request names, by name or by ARN; the default bus when it names none. */
    public static String busName(String nameOrArn) {
        if (nameOrArn == null || nameOrArn.isEmpty()) {
            return DEFAULT_BUS;
        }
        int slash = nameOrArn.indexOf(":event-bus/");
        return nameOrArn.startsWith("arn:") && slash >= 0
                ? nameOrArn.substring(slash + ":event-bus/".length())
                : nameOrArn;
    }

    /** The service of an ARN ({@code sqs}, {@code lambda}, ...), if it is an ARN. */
    public static Optional<String> service(String arn) {
        String[] parts = arn.split(":", 6);
        return parts.length == 6 && parts[0].equals("arn") ? Optional.of(parts[2]) : Optional.empty();
    }

    /** The last part of an ARN: the queue name of an SQS ARN. */
    public static String resource(String arn) {
        return arn.substring(arn.lastIndexOf(':') + 1);
    }
}
