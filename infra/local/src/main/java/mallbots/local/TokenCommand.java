package mallbots.local;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import mallbots.local.auth.LocalIssuer;
import mallbots.local.auth.TokenMinter;
import mallbots.local.template.Template;
import mallbots.local.template.TemplateReader;

/**
 * {@code ./mallbots token [--sub ID] [--scope S]... [--expires-in SEC] [--api-port 3000]}: prints a
 * bearer token that the local cloud's authorizer accepts (issuer: the HTTP API on that port;
 * audience: the template's). Without {@code --sub} the subject is a new UUID. The other flags
 * ({@code --template}, {@code --param}, {@code --state-dir}) are those of {@code up}.
 */
final class TokenCommand {

    static final String USAGE = """
            usage: mallbots token [--sub ID] [--scope S]... [--expires-in SEC] [--api-port 3000]
                                  [--template template.yaml] [--param Name=Value ...] [--state-dir .mallbots]
              scopes: mallbots/customer, mallbots/staff, mallbots/bot (README, "Who may call what")
            """;

    private TokenCommand() {
    }

    static String run(String... args) {
        String subject = null;
        List<String> scopes = new ArrayList<>();
        long expiresIn = TokenMinter.DEFAULT_LIFETIME.toSeconds();
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String flag = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (!List.of("--sub", "--scope", "--expires-in").contains(flag)) {
                rest.add(arg);
                continue;
            }
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException(arg + " needs a value\n" + USAGE);
            }
            switch (flag) {
                case "--sub" -> subject = value;
                case "--scope" -> scopes.add(value);
                default -> {
                    try {
                        expiresIn = Long.parseLong(value);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--expires-in takes seconds, got " + value);
                    }
                }
            }
        }
        Options options = Options.parse(rest.toArray(String[]::new));
        if (options.command().size() != 1) {
            throw new IllegalArgumentException(USAGE);
        }
        Template template = TemplateReader.read(options.template(), options.parameters(),
                new TemplateReader.Site(options.region(), options.awsEndpoint(), URI.create("http://127.0.0.1:" + options.apiPort())));
        TokenMinter minter = new TokenMinter(LocalIssuer.inStateDir(options.stateDir()), template);
        return minter.token(subject == null ? UUID.randomUUID().toString() : subject, scopes, Duration.ofSeconds(expiresIn));
    }

    static void print(PrintStream out, String... args) {
        out.println(run(args));
    }
}
